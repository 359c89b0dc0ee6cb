package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.merchant.RegisterMerchant;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a client sends, the server answers with a 4xx in the endpoint's own format: never a 500, never a trace. */
class GarbageInputProperties {

    private static RunningCofre cofre;
    private static RegisterMerchant.Registered merchant;
    private static String bearer;
    private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 401, 403, 404, 405, 409, 413, 415, 422);

    @BeforeContainer
    static void start() throws Exception {
        cofre = new RunningCofre(Files.createTempDirectory("cofre-garbage"), null, null, RunningCofre.SEED_TIME);
        merchant = cofre.merchant("Garbage", "127.0.0.1/32");
        bearer = cofre.bearer(merchant);
    }

    @AfterContainer
    static void stop() {
        cofre.close();
    }

    @Provide
    Arbitrary<String> bodies() {
        var fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\"Card\"", "\"Number\"", "\"Alias\"",
                "\"MerchantKey\"", "\"" + merchant.merchantKey() + "\"", "\"JustClickKey\"", "\"RemovedBy\"",
                "\"4551870000000183\"", "4551870000000183", "null", "true", "-1e999", "\"\\u0000\"", "\"12/2030\"",
                "\"Merchant\"", " ", "\"\\ud800\"", "{\"Card\":{", "\"RequestId\"", "\"x\"");
        return Arbitraries.oneOf(
                fragments.list().ofMaxSize(12).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of("POST /v1/Token", "DELETE /v1/Token/%T", "PUT /v1/Token/%T/suspend",
                "PUT /v1/Token/%T/reactivate", "POST /justclick/SaveCreditCard", "POST /justclick/GetCreditCard",
                "POST /justclick/GetMaskedCreditCard", "POST /justclick/GetJustClickKey",
                "POST /justclick/InvalidateCreditCard", "POST /oauth2/token");
    }

    @Provide
    Arbitrary<String> envelopes() {
        var fragments = Arbitraries.of("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">",
                "</soap:Envelope>", "<soap:Body>", "</soap:Body>", "<soap:Header/>",
                "<SaveCreditCard xmlns=\"http://www.cartaoprotegido.com.br/WebService/\">", "</SaveCreditCard>",
                "<GetCreditCard xmlns=\"http://www.cartaoprotegido.com.br/WebService/\">", "</GetCreditCard>",
                "<saveCreditCardRequestWS>", "</saveCreditCardRequestWS>", "<getCreditCardRequestWS>",
                "</getCreditCardRequestWS>", "<MerchantKey>" + merchant.merchantKey() + "</MerchantKey>",
                "<CardNumber>4551870000000183</CardNumber>", "<JustClickKey></JustClickKey>", "<DataCollection />",
                "<RequestId>x</RequestId>", "<!DOCTYPE a [<!ENTITY e \"x\">]>", "&e;", "&amp;", "<![CDATA[<]]>",
                "<?xml version=\"1.0\"?>", "<a>", "</a>", " ", "\u0000", "\ud800");
        return Arbitraries.oneOf(fragments.list().ofMaxSize(14).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(40));
    }

    /** Whatever XML (or not) a client posts to the SOAP endpoint, it gets a SOAP answer or a SOAP Fault. */
    @Property(tries = 200)
    void garbage_xml_gets_a_soap_answer_or_a_fault(@ForAll("envelopes") String body) {
        var r = cofre.send("POST", "/v2/cartaoprotegido.asmx", body, Map.of("Content-Type", "text/xml"));
        assertTrue(r.status() == 200 || r.status() == 500, r.status() + " for " + body + ": " + r.body());
        assertTrue(r.body().startsWith("<?xml") && r.body().contains("soap:Envelope"), r.body());
        assertTrue(r.status() == 200 || r.body().contains("<faultcode>soap:Client</faultcode>"), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("4551870000000183"),
                r.body());
    }

    @Property(tries = 300)
    void garbage_gets_a_client_error_in_the_endpoints_format(@ForAll("endpoints") String endpoint,
                                                            @ForAll("bodies") String body) {
        String[] parts = endpoint.split(" ");
        String path = parts[1].replace("%T", RunningCofre.guid());
        var r = cofre.send(parts[0], path, body, Map.of("Authorization", "Bearer " + bearer,
                "Content-Type", path.startsWith("/oauth2") ? "application/x-www-form-urlencoded" : "application/json"));
        assertTrue(CLIENT_ERRORS.contains(r.status()) || r.status() == 200 || r.status() == 201,
                r.status() + " for " + body + ": " + r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        var json = r.json();
        if (path.startsWith("/justclick")) {
            assertTrue(json.has("Success"), r.body());
        } else if (path.startsWith("/oauth2")) {
            assertTrue(json.has("error") || json.has("access_token"), r.body());
        } else {
            assertTrue(json.isArray() || json.has("TokenReference"), r.body());
        }
    }

    // ---------------------------------------------------------------- hostile-input fuzz (issue 14)

    private static final ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> ERRORS =
            new ch.qos.logback.core.read.ListAppender<>();
    private static final java.util.concurrent.ConcurrentSkipListMap<String, java.util.concurrent.atomic.AtomicInteger>
            FUZZ_COUNTS = new java.util.concurrent.ConcurrentSkipListMap<>();
    private static String secretKey;
    private static String mercadoPagoToken;
    private static String snapshotBefore;

    /** A bad card number (check digit off by one): no generated request can ever store a card. */
    private static final String BAD_PAN = "4551870000000184";

    /** One hostile request as bytes on the wire, with what kind of hostility it carries. */
    record Hostile(String kind, String path, byte[] bytes) {
        @Override
        public String toString() {
            return kind + " " + new String(bytes, 0, Math.min(bytes.length, 300), java.nio.charset.StandardCharsets.ISO_8859_1);
        }
    }

    /**
     * [method, path, base body, content type, authorization] per endpoint of every dialect, one line
     * each: a new endpoint is one more line. Every base body is refused as it stands (a card number
     * off by its check digit, an e-mail that is not one, ids that do not exist), so no mutation of it
     * can change the database; {@code %G} becomes a fresh UUID per request.
     */
    private static java.util.List<String[]> endpointsOfEveryDialect() {
        String g = "%G";
        String vault = "Bearer " + bearer;
        String card = "{\"Alias\":\"fuzz\",\"Card\":{\"Number\":\"" + BAD_PAN
                + "\",\"Holder\":\"Jose da Silva\",\"ExpirationDate\":\"12/2030\",\"SecurityCode\":\"123\"}}";
        String jc = "{\"MerchantKey\":\"" + merchant.merchantKey() + "\",\"CustomerName\":\"Comprador\","
                + "\"CardHolder\":\"Teste Holder\",\"CardNumber\":\"" + BAD_PAN + "\",\"CardExpiration\":\"03/2029\","
                + "\"RequestId\":\"" + g + "\",\"JustClickKey\":\"" + g + "\",\"SaveCreditCardRequestId\":\"" + g + "\"}";
        String order = OrdersServerContract.SEED_CARD.replace("4000000000000010", BAD_PAN);
        String pagarme = OrdersServerContract.basic(secretKey);
        String mp = "Bearer " + mercadoPagoToken;
        String customer = "{\"email\":\"not-an-email\",\"first_name\":\"Fuzz\",\"description\":\"d\","
                + "\"metadata\":{\"k\":\"v\"},\"phone\":{\"area_code\":\"11\",\"number\":\"999\"}}";
        String cardToken = MercadoPagoServerContract.rawCard(BAD_PAN, "123");
        String json = "application/json";
        return java.util.List.of(
                new String[] {"POST", "/v1/Token", card, json, vault},
                new String[] {"GET", "/v1/Token/" + g, "", json, vault},
                new String[] {"DELETE", "/v1/Token/" + g, "{\"RemovedBy\":\"Merchant\",\"Reason\":\"Other\"}", json, vault},
                new String[] {"PUT", "/v1/Token/" + g + "/suspend", "{\"RemovedBy\":\"Merchant\",\"Reason\":\"Other\"}", json, vault},
                new String[] {"PUT", "/v1/Token/" + g + "/reactivate", "{}", json, vault},
                new String[] {"GET", "/v1/Alias/" + g + "/TokenReference", "", json, vault},
                new String[] {"POST", "/justclick/SaveCreditCard", jc, json, ""},
                new String[] {"POST", "/justclick/GetCreditCard", jc, json, ""},
                new String[] {"POST", "/justclick/GetMaskedCreditCard", jc, json, ""},
                new String[] {"POST", "/justclick/GetJustClickKey", jc, json, ""},
                new String[] {"POST", "/justclick/InvalidateCreditCard", jc, json, ""},
                new String[] {"POST", "/oauth2/token", "grant_type=client_credentials",
                        "application/x-www-form-urlencoded", BadInputs.basic(merchant.clientId(), "wrong-secret")},
                new String[] {"POST", "/core/v5/orders", order, json, pagarme},
                new String[] {"GET", "/core/v5/orders/" + g, "", json, pagarme},
                new String[] {"GET", "/core/v5/charges/" + g, "", json, pagarme},
                new String[] {"POST", "/core/v5/charges/" + g + "/capture", "{\"amount\":-1}", json, pagarme},
                new String[] {"DELETE", "/core/v5/charges/" + g, "{\"amount\":-1}", json, pagarme},
                new String[] {"POST", "/v1/customers", customer, json, mp},
                new String[] {"PUT", "/v1/customers/" + g, customer, json, mp},
                new String[] {"GET", "/v1/customers/" + g, "", json, mp},
                new String[] {"GET", "/v1/customers/search?email=" + g, "", json, mp},
                new String[] {"POST", "/v1/customers/" + g + "/cards", "{\"token\":\"" + g + "\"}", json, mp},
                new String[] {"GET", "/v1/customers/" + g + "/cards", "", json, mp},
                new String[] {"GET", "/v1/customers/" + g + "/cards/" + g, "", json, mp},
                new String[] {"DELETE", "/v1/customers/" + g + "/cards/" + g, "", json, mp},
                new String[] {"POST", "/v1/card_tokens", cardToken, json, mp},
                new String[] {"GET", "/v1/card_tokens/" + g, "", json, mp},
                new String[] {"POST", JustClickSoapTest.ASMX, "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope "
                        + "xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body><SaveCreditCard "
                        + "xmlns=\"http://www.cartaoprotegido.com.br/WebService/\"><saveCreditCardRequestWS>"
                        + "<MerchantKey>" + merchant.merchantKey() + "</MerchantKey><CustomerName>Comprador</CustomerName>"
                        + "<CardHolder>Teste Holder</CardHolder><CardNumber>" + BAD_PAN + "</CardNumber>"
                        + "<CardExpiration>03/2029</CardExpiration><RequestId>" + g + "</RequestId>"
                        + "</saveCreditCardRequestWS></SaveCreditCard></soap:Body></soap:Envelope>",
                        "text/xml; charset=utf-8", ""},
                new String[] {"GET", "/nowhere/" + g, "", json, ""});
    }

    private static final java.util.List<String> HOSTILE_IDS = java.util.List.of("..", "%2e%2e", "%u002e", "..;", "%2f",
            "a%2fb", "%00", "%c0%ae", "%ZZ", "%", "x".repeat(5000), "..%2f..%2fhealth", "%252e", "%EF%BC%8E",
            "378282246310005", "-1", "00000000-0000-0000-0000-000000000000", "%E2%80%AE", "%0d%0aX-Injected:%201");

    private static final java.util.List<String> HOSTILE_VALUES = java.util.List.of("1e999999", "-0",
            "99999999999999999999999999999999", "true", "null", "[]", "{}", "[[[]]]", "\"\\u0000\"", "\"\\ud800\"",
            "\"\\u202e4551870000000183\"", "\"\uff14\uff15\uff15\uff11\"", "\"\u200b\"", "\"\\u0007\"", "0x10", "NaN",
            "\"" + "A".repeat(3000) + "\"", "1.5e308", "-9223372036854775809", "\"a\u0301\u0301\u0301\"");

    @Provide
    Arbitrary<Hostile> hostileRequests() {
        var endpoints = endpointsOfEveryDialect();
        return net.jqwik.api.Combinators.combine(Arbitraries.of(endpoints), Arbitraries.integers().between(0, 11),
                        Arbitraries.integers().between(0, Integer.MAX_VALUE), Arbitraries.of(HOSTILE_IDS),
                        Arbitraries.of(HOSTILE_VALUES))
                .as((e, kind, n, id, value) -> hostile(e, kind, n, id, value));
    }

    private static Hostile hostile(String[] e, int kind, int n, String id, String value) {
        String method = e[0];
        String path = e[1].replace("%G", RunningCofre.guid());
        String body = e[2].replace("%G", RunningCofre.guid());
        var headers = new java.util.LinkedHashMap<String, String>();
        headers.put("Host", "localhost");
        headers.put("Content-Type", e[3]);
        if (!e[4].isEmpty()) {
            headers.put("Authorization", e[4]);
        }
        byte[] raw = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String chunking = null;
        String name;
        switch (kind) {
            case 0 -> { name = "truncated body"; raw = java.util.Arrays.copyOf(raw, raw.length == 0 ? 0 : n % raw.length); }
            case 1 -> {
                name = "wrong types and huge numbers";
                raw = body.replaceFirst(":\\s*(\"[^\"]*\"|-?\\d+)", ":" + java.util.regex.Matcher.quoteReplacement(value))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            case 2 -> {
                name = "deep nesting";
                int depth = 500 + n % 20_000;
                raw = (n % 2 == 0 ? "[".repeat(depth) + "]".repeat(depth)
                        : "{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            }
            case 3 -> {
                name = "duplicate keys in any casing";
                var m = java.util.regex.Pattern.compile("\"([A-Za-z_]+)\":").matcher(body);
                if (m.find()) {
                    String key = m.group(1);
                    String twin = n % 3 == 0 ? key : n % 3 == 1 ? key.toLowerCase(java.util.Locale.ROOT)
                            : key.toUpperCase(java.util.Locale.ROOT);
                    raw = (body.substring(0, body.length() - 1) + ",\"" + twin + "\":" + value + "}")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
            }
            case 4 -> {
                name = "unicode tricks";
                String trick = java.util.List.of("\uFEFF", "\u202E", "\u200B", "\uFF14\uFF15", "e\u0301", "\uD83D\uDCB3",
                        "\\ud800", "\\udfff\\ud800").get(n % 8);
                raw = (n % 2 == 0 ? trick + body : body.replaceFirst("\"([^\"]*)\"", "\"$1" + trick + "\""))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            case 5 -> {
                name = "NUL and control characters";
                String c = java.util.List.of("\u0000", "\\u0000", "\u0007", "\r", "\u001b[31m", "\u007f").get(n % 6);
                raw = body.replaceFirst("\"([^\"]*)\"", "\"$1" + java.util.regex.Matcher.quoteReplacement(c) + "\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            case 6 -> {
                name = "path traversal and encoded dots";
                path = path.replaceFirst("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", id);
                if (path.equals(e[1])) {
                    path = path + "/" + id;
                }
            }
            case 7 -> {
                name = "oversized headers";
                headers.put("X-Big", "b".repeat(8_000 + n % 40_000));
            }
            case 8 -> {
                name = "oversized body";
                raw = (body + " ".repeat(16 * 1024 + n % 300_000)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            case 9 -> {
                name = "bad chunking";
                chunking = java.util.List.of("-1", "zz", "FFFFFFFFFFFFFFFFFF", "8000000000000000", "1;x=\"", "")
                        .get(n % 6);
            }
            case 10 -> {
                name = "transfer codings and method overrides";
                if (n % 2 == 0) {
                    headers.put("Transfer-Encoding", java.util.List.of("gzip, chunked", "chunked, chunked", "identity")
                            .get(n % 3));
                } else {
                    headers.put("X-HTTP-Method-Override", "DELETE");
                }
            }
            default -> {
                name = "invalid UTF-8 and hostile XML";
                if (n % 2 == 0) {
                    var b = new java.io.ByteArrayOutputStream();
                    b.writeBytes(java.util.Arrays.copyOf(raw, Math.max(0, raw.length - 2)));
                    b.writeBytes(new byte[] {(byte) 0xC0, (byte) 0xB1, (byte) 0xFF});
                    b.writeBytes("\"}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    raw = b.toByteArray();
                } else {
                    headers.put("Content-Type", "text/xml");
                    raw = ("<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">"
                            + "<!ENTITY x SYSTEM \"file:///etc/passwd\">]><soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/"
                            + "soap/envelope/\"><soap:Body><x>&b;&x;</x></soap:Body></soap:Envelope>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        var out = new java.io.ByteArrayOutputStream();
        var head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (chunking != null) {
            head.append("Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n");
            out.writeBytes(head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.writeBytes((chunking + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(raw);
            out.writeBytes("\r\n0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } else if (headers.containsKey("Transfer-Encoding")) {
            head.append("Connection: close\r\n\r\n");
            out.writeBytes(head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.writeBytes((Integer.toHexString(raw.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.writeBytes(raw);
            out.writeBytes("\r\n0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        } else {
            head.append("Content-Length: ").append(raw.length).append("\r\nConnection: close\r\n\r\n");
            out.writeBytes(head.toString().getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            out.writeBytes(raw);
        }
        return new Hostile(name, path, out.toByteArray());
    }

    @net.jqwik.api.lifecycle.BeforeProperty
    void watchForHostileInput() throws Exception {
        if (secretKey == null) {
            secretKey = cofre.wiring().secretKeys().issue(merchant.merchant().id());
            mercadoPagoToken = cofre.wiring().accessTokens().issue(merchant.merchant().id());
        }
        ERRORS.list.clear();
        ERRORS.start();
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .addAppender(ERRORS);
        snapshotBefore = snapshot();
    }

    @net.jqwik.api.lifecycle.AfterProperty
    void stopWatching() {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .detachAppender(ERRORS);
        if (!FUZZ_COUNTS.isEmpty()) {
            System.out.println("hostile-input fuzz: " + FUZZ_COUNTS);
        }
    }

    /** The database minus what a refused request may legitimately touch (the GetJustClickKey failure count). */
    private static String snapshot() {
        return DatabaseSnapshot.of("jdbc:sqlite:" + cofre.dataDir.resolve("cofre.db"), null)
                .replaceAll("(?m)^key_recoveries.*$", "");
    }

    @Property(tries = 10_000, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void hostile_requests_never_cause_a_500_an_error_line_or_a_change(@ForAll("hostileRequests") Hostile request)
            throws Exception {
        String answer;
        try (var socket = new java.net.Socket("127.0.0.1", cofre.port())) {
            socket.setSoTimeout(15_000);
            try {
                socket.getOutputStream().write(request.bytes());
                socket.getOutputStream().flush();
            } catch (java.io.IOException e) {
                // the server closed early (an oversized request); its answer is still there to read
            }
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        FUZZ_COUNTS.computeIfAbsent(request.kind(), k -> new java.util.concurrent.atomic.AtomicInteger()).incrementAndGet();
        assertTrue(answer.startsWith("HTTP/1.1 "), "an answer for " + request + ": " + answer);
        int status = Integer.parseInt(answer.substring(9, 12));
        FUZZ_COUNTS.computeIfAbsent("status " + status, k -> new java.util.concurrent.atomic.AtomicInteger())
                .incrementAndGet();
        String lower = answer.toLowerCase(java.util.Locale.ROOT);
        int split = answer.indexOf("\r\n\r\n");
        String body = split < 0 ? "" : answer.substring(split + 4);
        if (split >= 0 && lower.substring(0, split).contains("transfer-encoding: chunked")) {
            body = HostileRequestsTest.unchunk(body);
        }
        boolean soap = request.path().toLowerCase(java.util.Locale.ROOT).startsWith("/v2/cartaoprotegido.asmx");
        assertTrue(status < 500 || (soap && status == 500 && body.contains("<faultcode>soap:Client</faultcode>")),
                status + " for " + request + ": " + answer);
        if (soap) {
            assertFalse(body.isEmpty(), "a SOAP answer for " + request + ": " + answer);
        } else if (status >= 400) {
            assertTrue(lower.contains("content-type: application/json"), "JSON error for " + request + ": " + answer);
            assertFalse(body.isEmpty(), "an error body for " + request + ": " + answer);
            assertTrue(DialectFormats.matches(request.path(), body),
                    DialectFormats.of(request.path()).name() + "'s format for " + request + ": " + answer);
        }
        assertFalse(answer.contains("Exception") || answer.contains("\tat ") || answer.contains(BAD_PAN), answer);
        var errors = ERRORS.list.stream().filter(ev -> ev.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.ERROR))
                .map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage).toList();
        assertTrue(errors.isEmpty(), "ERROR logged for " + request + ": " + errors);
        if (FUZZ_COUNTS.values().stream().mapToInt(java.util.concurrent.atomic.AtomicInteger::get).sum() % 2_000 == 0) {
            assertEquals(snapshotBefore, snapshot(), "hostile requests changed the database");
        }
    }
}
