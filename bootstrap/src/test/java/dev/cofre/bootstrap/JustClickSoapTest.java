package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * JustClick over SOAP 1.1 against the running server, with envelopes written exactly as the vendor's
 * SDKs write them: the Node and PHP SDKs' default-namespace form with an empty
 * {@code <JustClickAlias></JustClickAlias>} and {@code <DataCollection />} and no SOAPAction, the
 * prefixed form a Ruby (Savon) client sends, and a .NET client's quoted SOAPAction. Then Faults, the
 * WSDL, the IP allow-list with its audit, and hostile XML. JustClickShop's own cases run on SQLite
 * and PostgreSQL in {@link JustClickShopContract}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JustClickSoapTest {

    static final String PAN = VaultServerContract.PAN;
    static final String NS = "http://www.cartaoprotegido.com.br/WebService/";
    static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String ASMX = "/v2/cartaoprotegido.asmx";

    private Path dataDir;
    private RunningCofre cofre;
    private RegisterMerchant.Registered local;

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("cofre-soap");
        cofre = new RunningCofre(dataDir, null, null, RunningCofre.SEED_TIME);
        local = cofre.merchant("SOAP client", "127.0.0.1/32", "::1/128");
    }

    @AfterAll
    void stop() {
        cofre.close();
    }

    // ------------------------------------------------------------ envelopes as the SDKs write them

    /** The Node and PHP SDKs: soap prefix, the method in the default namespace, every field written even when empty. */
    static String sdkEnvelope(String method, String wrapper, Map<String, String> fields) {
        var body = new StringBuilder();
        body.append("<soap:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">\n"
                + "    <soap:Body>\n        <" + method + " xmlns=\"" + NS + "\">\n            <" + wrapper + ">\n");
        fields.forEach((k, v) -> body.append("                <").append(k).append(">").append(v).append("</").append(k)
                .append(">\n"));
        if (method.equals("SaveCreditCard")) {
            body.append("                <DataCollection />\n");
        }
        body.append("            </").append(wrapper).append(">\n        </").append(method)
                .append(">\n    </soap:Body>\n</soap:Envelope>");
        return body.toString();
    }

    /** A Savon client: env and tns prefixes, an XML declaration. */
    static String prefixedEnvelope(String method, String wrapper, Map<String, String> fields) {
        var body = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<env:Envelope xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" "
                + "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xmlns:tns=\"" + NS + "\" xmlns:env=\"" + SOAP
                + "\"><env:Body><tns:" + method + "><tns:" + wrapper + ">");
        fields.forEach((k, v) -> body.append("<tns:").append(k).append(">").append(v).append("</tns:").append(k)
                .append(">"));
        return body.append("</tns:").append(wrapper).append("></tns:").append(method).append("></env:Body></env:Envelope>")
                .toString();
    }

    static Map<String, String> fields(String... kv) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return map;
    }

    static Map<String, String> saveFields(RegisterMerchant.Registered m, String requestId, String alias) {
        return fields("RequestId", requestId, "MerchantKey", m.merchantKey(), "CustomerIdentification", "12345678909",
                "CustomerName", "Comprador Fulano de tal", "CardHolder", "Teste Holder", "CardNumber", PAN,
                "CardExpiration", "03/2029", "JustClickAlias", alias);
    }

    static Map<String, String> cardFields(RegisterMerchant.Registered m, String requestId, String key, String alias) {
        return fields("RequestId", requestId, "MerchantKey", m.merchantKey(), "JustClickKey", key,
                "JustClickAlias", alias);
    }

    /** The {Method}Result of a SOAP answer, as name to text (ErrorReportCollection as "code:message;..."). */
    static Map<String, String> result(Reply r, String method) {
        assertEquals(200, r.status(), r.body());
        assertTrue(r.header("Content-Type").startsWith("text/xml"), r.header("Content-Type"));
        Element body = (Element) document(r).getElementsByTagNameNS(SOAP, "Body").item(0);
        Element response = (Element) body.getElementsByTagNameNS(NS, method + "Response").item(0);
        Element result = (Element) response.getElementsByTagNameNS(NS, method + "Result").item(0);
        var out = new LinkedHashMap<String, String>();
        for (Node n = result.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                if (e.getLocalName().equals("ErrorReportCollection")) {
                    var errors = new StringBuilder();
                    var reports = e.getElementsByTagNameNS(NS, "ErrorReport");
                    for (int i = 0; i < reports.getLength(); i++) {
                        var report = (Element) reports.item(i);
                        errors.append(report.getElementsByTagNameNS(NS, "ErrorCode").item(0).getTextContent()).append(':')
                                .append(report.getElementsByTagNameNS(NS, "ErrorMessage").item(0).getTextContent())
                                .append(';');
                    }
                    out.put("ErrorReportCollection", errors.toString());
                } else {
                    out.put(e.getLocalName(), e.getTextContent());
                }
            }
        }
        return out;
    }

    static org.w3c.dom.Document document(Reply r) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return factory.newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new AssertionError("not XML: " + r.body(), e);
        }
    }

    /** A SOAP 1.1 Fault: HTTP 500, faultcode soap:Client, no stack trace, no card data. */
    static String assertFault(Reply r) {
        assertEquals(500, r.status(), r.body());
        var doc = document(r);
        var fault = (Element) doc.getElementsByTagNameNS(SOAP, "Fault").item(0);
        assertEquals("soap:Client", fault.getElementsByTagName("faultcode").item(0).getTextContent(), r.body());
        String text = fault.getElementsByTagName("faultstring").item(0).getTextContent();
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains(PAN), r.body());
        assertFalse(r.body().contains("root:"), "no file contents: " + r.body());
        return text;
    }

    // ------------------------------------------------------------ the five methods

    @Test
    void the_five_methods_answer_the_SDKs_envelopes_with_seed_004s_fields() {
        String requestId = RunningCofre.guid();
        var saved = result(cofre.soap(ASMX, sdkEnvelope("SaveCreditCard", "saveCreditCardRequestWS",
                saveFields(local, requestId, "")), null), "SaveCreditCard");
        assertEquals("true", saved.get("Success"), saved.toString());
        assertEquals(requestId, saved.get("CorrelationId"));
        assertEquals("", saved.get("ErrorReportCollection"));
        String key = saved.get("JustClickKey");
        assertTrue(key.matches("[0-9a-f-]{36}") && !key.startsWith("00000000"), key);

        String rid = RunningCofre.guid();
        var masked = result(cofre.soap(ASMX, sdkEnvelope("GetMaskedCreditCard", "getMaskedCreditCardRequestWS",
                cardFields(local, rid, key, "")), null), "GetMaskedCreditCard");
        assertEquals("true", masked.get("Success"));
        assertEquals(rid, masked.get("CorrelationId"));
        assertEquals("Teste Holder", masked.get("CardHolder"));
        assertEquals("03/2029", masked.get("CardExpiration"));
        assertEquals("455187******0183", masked.get("MaskedCardNumber"));

        rid = RunningCofre.guid();
        var clear = result(cofre.soap(ASMX, sdkEnvelope("GetCreditCard", "getCreditCardRequestWS",
                cardFields(local, rid, key, "")), null), "GetCreditCard");
        assertEquals("true", clear.get("Success"), clear.toString());
        assertEquals(PAN, clear.get("CardNumber"));
        assertEquals("455187******0183", clear.get("MaskedCardNumber"));
        assertEquals(rid, clear.get("CorrelationId"));

        rid = RunningCofre.guid();
        var recovered = result(cofre.soap(ASMX, sdkEnvelope("GetJustClickKey", "getJustClickKeyRequestWS",
                fields("RequestId", rid, "MerchantKey", local.merchantKey(), "SaveCreditCardRequestId", requestId)), null),
                "GetJustClickKey");
        assertEquals("true", recovered.get("Success"));
        assertEquals(key, recovered.get("JustClickKey"));

        rid = RunningCofre.guid();
        var invalidated = result(cofre.soap(ASMX, sdkEnvelope("InvalidateCreditCard", "invalidateCreditCardRequestWS",
                cardFields(local, rid, key, "")), null), "InvalidateCreditCard");
        assertEquals("true", invalidated.get("Success"));
        assertEquals(rid, invalidated.get("CorrelationId"));

        var gone = result(cofre.soap(ASMX, sdkEnvelope("GetCreditCard", "getCreditCardRequestWS",
                cardFields(local, RunningCofre.guid(), key, "")), null), "GetCreditCard");
        assertEquals("false", gone.get("Success"), "an invalidated card is never read again");
        assertFalse(gone.containsKey("CardNumber"), gone.toString());
    }

    @Test
    void the_prefixed_form_with_a_SOAPAction_and_the_older_paths_in_any_case_work_too() {
        for (String path : List.of("/CartaoProtegido.asmx", "/services/cartaoprotegido.ASMX", "/V2/CartaoProtegido.asmx")) {
            String requestId = RunningCofre.guid();
            var saved = result(cofre.soap(path, prefixedEnvelope("SaveCreditCard", "saveCreditCardRequestWS",
                    saveFields(local, requestId, "Savon" + Math.abs(requestId.hashCode()))),
                    "\"" + NS + "SaveCreditCard\""), "SaveCreditCard");
            assertEquals("true", saved.get("Success"), path + ": " + saved);
            var masked = result(cofre.soap(path, prefixedEnvelope("GetMaskedCreditCard", "getMaskedCreditCardRequestWS",
                    cardFields(local, RunningCofre.guid(), saved.get("JustClickKey"), "Savon"
                            + Math.abs(requestId.hashCode()))), NS + "GetMaskedCreditCard"), "GetMaskedCreditCard");
            assertEquals("455187******0183", masked.get("MaskedCardNumber"), path);
        }
    }

    /**
     * The .NET SDK writes one element per line with CRLF line ends and no RequestId, and treats any
     * status but 200 as a crash; the PHP SDK concatenates everything on one line.
     */
    @Test
    void the_dotnet_and_php_sdks_shapes_without_RequestId_or_whitespace_work() {
        String key = result(cofre.soap(ASMX, sdkEnvelope("SaveCreditCard", "saveCreditCardRequestWS",
                saveFields(local, RunningCofre.guid(), "")), null), "SaveCreditCard").get("JustClickKey");
        String dotnet = String.join("\r\n", "<soap:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                        + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap=\"" + SOAP + "\">", "<soap:Body>",
                "<GetCreditCard xmlns=\"" + NS + "\">", "<getCreditCardRequestWS>",
                "<MerchantKey>" + local.merchantKey() + "</MerchantKey>", "<JustClickKey>" + key + "</JustClickKey>",
                "<JustClickAlias></JustClickAlias>", "</getCreditCardRequestWS>", "</GetCreditCard>", "</soap:Body>",
                "</soap:Envelope>", "");
        var reply = cofre.soap(ASMX, dotnet, null);
        var card = result(reply, "GetCreditCard");
        assertEquals("true", card.get("Success"), card.toString());
        assertEquals(PAN, card.get("CardNumber"));
        assertTrue(reply.body().contains("<CorrelationId xsi:nil=\"true\"></CorrelationId>")
                || reply.body().contains("<CorrelationId xsi:nil=\"true\"/>"), reply.body());
        String php = sdkEnvelope("GetMaskedCreditCard", "getMaskedCreditCardRequestWS",
                cardFields(local, RunningCofre.guid(), key, "")).replaceAll(">\\s+<", "><");
        assertEquals("455187******0183", result(cofre.soap(ASMX, php, null), "GetMaskedCreditCard")
                .get("MaskedCardNumber"));
    }

    @Test
    void application_errors_answer_200_with_Success_false_and_seed_004s_codes() {
        var m = cofre.merchant("SOAP errors");
        String requestId = RunningCofre.guid();
        var bad = result(cofre.soap(ASMX, sdkEnvelope("SaveCreditCard", "saveCreditCardRequestWS",
                fields("RequestId", requestId, "MerchantKey", m.merchantKey(), "CustomerName", "Comprador",
                        "CardHolder", "Teste Holder", "CardNumber", "4551870000000184", "CardExpiration", "13/2029",
                        "JustClickAlias", "")), null), "SaveCreditCard");
        assertEquals("false", bad.get("Success"));
        assertEquals(requestId, bad.get("CorrelationId"));
        assertEquals("00000000-0000-0000-0000-000000000000", bad.get("JustClickKey"), "as the vendor answers");
        String errors = bad.get("ErrorReportCollection");
        assertTrue(errors.contains("708:") && errors.contains("710:"), "every invalid field at once: " + errors);
        assertFalse(errors.contains(PAN) && errors.contains("4551870000000184"), errors);

        var unknownKey = result(cofre.soap(ASMX, sdkEnvelope("GetMaskedCreditCard", "getMaskedCreditCardRequestWS",
                fields("RequestId", RunningCofre.guid(), "MerchantKey", RunningCofre.guid(), "JustClickKey",
                        RunningCofre.guid(), "JustClickAlias", "")), null), "GetMaskedCreditCard");
        assertTrue(unknownKey.get("ErrorReportCollection").startsWith("720:"), unknownKey.toString());

        var noRequest = result(cofre.soap(ASMX, "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body>"
                + "<GetJustClickKey xmlns=\"" + NS + "\"/></soap:Body></soap:Envelope>", null), "GetJustClickKey");
        assertTrue(noRequest.get("ErrorReportCollection").startsWith("747:"), noRequest.toString());
    }

    // ------------------------------------------------------------ faults and the WSDL

    @Test
    void a_malformed_envelope_an_unknown_method_or_a_mismatched_SOAPAction_is_a_client_fault() {
        assertFault(cofre.soap(ASMX, "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body>", null));
        assertFault(cofre.soap(ASMX, "not xml at all", null));
        assertFault(cofre.soap(ASMX, "", null));
        String unknown = assertFault(cofre.soap(ASMX, sdkEnvelope("AuthorizeTransaction", "request",
                fields("RequestId", RunningCofre.guid())), null));
        assertTrue(unknown.contains("Unknown method"), unknown);
        assertFault(cofre.soap(ASMX, sdkEnvelope("SaveCreditCard", "saveCreditCardRequestWS",
                saveFields(local, RunningCofre.guid(), "")), NS + "GetCreditCard"));
        assertFault(cofre.soap(ASMX, "<Envelope><Body/></Envelope>", null));
    }

    @Test
    void the_WSDL_is_served_at_wsdl_in_either_case_and_is_the_file_the_test_client_is_generated_from() throws Exception {
        String resource;
        try (InputStream in = dev.cofre.adapters.rest.justclick.JustClickSoapDialect.class
                .getResourceAsStream(dev.cofre.adapters.rest.justclick.JustClickSoapDialect.WSDL_RESOURCE)) {
            resource = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String generatedFrom = Files.readString(Path.of("../adapters-rest-javalin/src/main/resources/dev/cofre/adapters/rest/justclick/cartaoprotegido.wsdl"));
        assertEquals(generatedFrom, resource);
        for (String query : List.of("?wsdl", "?WSDL")) {
            var r = cofre.send("GET", ASMX + query, null, Map.of());
            assertEquals(200, r.status());
            assertEquals(resource.replace(dev.cofre.adapters.rest.justclick.JustClickSoapDialect.WSDL_ADDRESS,
                    cofre.base() + ASMX), r.body());
            for (String op : List.of("SaveCreditCard", "GetMaskedCreditCard", "GetCreditCard", "GetJustClickKey",
                    "InvalidateCreditCard")) {
                assertTrue(r.body().contains("<wsdl:operation name=\"" + op + "\">"), op);
            }
        }
        assertFault(cofre.send("GET", ASMX, null, Map.of()));
    }

    // ------------------------------------------------------------ allow-list, audit, forwarded addresses

    @Test
    void GetCreditCard_over_SOAP_keeps_the_allow_list_and_the_audit_and_ignores_X_Forwarded_For() {
        var far = cofre.merchant("SOAP far", "10.0.0.0/8");
        var saved = result(cofre.soap(ASMX, sdkEnvelope("SaveCreditCard", "saveCreditCardRequestWS",
                saveFields(far, RunningCofre.guid(), "")), null), "SaveCreditCard");
        int before = cofre.wiring().auditTrail().of(far.merchant().id()).size();
        var spoofed = cofre.send("POST", ASMX, sdkEnvelope("GetCreditCard", "getCreditCardRequestWS",
                cardFields(far, RunningCofre.guid(), saved.get("JustClickKey"), "")),
                Map.of("Content-Type", "text/xml", "X-Forwarded-For", "10.1.2.3", "X-Real-IP", "10.1.2.3"));
        var refused = result(spoofed, "GetCreditCard");
        assertEquals("false", refused.get("Success"));
        assertEquals("731:Invalid IP address;", refused.get("ErrorReportCollection"));
        assertFalse(spoofed.body().contains(PAN));
        assertEquals(before + 1, cofre.wiring().auditTrail().of(far.merchant().id()).size(), "the refusal is audited");
    }

    @Test
    void X_Forwarded_For_counts_only_from_a_proxy_the_settings_trust() throws Exception {
        try (var behindProxy = new RunningCofre(Files.createTempDirectory("cofre-proxy"), null, null,
                RunningCofre.SEED_TIME, Map.of("COFRE_TRUSTED_PROXIES", "127.0.0.1/32, ::1/128"))) {
            var far = behindProxy.merchant("Behind a proxy", "10.0.0.0/8");
            String key = result(behindProxy.soap(ASMX, sdkEnvelope("SaveCreditCard", "saveCreditCardRequestWS",
                    saveFields(far, RunningCofre.guid(), "")), null), "SaveCreditCard").get("JustClickKey");
            String read = sdkEnvelope("GetCreditCard", "getCreditCardRequestWS", cardFields(far, RunningCofre.guid(), key, ""));
            var forwarded = result(behindProxy.send("POST", ASMX, read, Map.of("Content-Type", "text/xml",
                    "X-Forwarded-For", "10.1.2.3")), "GetCreditCard");
            assertEquals(PAN, forwarded.get("CardNumber"), "the trusted proxy vouches for 10.1.2.3: " + forwarded);
            var spoofedChain = result(behindProxy.send("POST", ASMX, read, Map.of("Content-Type", "text/xml",
                    "X-Forwarded-For", "10.1.2.3, 192.0.2.1")), "GetCreditCard");
            assertEquals("731:Invalid IP address;", spoofedChain.get("ErrorReportCollection"),
                    "the nearest untrusted hop is the client, whatever it wrote before");
            var direct = result(behindProxy.soap(ASMX, read, null), "GetCreditCard");
            assertEquals("731:Invalid IP address;", direct.get("ErrorReportCollection"));
        }
    }

    // ------------------------------------------------------------ hostile XML

    @Test
    void hostile_XML_gets_a_clean_fault_fast_and_changes_nothing() throws Exception {
        String passwd = "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><GetMaskedCreditCard xmlns=\"" + NS + "\">"
                + "<getMaskedCreditCardRequestWS><MerchantKey>&x;</MerchantKey></getMaskedCreditCardRequestWS>"
                + "</GetMaskedCreditCard></soap:Body></soap:Envelope>";
        var laughs = new StringBuilder("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            laughs.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";").repeat(10))
                    .append("\">");
        }
        laughs.append("]><soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><SaveCreditCard xmlns=\"" + NS
                + "\"><saveCreditCardRequestWS><CustomerName>&lol9;</CustomerName></saveCreditCardRequestWS>"
                + "</SaveCreditCard></soap:Body></soap:Envelope>");
        String open = "<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><SaveCreditCard xmlns=\"" + NS
                + "\"><saveCreditCardRequestWS><DataCollection>";
        String deep10k = open + "<a>".repeat(10_000) + "</a>".repeat(10_000) + "</DataCollection>"
                + "</saveCreditCardRequestWS></SaveCreditCard></soap:Body></soap:Envelope>";
        String deep2k = open + "<a>".repeat(2_000) + "</a>".repeat(2_000) + "</DataCollection>"
                + "</saveCreditCardRequestWS></SaveCreditCard></soap:Body></soap:Envelope>";
        String xinclude = "<soap:Envelope xmlns:soap=\"" + SOAP + "\" xmlns:xi=\"http://www.w3.org/2001/XInclude\">"
                + "<soap:Body><GetMaskedCreditCard xmlns=\"" + NS + "\"><getMaskedCreditCardRequestWS><MerchantKey>"
                + "<xi:include href=\"file:///etc/passwd\" parse=\"text\"/></MerchantKey></getMaskedCreditCardRequestWS>"
                + "</GetMaskedCreditCard></soap:Body></soap:Envelope>";
        byte[] invalidUtf8 = ("<soap:Envelope xmlns:soap=\"" + SOAP + "\"><soap:Body><SaveCreditCard xmlns=\"" + NS
                + "\"><saveCreditCardRequestWS><CustomerName>X</CustomerName></saveCreditCardRequestWS>"
                + "</SaveCreditCard></soap:Body></soap:Envelope>").getBytes(StandardCharsets.UTF_8);
        invalidUtf8[invalidUtf8.length - 60] = (byte) 0xC3;
        invalidUtf8[invalidUtf8.length - 59] = (byte) 0x28;
        byte[] twoMiB = new byte[2 * 1024 * 1024];
        java.util.Arrays.fill(twoMiB, (byte) '<');

        String snapshot = DatabaseSnapshot.of("jdbc:sqlite:" + dataDir.resolve("cofre.db"), null);
        var xml = Map.of("Content-Type", "text/xml");
        record Hostile(String name, java.util.function.Supplier<Reply> send) {
        }
        for (var hostile : List.of(
                new Hostile("XXE reading a local file", () -> cofre.soap(ASMX, passwd, null)),
                new Hostile("billion laughs", () -> cofre.soap(ASMX, laughs.toString(), null)),
                new Hostile("10,000-deep nesting", () -> cofre.soap(ASMX, deep10k, null)),
                new Hostile("2,000-deep nesting (under the size limit)", () -> cofre.soap(ASMX, deep2k, null)),
                new Hostile("a 2 MiB body", () -> cofre.sendBytes("POST", ASMX, twoMiB, xml)),
                new Hostile("invalid UTF-8", () -> cofre.sendBytes("POST", ASMX, invalidUtf8, xml)))) {
            long started = System.nanoTime();
            Reply r = hostile.send().get();
            Duration took = Duration.ofNanos(System.nanoTime() - started);
            assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, hostile.name() + " took " + took);
            assertFault(r);
            assertFalse(r.body().contains("lollol"), hostile.name());
        }
        var included = result(cofre.soap(ASMX, xinclude, null), "GetMaskedCreditCard");
        assertEquals("false", included.get("Success"), "XInclude is not processed: " + included);
        assertTrue(included.get("ErrorReportCollection").startsWith("701:"), included.toString());
        assertEquals(snapshot, DatabaseSnapshot.of("jdbc:sqlite:" + dataDir.resolve("cofre.db"), null),
                "nothing changed");
    }
}
