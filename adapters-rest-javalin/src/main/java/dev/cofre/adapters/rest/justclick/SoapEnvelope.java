package dev.cofre.adapters.rest.justclick;

import io.vavr.control.Either;
import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a SOAP 1.1 request to the JustClick web service: which method it calls and the text of the
 * request object's fields. The parser is hardened: no DTD (a document with one is refused before any
 * entity is read), no external entities, no XInclude (StAX has none), bounded depth; the body's size
 * is bounded before it gets here. Both envelope forms are read: the method element in the default
 * namespace ({@code <SaveCreditCard xmlns="...">}) or prefixed ({@code <tns:SaveCreditCard>}).
 */
final class SoapEnvelope {

    static final String SOAP_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SERVICE_NS = "http://www.cartaoprotegido.com.br/WebService/";
    private static final int MAX_DEPTH = 16;

    private static final XMLInputFactory FACTORY = factory();

    /** A method call read from an envelope; blank fields are absent, as ASP.NET binds them. */
    record Call(JustClickMethod method, boolean hasRequest, Map<String, String> fields) {
        @Override
        public String toString() {
            return "Call[" + method + "]"; // the fields may hold a card number
        }
    }

    private SoapEnvelope() {
    }

    private static XMLInputFactory factory() {
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        f.setXMLResolver((publicId, systemId, base, ns) -> {
            throw new XMLStreamException("external entities are not allowed");
        });
        f.setXMLReporter((message, type, info, location) -> {
            // the caller gets a Fault; nothing from the request is printed
        });
        return f;
    }

    /** The call in {@code body}, or the fault's message (never holding request data). */
    static Either<String, Call> read(byte[] body, String soapAction) {
        if (body.length == 0) {
            return Either.left("Empty request: a SOAP 1.1 envelope is required");
        }
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(new ByteArrayInputStream(body));
            return envelope(xml, soapAction);
        } catch (Twice e) {
            return Either.left(dev.cofre.domain.card.EmbeddedCardNumbers.masked(e.name)
                    + " appears more than once (element names are matched ignoring case)");
        } catch (XMLStreamException | RuntimeException e) {
            return Either.left("Malformed XML: the request is not a well-formed SOAP 1.1 envelope");
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release
                }
            }
        }
    }

    private static Either<String, Call> envelope(XMLStreamReader xml, String soapAction) throws XMLStreamException {
        if (!nextElement(xml) || !isSoap(xml, "Envelope")) {
            return Either.left("The root element must be a SOAP 1.1 Envelope (" + SOAP_NS + ")");
        }
        if (!nextElement(xml)) {
            return Either.left("The envelope has no Body");
        }
        if (isSoap(xml, "Header")) {
            skip(xml);
            if (!nextElement(xml)) {
                return Either.left("The envelope has no Body");
            }
        }
        if (!isSoap(xml, "Body")) {
            return Either.left("The envelope has no Body");
        }
        if (!nextElement(xml)) {
            return Either.left("The Body names no method");
        }
        String operation = xml.getLocalName();
        var method = JustClickMethod.named(operation)
                .filter(m -> SERVICE_NS.equals(xml.getNamespaceURI()));
        if (method.isEmpty()) {
            return Either.left("Unknown method " + safe(operation) + " in namespace " + safe(xml.getNamespaceURI())
                    + "; this service has SaveCreditCard, GetMaskedCreditCard, GetCreditCard, GetJustClickKey, "
                    + "InvalidateCreditCard and JustClickShop in " + SERVICE_NS);
        }
        String action = soapAction == null ? "" : soapAction.trim().replace("\"", "");
        if (!action.isEmpty() && !action.equalsIgnoreCase(SERVICE_NS + method.get().name())) {
            return Either.left("SOAPAction " + safe(action) + " does not match the Body's method " + method.get().name());
        }
        var fields = new HashMap<String, String>();
        boolean hasRequest = false;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                hasRequest = true;
                readFields(xml, fields);
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                return Either.left("DTDs and entity references are not allowed");
            }
        }
        return Either.right(new Call(method.get(), hasRequest, fields));
    }

    /** The request object's leaf elements as name to text; nested content (DataCollection) is skipped. */
    private static void readFields(XMLStreamReader xml, Map<String, String> fields) throws XMLStreamException {
        var seen = new java.util.HashSet<String>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                boolean nil = "true".equals(xml.getAttributeValue(XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil"));
                StringBuilder text = new StringBuilder();
                boolean leaf = true;
                int depth = 1;
                while (depth > 0) {
                    int inner = xml.next();
                    if (inner == XMLStreamConstants.START_ELEMENT) {
                        leaf = false;
                        depth++;
                        if (depth > MAX_DEPTH) {
                            throw new XMLStreamException("too deep");
                        }
                    } else if (inner == XMLStreamConstants.END_ELEMENT) {
                        depth--;
                    } else if (inner == XMLStreamConstants.CHARACTERS || inner == XMLStreamConstants.CDATA) {
                        text.append(xml.getText());
                    } else if (inner == XMLStreamConstants.ENTITY_REFERENCE || inner == XMLStreamConstants.DTD) {
                        throw new XMLStreamException("entity references are not allowed");
                    }
                }
                String value = text.toString().trim();
                if (!seen.add(name.toUpperCase(java.util.Locale.ROOT).toLowerCase(java.util.Locale.ROOT))) {
                    // names bind ignoring case, so a second spelling would silently replace the first
                    throw new Twice(name);
                }
                if (leaf && !nil && !value.isEmpty()) {
                    fields.put(name, value);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("entity references are not allowed");
            }
        }
    }

    /** An element of the request object that appears twice, in any letter case. */
    private static final class Twice extends XMLStreamException {
        private final String name;

        Twice(String name) {
            super("an element appears twice");
            this.name = name;
        }
    }

    /** Moves to the next start element; false at an end element or the end of the document. */
    private static boolean nextElement(XMLStreamReader xml) throws XMLStreamException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                return true;
            }
            if (event == XMLStreamConstants.END_ELEMENT) {
                return false;
            }
            if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new XMLStreamException("DTDs are not allowed");
            }
        }
        return false;
    }

    /** Skips the current element and its content, refusing what is nested too deep. */
    private static void skip(XMLStreamReader xml) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && ++depth > MAX_DEPTH) {
                throw new XMLStreamException("too deep");
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("entity references are not allowed");
            }
        }
    }

    private static boolean isSoap(XMLStreamReader xml, String localName) {
        return SOAP_NS.equals(xml.getNamespaceURI()) && localName.equals(xml.getLocalName());
    }

    /** A name from the request, cut short and stripped to safe characters before it goes into a fault. */
    private static String safe(String s) {
        if (s == null) {
            return "(none)";
        }
        String kept = s.replaceAll("[^A-Za-z_.:/-]", "?"); // no digits: nothing that could be card data
        return kept.length() > 80 ? kept.substring(0, 80) + "..." : kept;
    }
}
