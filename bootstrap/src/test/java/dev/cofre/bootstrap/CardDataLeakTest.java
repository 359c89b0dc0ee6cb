package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.cofre.application.merchant.RegisterMerchant;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The leak suite (issue 14): every dialect is driven on the real server with known test card
 * numbers and security codes, in the right fields and in the wrong ones (alias, names,
 * descriptions, metadata keys and values, references, path ids, unknown field names, headers).
 * Then the SQLite file and its WAL (and the other files of the data directory, the simulator's
 * journal), two kinds of {@code pg_dump} of the PostgreSQL schema, the
 * server's log and every response body (bar the GetCreditCard answers, which exist to return the
 * number) are scanned byte for byte: ASCII, UTF-16 either byte order, and digit runs split by
 * spaces or dashes. It must find nothing.
 *
 * <p>Security codes are three or four digits, which turn up by chance in any file of ciphertext,
 * UUIDs and timestamps; they are looked for where a find means something: in UTF-16 at rest (as
 * {@code CardNumbersAtRestTest} does) and next to a field name in the log and in answers.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CardDataLeakTest {

    /** Cards sent where they belong: they are sealed, and only GetCreditCard may ever return them. */
    private static final List<String> RIGHT = List.of("4111111111111111", "5555555555554444", "4000000000000010",
            "4509953566233704", "5031433215406351");
    /** Cards sent where they do not belong: they must be refused, or dropped, never kept or echoed. */
    private static final List<String> WRONG = List.of("378282246310005", "6011111111111117", "3530111333300000",
            "4012888888881881", "30569309025904", "6362970000457013", "5105105105105100", "371449635398431");
    private static final List<String> CVVS = List.of("7391", "846", "927");

    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    /** Every answer the scenario got, but the ones that exist to return a card number. */
    private final List<String> answers = new ArrayList<>();
    private int wrongFieldRequests;

    @Test
    void no_card_number_or_code_leaks_on_sqlite(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("cofre.db");
        String scanned = scenario(new RunningCofre(dir, null, null, OrdersServerContract.NOW,
                Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0")), running -> {
            Path wal = db.resolveSibling("cofre.db-wal");
            assertTrue(Files.size(wal) > 0, "the WAL still holds what was written");
            byte[] walBytes = Files.readAllBytes(wal);
            assertTrue(indexOf(walBytes, "Jose da Silva".getBytes(StandardCharsets.US_ASCII)) >= 0,
                    "the scan sees what is stored in clear");
            var files = new LinkedHashMap<String, byte[]>(Map.of("SQLite WAL", walBytes, "SQLite file", Files.readAllBytes(db)));
            try (var others = Files.list(dir)) { // the acquirer simulator's journal, and anything else written there
                for (Path f : others.filter(f -> !f.getFileName().toString().startsWith("cofre.")).toList()) {
                    files.put(f.getFileName().toString(), Files.readAllBytes(f));
                }
            }
            return files;
        });
        assertNoCardData("SQLite file after close", Files.readAllBytes(db));
        System.out.println("leak scan (SQLite): " + scanned);
    }

    @Test
    @OnPostgres
    void no_card_number_or_code_leaks_on_postgresql(@TempDir Path dir) throws Exception {
        String schema = "leak_" + Long.toHexString(System.nanoTime());
        String scanned = scenario(new RunningCofre(dir, OnPostgres.URL, schema, OrdersServerContract.NOW,
                Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0")), running -> {
            byte[] copy = pgDump(schema, List.of());
            assertTrue(new String(copy, StandardCharsets.UTF_8).contains("Jose da Silva"), "the dump holds the data");
            return Map.of("pg_dump (COPY)", copy,
                    "pg_dump (--inserts --column-inserts)", pgDump(schema, List.of("--inserts", "--column-inserts")));
        });
        System.out.println("leak scan (PostgreSQL): " + scanned);
    }

    interface Scans {
        Map<String, byte[]> of(RunningCofre running) throws Exception;
    }

    /** Drives every dialect, then scans what {@code files} gives, the log and the answers; counts what it scanned. */
    private String scenario(RunningCofre cofre, Scans files) throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        log.start();
        root.addAppender(log);
        Map<String, byte[]> scanned;
        try (cofre) {
            var merchant = cofre.merchant("Loja Vazamento", "127.0.0.1/32", "::1/128");
            vault(cofre, merchant);
            justClick(cofre, merchant);
            soap(cofre, merchant);
            orders(cofre, merchant);
            mercadoPago(cofre, merchant);
            oauth(cofre, merchant);
            scanned = new LinkedHashMap<>(files.of(cofre));
        } finally {
            root.detachAppender(log);
        }
        var logText = new StringBuilder();
        for (ILoggingEvent e : log.list) {
            logText.append(e.getLevel()).append(' ').append(e.getLoggerName()).append(' ').append(e.getFormattedMessage())
                    .append(' ').append(e.getMDCPropertyMap()).append('\n');
            if (e.getThrowableProxy() != null) {
                logText.append(ThrowableProxyUtil.asString(e.getThrowableProxy())).append('\n');
            }
        }
        scanned.put("server log", logText.toString().getBytes(StandardCharsets.UTF_8));
        scanned.put("responses", String.join("\n", answers).getBytes(StandardCharsets.UTF_8));
        scanned.forEach(this::assertNoCardData);
        assertNoCodeNextToAName("server log", logText.toString());
        assertNoCodeNextToAName("responses", String.join("\n", answers));
        return answers.size() + " answers (" + wrongFieldRequests + " with a card number in a wrong field), "
                + log.list.size() + " log lines, " + scanned.keySet();
    }

    // ---------------------------------------------------------------- the dialects, right and wrong fields

    private void vault(RunningCofre cofre, RegisterMerchant.Registered m) {
        String bearer = cofre.bearer(m);
        var created = call(cofre, "POST", "/v1/Token", VaultServerContract.card("leak-ok", RIGHT.get(0), "12/2030")
                .replace("\"123\"", "\"" + CVVS.get(1) + "\""), Map.of("Authorization", "Bearer " + bearer));
        assertEquals(201, created.status(), created.body());
        String reference = created.json().get("TokenReference").asText();
        call(cofre, "GET", "/v1/Token/" + reference, null, Map.of("Authorization", "Bearer " + bearer));
        String auth = "Bearer " + bearer;
        wrong(cofre, "POST", "/v1/Token", VaultServerContract.card(WRONG.get(0), RIGHT.get(0), "12/2030"), auth);
        wrong(cofre, "POST", "/v1/Token", VaultServerContract.card("a " + spaced(WRONG.get(1)), RIGHT.get(0), "12/2030"), auth);
        wrong(cofre, "POST", "/v1/Token", VaultServerContract.card(null, RIGHT.get(0), "12/2030")
                .replace("Jose da Silva", WRONG.get(2)), auth);
        wrong(cofre, "POST", "/v1/Token", VaultServerContract.card(null, RIGHT.get(0), "12/2030")
                .replace("{\"Card\"", "{\"" + WRONG.get(3) + "\":1,\"Card\""), auth);
        wrong(cofre, "POST", "/v1/Token", VaultServerContract.card("leak-2", RIGHT.get(0), "12/2030"),
                Map.of("Authorization", auth, "Idempotency-Key", WRONG.get(4)));
        wrong(cofre, "POST", "/v1/Token", "{\"Alias\":\"x\",\"alias\":\"" + WRONG.get(5) + "\"}", auth);
        for (String path : List.of("/v1/Token/" + WRONG.get(0), "/v1/Alias/" + WRONG.get(1) + "/TokenReference",
                "/v1/Token/" + dashed(WRONG.get(2)), "/v1/Token/" + WRONG.get(3) + "/suspend")) {
            wrong(cofre, path.endsWith("suspend") ? "PUT" : "GET", path,
                    path.endsWith("suspend") ? "{\"RemovedBy\":\"Merchant\",\"Reason\":\"Other\"}" : null, auth);
        }
        wrong(cofre, "DELETE", "/v1/Token/" + WRONG.get(4), "{\"RemovedBy\":\"" + WRONG.get(5) + "\",\"Reason\":\"Other\"}", auth);
    }

    private void justClick(RunningCofre cofre, RegisterMerchant.Registered m) {
        String save = VaultServerContract.saveCard(m, RunningCofre.guid(), "leak-jc").replace(VaultServerContract.PAN,
                RIGHT.get(1));
        var saved = call(cofre, "POST", "/justclick/SaveCreditCard", save, Map.of());
        assertTrue(saved.body().contains("\"Success\":true"), saved.body());
        String key = saved.json().get("JustClickKey").asText();
        var read = cofre.justClick("GetCreditCard", "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"JustClickKey\":\""
                + key + "\"}");
        assertTrue(read.body().contains(RIGHT.get(1)), "GetCreditCard returns the number (and is not scanned)");
        call(cofre, "POST", "/justclick/GetMaskedCreditCard", "{\"MerchantKey\":\"" + m.merchantKey()
                + "\",\"JustClickKey\":\"" + key + "\"}", Map.of());
        for (String field : List.of("CustomerName", "CustomerIdentification", "JustClickAlias", "RequestId", "CardHolder")) {
            String body = VaultServerContract.saveCard(m, RunningCofre.guid(), "leak-jc2")
                    .replace(VaultServerContract.PAN, RIGHT.get(1));
            body = body.replaceFirst("\"" + field + "\":\"[^\"]*\"", "\"" + field + "\":\"x " + spaced(WRONG.get(0)) + "\"");
            wrong(cofre, "POST", "/justclick/SaveCreditCard", body, Map.of());
        }
        for (String method : List.of("GetCreditCard", "GetMaskedCreditCard", "InvalidateCreditCard", "GetJustClickKey")) {
            wrong(cofre, "POST", "/justclick/" + method, "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"JustClickKey\":\""
                    + WRONG.get(1) + "\",\"JustClickAlias\":\"" + WRONG.get(2) + "\",\"SaveCreditCardRequestId\":\""
                    + WRONG.get(3) + "\"}", Map.of());
            wrong(cofre, "POST", "/justclick/" + method, "{\"MerchantKey\":\"" + WRONG.get(4) + "\",\"JustClickKey\":\""
                    + key + "\"}", Map.of());
        }
    }

    private void soap(RunningCofre cofre, RegisterMerchant.Registered m) {
        var fields = new LinkedHashMap<String, String>();
        fields.put("MerchantKey", m.merchantKey());
        fields.put("CustomerName", "Comprador");
        fields.put("CardHolder", "Teste Holder");
        fields.put("CardNumber", RIGHT.get(1));
        fields.put("CardExpiration", "03/2029");
        fields.put("RequestId", RunningCofre.guid());
        var saved = soapCall(cofre, "SaveCreditCard", "saveCreditCardRequestWS", fields);
        assertTrue(saved.body().contains("<Success>true</Success>"), saved.body());
        for (String field : List.of("CustomerName", "JustClickAlias", "RequestId", "CustomerIdentification")) {
            var bad = new LinkedHashMap<>(fields);
            bad.put("RequestId", RunningCofre.guid());
            bad.put(field, "x " + spaced(WRONG.get(5)));
            wrongFieldRequests++;
            soapCall(cofre, "SaveCreditCard", "saveCreditCardRequestWS", bad);
        }
        wrongFieldRequests++;
        soapCall(cofre, "GetCreditCard", "getCreditCardRequestWS", Map.of("MerchantKey", m.merchantKey(),
                "JustClickKey", WRONG.get(6)));
    }

    private RunningCofre.Reply soapCall(RunningCofre cofre, String method, String wrapper, Map<String, String> fields) {
        var r = cofre.soap(JustClickSoapTest.ASMX, JustClickSoapTest.sdkEnvelope(method, wrapper, fields), null);
        answers.add(r.body() + " " + r.headers());
        return r;
    }

    private void orders(RunningCofre cofre, RegisterMerchant.Registered m) {
        String auth = OrdersServerContract.basic(cofre.wiring().secretKeys().issue(m.merchant().id()));
        String order = OrdersServerContract.SEED_CARD.replace("\"3531\"", "\"" + CVVS.get(0) + "\"")
                .replace("4000000000000010", RIGHT.get(2));
        var created = call(cofre, "POST", "/core/v5/orders", order, Map.of("Authorization", auth,
                "idempotency-key", RunningCofre.guid()));
        assertEquals(200, created.status(), created.body());
        String orderId = created.json().get("id").asText();
        String chargeId = created.json().at("/charges/0/id").asText();
        call(cofre, "GET", "/core/v5/orders/" + orderId, null, Map.of("Authorization", auth));
        call(cofre, "GET", "/core/v5/charges/" + chargeId, null, Map.of("Authorization", auth));
        var wrongOnes = List.of(
                order.replace("Chaveiro do Tesseract", "Chaveiro " + spaced(WRONG.get(0))),
                order.replace("\"AVENGERS\"", "\"" + WRONG.get(1) + "\""),
                order.replace("\"installments\":1,", "\"installments\":1,\"metadata\":{\"nota\":\"" + dashed(WRONG.get(2)) + "\"},"),
                order.replace("\"installments\":1,", "\"installments\":1,\"metadata\":{\"" + WRONG.get(3) + "\":\"x\"},"),
                order.replace("\"installments\":1,", "\"installments\":1,\"metadata\":{\"n\":" + WRONG.get(4) + "},"),
                order.replace("Tony Stark\",\"email\"", WRONG.get(5) + "\",\"email\""),
                order.replace("{\"items\"", "{\"code\":\"" + WRONG.get(6) + "\",\"items\""),
                order.replace("{\"items\"", "{\"" + WRONG.get(7) + "\":true,\"items\""),
                order.replace("\"card\":{", "\"card_id\":\"" + WRONG.get(0) + "\",\"x\":{"),
                order.replace("\"card\":{", "\"card_token\":\"" + WRONG.get(1) + "\",\"x\":{"),
                order.replace("\"installments\":1,", "\"installments\":1,\"authentication\":{\"type\":\"threed_secure\","
                        + "\"threed_secure\":{\"mpi\":\"third_party\",\"eci\":\"05\",\"cavv\":\"BwABBylVaQAAAAFwllVpAAAAAAA=\","
                        + "\"transaction_id\":\"" + WRONG.get(2) + "\",\"ds_transaction_id\":\"" + WRONG.get(3)
                        + "\",\"version\":\"2\"}},"));
        for (String body : wrongOnes) {
            wrong(cofre, "POST", "/core/v5/orders", body, Map.of("Authorization", auth, "idempotency-key",
                    RunningCofre.guid()));
        }
        wrong(cofre, "POST", "/core/v5/orders", order, Map.of("Authorization", auth, "idempotency-key", WRONG.get(5)));
        for (String path : List.of("/core/v5/orders/" + WRONG.get(6), "/core/v5/charges/" + WRONG.get(7),
                "/core/v5/charges/or_" + WRONG.get(0))) {
            wrong(cofre, "GET", path, null, Map.of("Authorization", auth));
        }
        wrong(cofre, "POST", "/core/v5/charges/" + WRONG.get(1) + "/capture", "{\"amount\":100}", Map.of("Authorization", auth));
        wrong(cofre, "POST", "/core/v5/charges/" + chargeId + "/capture", "{\"amount\":100,\"code\":\"" + WRONG.get(2) + "\"}",
                Map.of("Authorization", auth));
    }

    private void mercadoPago(RunningCofre cofre, RegisterMerchant.Registered m) {
        String auth = "Bearer " + cofre.wiring().accessTokens().issue(m.merchant().id());
        var customer = call(cofre, "POST", "/v1/customers", "{\"email\":\"leak@test.com\",\"first_name\":\"Jose da Silva\"}",
                mp(auth));
        assertEquals(201, customer.status(), customer.body());
        String customerId = customer.json().get("id").asText();
        var token = call(cofre, "POST", "/v1/card_tokens", MercadoPagoServerContract.rawCard(RIGHT.get(3), CVVS.get(2)),
                mp(auth));
        assertEquals(201, token.status(), token.body());
        var card = call(cofre, "POST", "/v1/customers/" + customerId + "/cards", "{\"token\":\""
                + token.json().get("id").asText() + "\"}", mp(auth));
        assertEquals(201, card.status(), card.body());
        call(cofre, "GET", "/v1/customers/" + customerId + "/cards", null, mp(auth));
        var otherToken = call(cofre, "POST", "/v1/card_tokens", MercadoPagoServerContract.rawCard(RIGHT.get(4), "123"),
                mp(auth));
        call(cofre, "GET", "/v1/card_tokens/" + otherToken.json().get("id").asText(), null, mp(auth));
        var wrongCustomers = List.of(
                "{\"email\":\"" + WRONG.get(0) + "@test.com\"}",
                "{\"email\":\"w1@test.com\",\"first_name\":\"" + spaced(WRONG.get(1)) + "\"}",
                "{\"email\":\"w2@test.com\",\"last_name\":\"x" + WRONG.get(2) + "\"}",
                "{\"email\":\"w3@test.com\",\"description\":\"cartao " + dashed(WRONG.get(3)) + " 12/30\"}",
                "{\"email\":\"w4@test.com\",\"metadata\":{\"k\":\"" + WRONG.get(4) + "\"}}",
                "{\"email\":\"w5@test.com\",\"metadata\":{\"" + WRONG.get(5) + "\":\"v\"}}",
                "{\"email\":\"w6@test.com\",\"metadata\":{\"n\":" + WRONG.get(6) + "}}",
                "{\"email\":\"w7@test.com\",\"phone\":{\"area_code\":\"11\",\"number\":\"" + WRONG.get(7) + "\"}}",
                "{\"email\":\"w8@test.com\",\"identification\":{\"type\":\"CPF\",\"number\":\"" + WRONG.get(0) + "\"}}",
                "{\"email\":\"w12@test.com\",\"identification\":{\"type\":\"" + WRONG.get(1) + "\",\"number\":\"1\"}}",
                "{\"email\":\"w9@test.com\",\"address\":{\"street_name\":\"Rua " + spaced(WRONG.get(1)) + "\"}}",
                "{\"email\":\"w10@test.com\",\"" + WRONG.get(2) + "\":\"x\"}");
        for (String body : wrongCustomers) {
            wrong(cofre, "POST", "/v1/customers", body, mp(auth));
        }
        wrong(cofre, "PUT", "/v1/customers/" + customerId, "{\"description\":\"" + WRONG.get(3) + "\"}", mp(auth));
        wrong(cofre, "POST", "/v1/customers", "{\"email\":\"w11@test.com\"}",
                Map.of("Authorization", auth, "Content-Type", "application/json", "X-Idempotency-Key", WRONG.get(4)));
        for (String path : List.of("/v1/customers/" + WRONG.get(5), "/v1/customers/" + customerId + "/cards/" + WRONG.get(6),
                "/v1/card_tokens/" + WRONG.get(7), "/v1/customers/search?email=" + WRONG.get(0) + "@test.com")) {
            wrong(cofre, "GET", path, null, mp(auth));
        }
        String raw = MercadoPagoServerContract.rawCard(RIGHT.get(3), "123");
        for (String body : List.of(raw.replace("\"APRO\"", "\"" + WRONG.get(1) + "\""),
                raw.replace("\"CPF\"", "\"" + WRONG.get(7) + "\""),
                raw.replace("19119119100", WRONG.get(2)),
                "{\"card_id\":\"" + WRONG.get(3) + "\",\"customer_id\":\"" + customerId + "\",\"security_code\":\"123\"}",
                "{\"card_id\":\"1\",\"customer_id\":\"" + WRONG.get(4) + "\",\"security_code\":\"123\"}")) {
            wrong(cofre, "POST", "/v1/card_tokens", body, mp(auth));
        }
        wrong(cofre, "POST", "/v1/customers/" + customerId + "/cards", "{\"token\":\"" + WRONG.get(5) + "\"}", mp(auth));
    }

    private void oauth(RunningCofre cofre, RegisterMerchant.Registered m) {
        for (String clientId : List.of(WRONG.get(6), spaced(WRONG.get(7)))) {
            String basic = Base64.getEncoder().encodeToString((clientId + ":" + WRONG.get(0)).getBytes(StandardCharsets.UTF_8));
            wrong(cofre, "POST", "/oauth2/token", "grant_type=client_credentials", Map.of("Authorization", "Basic " + basic,
                    "Content-Type", "application/x-www-form-urlencoded"));
        }
        wrong(cofre, "POST", "/oauth2/token", "grant_type=client_credentials&client_id=" + WRONG.get(1) + "&client_secret="
                + WRONG.get(2), Map.of("Content-Type", "application/x-www-form-urlencoded"));
    }

    private static Map<String, String> mp(String auth) {
        return Map.of("Authorization", auth, "X-Idempotency-Key", RunningCofre.guid());
    }

    private RunningCofre.Reply call(RunningCofre cofre, String method, String path, String body, Map<String, String> headers) {
        var all = new HashMap<>(headers);
        if (body != null && !all.containsKey("Content-Type")) {
            all.put("Content-Type", "application/json");
        }
        var r = cofre.send(method, path, body, all);
        answers.add(r.status() + " " + r.headers() + " " + r.body()); // what the server said, not what was asked
        assertTrue(r.status() < 500, method + " " + path + " -> " + r.status() + " " + r.body());
        return r;
    }

    /** A request with a card number in a wrong place: a client error, or a success that kept nothing of it. */
    private void wrong(RunningCofre cofre, String method, String path, String body, String authorization) {
        wrong(cofre, method, path, body, Map.of("Authorization", authorization));
    }

    private void wrong(RunningCofre cofre, String method, String path, String body, Map<String, String> headers) {
        wrongFieldRequests++;
        call(cofre, method, path, body, headers);
    }

    private static String spaced(String pan) {
        return pan.replaceAll("(\\d{4})(?=\\d)", "$1 ");
    }

    private static String dashed(String pan) {
        return pan.replaceAll("(\\d{4})(?=\\d)", "$1-");
    }

    // ---------------------------------------------------------------- the scan

    private void assertNoCardData(String where, byte[] bytes) {
        var texts = List.of(new String(bytes, StandardCharsets.ISO_8859_1),
                new String(bytes, StandardCharsets.UTF_16LE), new String(bytes, 1, Math.max(0, bytes.length - 1),
                        StandardCharsets.UTF_16LE),
                new String(bytes, StandardCharsets.UTF_16BE), new String(bytes, 1, Math.max(0, bytes.length - 1),
                        StandardCharsets.UTF_16BE));
        String[] encodings = {"ASCII", "UTF-16LE", "UTF-16LE (odd offset)", "UTF-16BE", "UTF-16BE (odd offset)"};
        for (String pan : concat(RIGHT, WRONG)) {
            Pattern anySplit = digitRun(pan);
            for (int i = 0; i < texts.size(); i++) {
                var found = anySplit.matcher(texts.get(i));
                if (found.find()) {
                    int at = found.start();
                    String context = texts.get(i).substring(Math.max(0, at - 120), Math.min(texts.get(i).length(),
                            found.end() + 60)).replaceAll("\\d{4}(?=\\d{4})", "****");
                    fail(where + " holds card number ending " + pan.substring(pan.length() - 4) + " as "
                            + encodings[i] + " near: " + context);
                }
            }
        }
        if (!where.equals("server log") && !where.equals("responses")) {
            for (String cvv : CVVS) {
                assertTrue(indexOf(bytes, cvv.getBytes(StandardCharsets.UTF_16LE)) < 0, where + " holds a code as UTF-16LE");
                assertTrue(indexOf(bytes, cvv.getBytes(StandardCharsets.UTF_16BE)) < 0, where + " holds a code as UTF-16BE");
            }
        }
    }

    /** The digits with at most three spaces or dashes between any two, not inside a longer digit run. */
    private static Pattern digitRun(String pan) {
        var regex = new StringBuilder("(?<![0-9])");
        for (int i = 0; i < pan.length(); i++) {
            regex.append(pan.charAt(i));
            if (i < pan.length() - 1) {
                regex.append("[ \\-]{0,3}");
            }
        }
        return Pattern.compile(regex.append("(?![0-9])").toString());
    }

    private static void assertNoCodeNextToAName(String where, String text) {
        for (String cvv : CVVS) {
            var named = Pattern.compile("(?i)(cvv|security_?code|securitycode)\\W{0,6}" + cvv + "(?![0-9])").matcher(text);
            assertTrue(!named.find(), where + " holds a security code next to its name");
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        var all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** A plain-text pg_dump of one schema, with {@code options}, connecting as the test URL says. */
    private static byte[] pgDump(String schema, List<String> options) throws Exception {
        URI uri = URI.create(OnPostgres.URL.substring("jdbc:".length()));
        var command = new ArrayList<>(List.of("pg_dump", "--schema=" + schema, "--no-owner",
                "-h", uri.getHost(), "-p", String.valueOf(uri.getPort() == -1 ? 5432 : uri.getPort()),
                "-d", uri.getPath().substring(1)));
        command.addAll(options);
        var builder = new ProcessBuilder();
        for (String parameter : (uri.getQuery() == null ? "" : uri.getQuery()).split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].equals("user")) {
                command.addAll(List.of("-U", pair[1]));
            } else if (pair.length == 2 && pair[0].equals("password")) {
                builder.environment().put("PGPASSWORD", pair[1]);
            }
        }
        var process = builder.command(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "pg_dump finished");
        assertEquals(0, process.exitValue(), "pg_dump succeeded");
        return out.toByteArray();
    }
}
