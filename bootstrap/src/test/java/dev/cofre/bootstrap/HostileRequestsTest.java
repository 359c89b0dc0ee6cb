package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cofre.application.merchant.RegisterMerchant;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, "crashes caused by input", at the HTTP layer: requests shaped by hand on a raw socket
 * (an HTTP client would normalise them) never get a 500 or an ERROR log line, and their errors come
 * in the dialect's format.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostileRequestsTest {

    private static RunningCofre cofre;
    private static RegisterMerchant.Registered merchant;
    private static String bearer;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();

    @BeforeAll
    static void start() throws IOException {
        cofre = new RunningCofre(Files.createTempDirectory("cofre-hostile"), null, null, RunningCofre.SEED_TIME);
        merchant = cofre.merchant("Hostile", "127.0.0.1/32");
        bearer = cofre.bearer(merchant);
    }

    @AfterAll
    static void stop() {
        cofre.close();
    }

    @BeforeEach
    void watchLog() {
        log.start();
        root().addAppender(log);
    }

    @AfterEach
    void noErrorLogged() {
        root().detachAppender(log);
        assertTrue(log.list.stream().noneMatch(e -> e.getLevel().isGreaterOrEqual(Level.ERROR)),
                () -> "ERROR logged: " + log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.ERROR))
                        .map(ILoggingEvent::getFormattedMessage).toList());
    }

    private static Logger root() {
        return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET /v1/Token/%u002e", "PUT /v1/Token/%u002e/suspend", "DELETE /v1/Token/%u002e",
            "GET /v1/Alias/%u002e/TokenReference", "GET /v1/Token/%2e%2e", "GET /v1/Token/..%2f..%2fhealth",
            "GET /v1/Token/%00", "GET /v1/Token/%c0%ae", "GET /v1/Token/%ZZ", "DELETE /v1/Token/a%2fb"})
    void odd_path_ids_are_a_client_error_in_the_vaults_format(String request) throws IOException {
        String[] parts = request.split(" ");
        var answer = raw(parts[0] + " " + parts[1] + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        assertClientError(answer);
        assertTrue(answer.body().startsWith("["), "the vault's error list: " + answer);
    }

    /** A path in every dialect, each followed by a segment Jetty cannot decode or that needs a guess to. */
    static java.util.stream.Stream<String> undecodablePathsOfEveryDialect() {
        var prefixes = java.util.List.of("/core/v5/orders/", "/core/v5/charges/", "/v1/customers/", "/v1/card_tokens/",
                "/v2/cartaoprotegido.asmx/", "/justclick/", "/1/sales/", "/v1/Token/", "/oauth2/token/");
        var segments = java.util.List.of("%", "%zz", "%00", "a%00b", "%c0%ae", "%e0%80%b1", "%u002e", "%ff", "%2e%2e",
                "a%2fb");
        return prefixes.stream().flatMap(p -> segments.stream().map(s -> p + s));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.MethodSource("undecodablePathsOfEveryDialect")
    void a_path_that_does_not_decode_is_a_client_error_in_its_dialects_format(String path) throws IOException {
        var answer = raw("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        if (path.startsWith(JustClickSoapTest.ASMX)) {
            assertEquals(500, answer.status(), "a SOAP Fault is a 500, by the protocol: " + answer);
            assertTrue(answer.body().contains("<faultcode>soap:Client</faultcode>"), answer.toString());
        } else {
            assertEquals(400, answer.status(), answer.toString());
            assertClientError(answer);
        }
        assertTrue(DialectFormats.matches(path, answer.body()),
                DialectFormats.of(path).name() + "'s format for " + path + ": " + answer);
    }

    /** [path, authorization header, a JSON body with a field twice in one object, that field's path]. */
    private static java.util.List<String[]> bodiesWithATwinField() throws IOException {
        String pagarme = OrdersServerContract.basic(cofre.wiring().secretKeys().issue(merchant.merchant().id()));
        String mercadoPago = "Bearer " + cofre.wiring().accessTokens().issue(merchant.merchant().id());
        String vault = "Bearer " + bearer;
        return java.util.List.of(
                new String[] {"/v1/Token", vault, "{\"Alias\":\"a\",\"alias\":\"b\","
                        + VaultServerContract.card(null, VaultServerContract.PAN, "12/2030").substring(1), "alias"},
                new String[] {"/justclick/GetCreditCard", "", "{\"MerchantKey\":\"" + merchant.merchantKey()
                        + "\",\"JustClickKey\":\"" + RunningCofre.guid() + "\",\"merchantkey\":\"" + RunningCofre.guid() + "\"}", "merchantkey"},
                new String[] {"/justclick/SaveCreditCard", "", VaultServerContract.saveCard(merchant, RunningCofre.guid(), null)
                        .replaceFirst("\\{", "{\"CUSTOMERNAME\":\"Outro\","), "customername"},
                new String[] {"/core/v5/orders", pagarme, OrdersServerContract.SEED_CARD
                        .replaceFirst("\\{", "{\"Items\":[],"), "items"},
                new String[] {"/v1/customers", mercadoPago, "{\"email\":\"twin@test.com\",\"EMAIL\":\"other@test.com\"}", "email"},
                new String[] {"/v1/card_tokens", mercadoPago, MercadoPagoServerContract.rawCard("4509953566233704", "123")
                        .replace("\"cardholder\":{\"name\":\"APRO\"", "\"cardholder\":{\"name\":\"APRO\",\"Name\":\"OTHE\""), "cardholder.name"},
                new String[] {"/v1/Token", vault, "{\"Card\":{\"Number\":\"4551870000000183\",\"Number\":\"5555555555554444\"}}", "card.number"});
    }

    @Test
    void a_field_twice_in_one_object_in_any_letter_case_is_refused_in_every_dialect_naming_the_field()
            throws IOException {
        var cases = bodiesWithATwinField();
        String before = DatabaseSnapshot.of("jdbc:sqlite:" + cofre.dataDir.resolve("cofre.db"), null);
        for (String[] c : cases) {
            var headers = new java.util.HashMap<String, String>(Map.of("Content-Type", "application/json",
                    "X-Idempotency-Key", RunningCofre.guid(), "Idempotency-Key", RunningCofre.guid()));
            if (!c[1].isEmpty()) {
                headers.put("Authorization", c[1]);
            }
            var r = cofre.send("POST", c[0], c[2], headers);
            assertTrue(r.status() == 400 || r.status() == 422, c[0] + " " + c[2] + " -> " + r.status() + " " + r.body());
            assertTrue(DialectFormats.matches(c[0], r.body()), DialectFormats.of(c[0]).name() + ": " + r.body());
            assertTrue(r.body().contains("appears more than once"), c[0] + ": " + r.body());
            assertTrue(r.body().toLowerCase(java.util.Locale.ROOT).contains(c[3]), c[3] + " is named: " + r.body());
            assertFalse(r.body().contains("4551870000000183") || r.body().contains("5555555555554444"), r.body());
        }
        assertEquals(before, DatabaseSnapshot.of("jdbc:sqlite:" + cofre.dataDir.resolve("cofre.db"), null),
                "a refused body changes nothing");
    }

    @Test
    void a_json_body_that_is_not_an_object_is_a_client_error_on_every_json_endpoint() throws IOException {
        String pagarme = OrdersServerContract.basic(cofre.wiring().secretKeys().issue(merchant.merchant().id()));
        String mercadoPago = "Bearer " + cofre.wiring().accessTokens().issue(merchant.merchant().id());
        var endpoints = java.util.List.of(new String[] {"POST", "/v1/Token", "Bearer " + bearer},
                new String[] {"POST", "/justclick/SaveCreditCard", ""}, new String[] {"POST", "/core/v5/orders", pagarme},
                new String[] {"POST", "/core/v5/charges/ch_x/capture", pagarme},
                new String[] {"POST", "/v1/customers", mercadoPago}, new String[] {"PUT", "/v1/customers/x", mercadoPago},
                new String[] {"POST", "/v1/customers/x/cards", mercadoPago}, new String[] {"POST", "/v1/card_tokens", mercadoPago});
        for (String[] e : endpoints) {
            for (String body : new String[] {"[]", "\"x\"", "1", "null", "[".repeat(900) + "]".repeat(900)}) {
                var headers = new java.util.HashMap<String, String>(Map.of("Content-Type", "application/json"));
                if (!e[2].isEmpty()) {
                    headers.put("Authorization", e[2]);
                }
                var r = cofre.send(e[0], e[1], body, headers);
                assertTrue(r.status() >= 400 && r.status() < 500, e[1] + " " + body.substring(0, Math.min(10, body.length()))
                        + " -> " + r.status() + " " + r.body());
                assertTrue(DialectFormats.matches(e[1], r.body()), e[1] + ": " + r.body());
            }
        }
    }

    @Test
    void an_element_twice_in_a_soap_request_in_any_letter_case_is_a_fault_naming_it() {
        String envelope = "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope "
                + "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><GetCreditCard "
                + "xmlns=\"http://www.cartaoprotegido.com.br/WebService/\"><getCreditCardRequestWS>"
                + "<MerchantKey>" + merchant.merchantKey() + "</MerchantKey><JustClickKey>" + RunningCofre.guid()
                + "</JustClickKey><merchantKEY>" + RunningCofre.guid() + "</merchantKEY>"
                + "</getCreditCardRequestWS></GetCreditCard></soap:Body></soap:Envelope>";
        var r = cofre.soap(JustClickSoapTest.ASMX, envelope, null);
        assertEquals(500, r.status(), r.body());
        assertTrue(DialectFormats.matches(JustClickSoapTest.ASMX, r.body()), r.body());
        assertTrue(r.body().contains("merchantKEY appears more than once"), r.body());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-1", "zz", "FFFFFFFFFFFFFFFFFF", "8000000000000000", "1;x=\"unterminated"})
    void a_bad_chunk_size_is_a_client_error_in_the_dialects_format(String size) throws IOException {
        var answer = raw("POST /v1/Token HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + bearer
                + "\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
                + size + "\r\n{}\r\n0\r\n\r\n");
        assertClientError(answer);
        assertTrue(answer.body().startsWith("["), answer.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"gzip, chunked", "chunked, chunked", "identity", "gzip", "chunked;x=1", "xchunked"})
    void any_transfer_coding_but_plain_chunked_is_refused(String coding) throws IOException {
        var answer = raw("POST /justclick/GetJustClickKey HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                + "Transfer-Encoding: " + coding + "\r\nConnection: close\r\n\r\n2\r\n{}\r\n0\r\n\r\n");
        assertClientError(answer);
        assertTrue(answer.body().contains("\"Success\":false"), "JustClick's format: " + answer);
    }

    @Test
    void a_method_override_header_changes_nothing() throws IOException {
        String reference = tokenize();
        for (String header : new String[] {"X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"}) {
            var answer = raw("GET /v1/Token/" + reference + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + bearer
                    + "\r\n" + header + ": DELETE\r\nConnection: close\r\n\r\n");
            assertEquals(200, answer.status(), answer.toString());
            assertTrue(answer.body().contains("\"Active\""), answer.toString());
        }
        var after = cofre.vault("GET", "/v1/Token/" + reference, bearer, null);
        assertEquals(200, after.status());
        assertTrue(after.body().contains("\"Active\""), "still active: " + after.body());
    }

    @Test
    void invalid_or_overlong_utf_8_in_a_body_is_refused() throws IOException {
        byte[] overlongOne = {(byte) 0xC0, (byte) 0xB1}; // '1' written in two bytes
        for (byte[] bad : new byte[][] {overlongOne, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}}) {
            var body = new ByteArrayOutputStream();
            body.writeBytes("{\"Alias\":\"a".getBytes(StandardCharsets.US_ASCII));
            body.writeBytes(bad);
            body.writeBytes(("\",\"Card\":{\"Number\":\"4551870000000183\",\"Holder\":\"Jose\","
                    + "\"ExpirationDate\":\"12/2030\",\"SecurityCode\":\"123\"}}").getBytes(StandardCharsets.US_ASCII));
            var head = "POST /v1/Token HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + bearer
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.size() + "\r\nConnection: close\r\n\r\n";
            var request = new ByteArrayOutputStream();
            request.writeBytes(head.getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(body.toByteArray());
            var answer = raw(request.toByteArray());
            assertEquals(400, answer.status(), answer.toString());
            assertTrue(answer.body().startsWith("["), answer.toString());
        }
    }

    @Test
    void answers_that_carry_card_data_or_credentials_are_never_stored_by_caches() throws IOException {
        String reference = tokenize();
        var token = cofre.token(merchant.clientId(), merchant.clientSecret());
        assertEquals("no-store", token.header("Cache-Control"), "the access token");
        var read = cofre.vault("GET", "/v1/Token/" + reference, bearer, null);
        assertEquals("no-store", read.header("Cache-Control"), "the masked card");
        var error = cofre.vault("GET", "/v1/Token/" + RunningCofre.guid(), bearer, null);
        assertEquals("no-store", error.header("Cache-Control"), "an error too");
    }

    @Test
    void a_card_number_as_an_alias_is_refused_without_being_repeated_and_as_a_path_id_is_masked_in_the_log() {
        for (String alias : new String[] {"378282246310005", "4551-8700-0000-0183", "cartao4551870000000183"}) {
            var r = cofre.vault("POST", "/v1/Token", bearer, VaultServerContract.card(alias, "5555555555554444", "12/2030"));
            assertEquals(422, r.status(), r.body());
            assertTrue(r.body().contains("must not contain a card number"), r.body());
            assertFalse(r.body().replaceAll("[^0-9]", "").contains(alias.replaceAll("[^0-9]", "")), r.body());
        }
        String save = VaultServerContract.saveCard(merchant, RunningCofre.guid(), null)
                .replace("\"Comprador\"", "\"Comprador 3782 822463 10005\"");
        var saved = cofre.justClick("SaveCreditCard", save);
        assertTrue(saved.body().contains("\"Success\":false"), saved.body());
        assertTrue(saved.body().contains("must not contain a card number"), saved.body());
        assertFalse(saved.body().contains("822463"), saved.body());
        var read = cofre.vault("GET", "/v1/Token/378282246310005", bearer, null);
        assertTrue(read.status() >= 400 && read.status() < 500, read.body());
        var lines = log.list.stream().filter(e -> e.getLoggerName().equals("cofre.requests"))
                .map(ILoggingEvent::getFormattedMessage).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("path=/v1/Token/***************")), lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.contains("378282246310005") || l.contains("4551870000000183")),
                lines.toString());
    }

    @Test
    void a_card_number_or_a_nul_sent_as_a_justclick_key_is_refused_and_audited_masked() {
        for (String key : new String[] {"378282246310005", "abc\\u0000def", "4551 8700 0000 0183"}) {
            var r = cofre.justClick("GetCreditCard", "{\"MerchantKey\":\"" + merchant.merchantKey()
                    + "\",\"JustClickKey\":\"" + key + "\"}");
            assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
            assertTrue(r.body().contains("\"Success\":false"), r.body());
        }
        String trail = cofre.wiring().auditTrail().of(merchant.merchant().id()).toString();
        assertFalse(trail.contains("378282246310005") || trail.contains("4551 8700 0000 0183"), trail);
        assertFalse(trail.contains("\u0000"), "no NUL in the trail");
        assertTrue(trail.contains("***************"), "the refused read is audited, masked: " + trail);
    }

    @Test
    @OnPostgres
    void a_nul_in_a_justclick_key_on_postgresql_is_a_client_error_and_audited(@org.junit.jupiter.api.io.TempDir
                                                                              java.nio.file.Path dir) {
        try (var pg = new RunningCofre(dir, OnPostgres.URL,
                "nul_" + Long.toHexString(System.nanoTime()), RunningCofre.SEED_TIME)) {
            var m = pg.merchant("Nul", "127.0.0.1/32");
            var r = pg.justClick("GetCreditCard", "{\"MerchantKey\":\"" + m.merchantKey()
                    + "\",\"JustClickKey\":\"abc\\u0000def\"}");
            assertTrue(r.status() >= 400 && r.status() < 500, r.status() + " " + r.body());
            assertTrue(pg.wiring().auditTrail().of(m.merchant().id()).exists(e -> e.action().equals("detokenize")),
                    "the refused card read is audited");
        }
    }

    private static String tokenize() {
        var created = cofre.vault("POST", "/v1/Token", bearer,
                VaultServerContract.card(null, VaultServerContract.PAN, "12/2030"));
        assertEquals(201, created.status(), created.body());
        return created.json().get("TokenReference").asText();
    }

    private static void assertClientError(Answer answer) {
        assertTrue(answer.status() >= 400 && answer.status() < 500, answer.toString());
        assertNotEquals("", answer.body(), "an error has a body: " + answer);
        assertTrue(answer.head().toLowerCase().contains("content-type: application/json"), answer.toString());
        assertFalse(answer.body().contains("Exception") || answer.body().contains("<html"), answer.toString());
    }

    private static Answer raw(String request) throws IOException {
        return raw(request.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static Answer raw(byte[] request) throws IOException {
        try (var socket = new Socket("127.0.0.1", cofre.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request);
            socket.getOutputStream().flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int split = all.indexOf("\r\n\r\n");
            String head = split < 0 ? all : all.substring(0, split);
            String body = split < 0 ? "" : all.substring(split + 4);
            if (head.toLowerCase().contains("transfer-encoding: chunked")) {
                body = unchunk(body);
            }
            int status = head.length() >= 12 ? Integer.parseInt(head.substring(9, 12)) : -1;
            return new Answer(status, head, body);
        }
    }

    /** The body of a chunked answer (as far as it arrived). */
    static String unchunk(String chunked) {
        var out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = chunked.indexOf("\r\n", at);
            if (eol < 0) {
                return out.toString();
            }
            int size = Integer.parseInt(chunked.substring(at, eol).split(";")[0].strip(), 16);
            if (size == 0 || eol + 2 + size > chunked.length()) {
                return out.toString();
            }
            out.append(chunked, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }

    record Answer(int status, String head, String body) {
        @Override
        public String toString() {
            return status + " " + head.replace("\r\n", " | ") + " || " + body;
        }
    }
}
