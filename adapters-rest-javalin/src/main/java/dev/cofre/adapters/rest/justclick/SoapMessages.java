package dev.cofre.adapters.rest.justclick;

import dev.cofre.adapters.rest.Problem;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The SOAP 1.1 messages the JustClick web service answers with: {@code {Method}Response/{Method}Result}
 * with Success, CorrelationId, ErrorReportCollection and the method's fields (in the WSDL's order),
 * and Faults. The envelope prefix is {@code soap}, as the vendor's clients read it by that name.
 */
final class SoapMessages {

    static final String CONTENT_TYPE = "text/xml; charset=utf-8";
    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newDefaultFactory();

    private SoapMessages() {
    }

    static byte[] answer(JustClickCalls.Answer answer) {
        return write(xml -> {
            String method = answer.method().name();
            xml.writeStartElement(method + "Response");
            xml.writeDefaultNamespace(SoapEnvelope.SERVICE_NS);
            xml.writeStartElement(method + "Result");
            element(xml, "Success", String.valueOf(answer.success()));
            if (answer.correlationId() == null) {
                nil(xml, "CorrelationId");
            } else {
                element(xml, "CorrelationId", answer.correlationId());
            }
            xml.writeStartElement("ErrorReportCollection");
            for (Problem p : answer.errors()) {
                xml.writeStartElement("ErrorReport");
                element(xml, "ErrorCode", String.valueOf(p.code()));
                element(xml, "ErrorMessage", p.message());
                xml.writeEndElement();
            }
            xml.writeEndElement();
            for (Map.Entry<String, ?> field : answer.fields().entrySet()) {
                if (field.getValue() == null) {
                    nil(xml, field.getKey());
                } else {
                    element(xml, field.getKey(), String.valueOf(field.getValue()));
                }
            }
            xml.writeEndElement();
            xml.writeEndElement();
        });
    }

    /** A SOAP 1.1 Fault: {@code soap:Client} for the caller's mistakes, {@code soap:Server} for ours. */
    static byte[] fault(boolean client, String message) {
        return write(xml -> {
            xml.writeStartElement("soap", "Fault", SoapEnvelope.SOAP_NS);
            element(xml, "faultcode", client ? "soap:Client" : "soap:Server");
            element(xml, "faultstring", message);
            xml.writeEndElement();
        });
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        var out = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out, "utf-8");
            xml.writeStartDocument("utf-8", "1.0");
            xml.writeStartElement("soap", "Envelope", SoapEnvelope.SOAP_NS);
            xml.writeNamespace("soap", SoapEnvelope.SOAP_NS);
            xml.writeNamespace("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI);
            xml.writeNamespace("xsd", XMLConstants.W3C_XML_SCHEMA_NS_URI);
            xml.writeStartElement("soap", "Body", SoapEnvelope.SOAP_NS);
            body.write(xml);
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("a SOAP message failed to serialize", e);
        }
        return out.toByteArray();
    }

    private static void nil(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeEmptyElement(name);
        xml.writeAttribute("xsi", XMLConstants.W3C_XML_SCHEMA_INSTANCE_NS_URI, "nil", "true");
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
