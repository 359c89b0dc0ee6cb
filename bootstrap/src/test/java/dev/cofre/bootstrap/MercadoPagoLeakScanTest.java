package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 10's exact scan: seed 000's flow (customers, saved cards, card tokens from raw data and from
 * a saved card plus its CVV, bad requests carrying card numbers) through real HTTP on a real SQLite
 * file, with the server's own logging configuration ({@code logback.xml}) at {@code COFRE_LOG_LEVEL=DEBUG}
 * and every log line captured; then the known test numbers and security codes are
 * looked for in every file of the data directory (the database, its WAL, the key file, the journal),
 * in every column of every table, in every log line and in every response body.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MercadoPagoLeakScanTest {

    static final List<String> PANS = List.of("5555555555554444", "375365153556885", "4235647728025682");
    /** The codes sent: Mastercard, Amex (4 digits), Mastercard again from the saved card, and a refused one. */
    static final List<String> CVVS = List.of("847", "7391", "592", "6130");

    private final List<String> bodies = new ArrayList<>();

    private Reply mp(RunningCofre cofre, String accessToken, String method, String path, String json) {
        var headers = new HashMap<String, String>();
        headers.put("Authorization", "Bearer " + accessToken);
        headers.put("X-Idempotency-Key", UUID.randomUUID().toString());
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        Reply reply = cofre.send(method, path, json, headers);
        bodies.add(reply.body());
        return reply;
    }

    private static JsonNode status(Reply r, int status) {
        assertEquals(status, r.status(), r.body());
        return r.json();
    }

    private static String rawCard(String number, String cvv, int month) {
        return "{\"card_number\":\"" + number + "\",\"expiration_month\":" + month + ",\"expiration_year\":2030,"
                + "\"security_code\":\"" + cvv + "\",\"cardholder\":{\"name\":\"APRO\","
                + "\"identification\":{\"type\":\"CPF\",\"number\":\"19119119100\"}}}";
    }

    @Test
    void no_card_number_or_security_code_in_any_file_column_log_line_or_response_body(@TempDir Path dir)
            throws Exception {
        var context = (ch.qos.logback.classic.LoggerContext) LoggerFactory.getILoggerFactory();
        configure(context, "/logback.xml", "DEBUG"); // the jar's own configuration, at its most verbose
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        assertEquals(Level.DEBUG, root.getLevel());
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        root.addAppender(appender);
        try (var cofre = new RunningCofre(dir, null, null, Instant.parse("2026-11-22T12:00:00Z"),
                Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"))) {
            String at = cofre.wiring().accessTokens().issue(cofre.merchant("Loja do Zé").merchant().id());

            String customer = status(mp(cofre, at, "POST", "/v1/customers", "{\"email\":\"test@test.com\","
                    + "\"first_name\":\"Maria\",\"phone\":{\"area_code\":\"11\",\"number\":\"987654321\"},"
                    + "\"identification\":{\"type\":\"CPF\",\"number\":\"19119119100\"},"
                    + "\"address\":{\"zip_code\":\"01310100\",\"street_name\":\"Av. Paulista\",\"street_number\":1000},"
                    + "\"description\":\"cliente\",\"metadata\":{\"origem\":\"seed 000\"}}"), 201).get("id").asText();
            String master = status(mp(cofre, at, "POST", "/v1/card_tokens", rawCard(PANS.get(0), CVVS.get(0), 11)), 201)
                    .get("id").asText();
            String masterCard = status(mp(cofre, at, "POST", "/v1/customers/" + customer + "/cards",
                    "{\"token\":\"" + master + "\"}"), 201).get("id").asText();
            String amex = status(mp(cofre, at, "POST", "/v1/card_tokens", rawCard(PANS.get(1), CVVS.get(1), 7)), 201)
                    .get("id").asText();
            String amexCard = status(mp(cofre, at, "POST", "/v1/customers/" + customer + "/cards",
                    "{\"token\":\"" + amex + "\"}"), 201).get("id").asText();
            status(mp(cofre, at, "GET", "/v1/customers/" + customer + "/cards", null), 200);
            status(mp(cofre, at, "GET", "/v1/customers/search?email=test%40test.com&limit=10&offset=0", null), 200);
            status(mp(cofre, at, "PUT", "/v1/customers/" + customer, "{\"default_card\":\"" + amexCard + "\"}"), 200);
            // Capture o código de segurança: kept unspent, so its sealed code is in the database when scanned
            String again = status(mp(cofre, at, "POST", "/v1/card_tokens", "{\"card_id\":\"" + masterCard
                    + "\",\"customer_id\":\"" + customer + "\",\"security_code\":\"" + CVVS.get(2) + "\"}"), 201)
                    .get("id").asText();
            status(mp(cofre, at, "GET", "/v1/card_tokens/" + again, null), 200);
            // refused requests that carry card data
            status(mp(cofre, at, "POST", "/v1/card_tokens", rawCard(PANS.get(2), CVVS.get(3), 13)), 400);
            status(mp(cofre, at, "GET", "/v1/customers/" + PANS.get(2), null), 404);
            status(mp(cofre, at, "POST", "/v1/customers", "{\"email\":\"" + PANS.get(2) + "\"}"), 400);
            status(mp(cofre, at, "POST", "/v1/customers/" + customer + "/cards", "{\"token\":\"" + PANS.get(2) + "\"}"),
                    400);
            status(mp(cofre, at, "DELETE", "/v1/customers/" + customer + "/cards/" + amexCard, null), 200);

            // Every file of the data directory, read while the server runs (the WAL holds the latest pages)
            Path wal = dir.resolve("cofre.db-wal");
            assertTrue(Files.size(wal) > 0, "the WAL is scanned while it holds pages");
            try (var files = Files.walk(dir)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    assertNoCardData(file.getFileName().toString(), Files.readAllBytes(file));
                }
            }
            // Every column of every table: a code stored as an integer or in a column of its own would show here
            for (String value : columnValues(dir.resolve("cofre.db"))) {
                assertNoCardText("a column", value);
            }
        } finally {
            root.detachAppender(appender);
            configure(context, "/logback-test.xml", null);
        }
        var lines = appender.list.stream().map(e -> e.getFormattedMessage()
                + (e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy()))).toList();
        assertTrue(lines.stream().anyMatch(l -> l.contains("path=/v1/card_tokens")), "the request log was captured");
        for (String line : lines) {
            assertNoCardText("a log line", line);
        }
        assertEquals(15, bodies.size(), "every response was kept");
        for (String body : bodies) {
            assertNoCardText("a response body", body);
        }
    }

    private static void configure(ch.qos.logback.classic.LoggerContext context, String resource, String level)
            throws Exception {
        if (level == null) {
            System.clearProperty("COFRE_LOG_LEVEL");
        } else {
            System.setProperty("COFRE_LOG_LEVEL", level);
        }
        context.reset();
        var configurator = new ch.qos.logback.classic.joran.JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(MercadoPagoLeakScanTest.class.getResource(resource));
    }

    /** Each number as ASCII, UTF-16 either way; each code as UTF-16, and as JSON or a bounded ASCII field. */
    private static void assertNoCardData(String where, byte[] bytes) {
        for (String pan : PANS) {
            for (var charset : List.of(StandardCharsets.US_ASCII, StandardCharsets.UTF_16LE, StandardCharsets.UTF_16BE)) {
                assertFalse(contains(bytes, pan.getBytes(charset)), where + " holds card number ending "
                        + pan.substring(pan.length() - 4) + " as " + charset);
            }
        }
        for (String cvv : CVVS) {
            assertFalse(contains(bytes, cvv.getBytes(StandardCharsets.UTF_16LE)), where + " holds a code as UTF-16LE");
            assertFalse(contains(bytes, cvv.getBytes(StandardCharsets.UTF_16BE)), where + " holds a code as UTF-16BE");
            assertFalse(contains(bytes, ("\"" + cvv + "\"").getBytes(StandardCharsets.US_ASCII)),
                    where + " holds a code as a JSON string");
            assertFalse(contains(bytes, ("security_code\":" + cvv).getBytes(StandardCharsets.US_ASCII)),
                    where + " holds a code as a JSON number");
        }
    }

    /**
     * Text: a number anywhere; a code as a field of its own (not inside a longer run of digits or
     * letters, as in an id, nor the milliseconds of a date).
     */
    private static void assertNoCardText(String where, String text) {
        for (String pan : PANS) {
            assertFalse(text.contains(pan), where + " holds card number ending " + pan.substring(pan.length() - 4)
                    + ": " + text.replace(pan, "<PAN>"));
        }
        for (String cvv : CVVS) {
            assertFalse(Pattern.compile("(?<![0-9A-Za-z.])" + cvv + "(?![0-9A-Za-z])").matcher(text).find(),
                    where + " holds a security code: " + text.replace(cvv, "<CVV>"));
        }
    }

    private static List<String> columnValues(Path db) throws Exception {
        var values = new ArrayList<String>();
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + db); var st = c.createStatement()) {
            var tables = new ArrayList<String>();
            try (var rs = st.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                try (var rs = st.executeQuery("SELECT * FROM \"" + table + "\"")) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            Object v = rs.getObject(i);
                            if (v != null && !(v instanceof byte[])) {
                                values.add(String.valueOf(v));
                            }
                        }
                    }
                }
            }
        }
        assertTrue(values.size() > 50, "the tables were read: " + values.size());
        return values;
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
