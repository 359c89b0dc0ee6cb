package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A card token's life on the real server and SQLite file: its lifetime is the server's setting
 * ({@code COFRE_CARD_TOKEN_TTL_SECONDS}), and {@code keys rotate} re-wraps its data key, so a token
 * made before a rotation is spent after it with the retired key-encryption key gone from the key file.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MercadoPagoCardTokenLifeTest {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final String MASTER = "5555555555554444";

    private static Reply mp(RunningCofre cofre, String accessToken, String method, String path, String json) {
        var headers = new java.util.HashMap<String, String>();
        headers.put("Authorization", "Bearer " + accessToken);
        headers.put("X-Idempotency-Key", UUID.randomUUID().toString());
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return cofre.send(method, path, json, headers);
    }

    private static JsonNode status(Reply r, int status) {
        assertEquals(status, r.status(), r.body());
        return r.json();
    }

    private static String rawCard() {
        return "{\"card_number\":\"" + MASTER + "\",\"expiration_month\":11,\"expiration_year\":2030,"
                + "\"security_code\":\"123\",\"cardholder\":{\"name\":\"APRO\"}}";
    }

    @Test
    void a_card_token_lives_the_configured_time_then_answers_the_vendors_expired_error(@TempDir Path dir) {
        try (var cofre = new RunningCofre(dir, null, null, NOW, Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0",
                "COFRE_CARD_TOKEN_TTL_SECONDS", "90"))) {
            String accessToken = cofre.wiring().accessTokens().issue(cofre.merchant("Loja").merchant().id());
            String customer = status(mp(cofre, accessToken, "POST", "/v1/customers", "{\"email\":\"ttl@test.com\"}"), 201)
                    .get("id").asText();
            JsonNode token = status(mp(cofre, accessToken, "POST", "/v1/card_tokens", rawCard()), 201);
            Duration lives = Duration.between(OffsetDateTime.parse(token.get("date_created").asText()),
                    OffsetDateTime.parse(token.get("date_due").asText()));
            assertEquals(Duration.ofSeconds(90), lives);
            String id = token.get("id").asText();

            cofre.clock.advance(Duration.ofSeconds(91)); // spent at once: the sweeper runs once a minute
            Reply spent = mp(cofre, accessToken, "POST", "/v1/customers/" + customer + "/cards",
                    "{\"token\":\"" + id + "\"}");
            JsonNode error = status(spent, 400);
            assertEquals("bad_request", error.get("error").asText());
            assertEquals("852", error.get("cause").get(0).get("code").asText(), spent.body());
            assertEquals(0, status(mp(cofre, accessToken, "GET", "/v1/customers/" + customer + "/cards", null), 200)
                    .size());
            // (the sweeper, once a minute, deletes it soon after: then it is not found, 850)
            assertEquals("expired", status(mp(cofre, accessToken, "GET", "/v1/card_tokens/" + id, null), 200)
                    .get("status").asText());
        }
    }

    @Test
    void keys_rotate_rewraps_card_tokens_so_the_retired_key_can_leave_the_key_file(@TempDir Path dir)
            throws Exception {
        try (var cofre = new RunningCofre(dir, null, null, NOW, Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"))) {
            String accessToken = cofre.wiring().accessTokens().issue(cofre.merchant("Loja").merchant().id());
            String customer = status(mp(cofre, accessToken, "POST", "/v1/customers", "{\"email\":\"kek@test.com\"}"), 201)
                    .get("id").asText();
            String first = status(mp(cofre, accessToken, "POST", "/v1/card_tokens", rawCard()), 201).get("id").asText();
            String card = status(mp(cofre, accessToken, "POST", "/v1/customers/" + customer + "/cards",
                    "{\"token\":\"" + first + "\"}"), 201).get("id").asText();
            // made before the rotation: one from raw data, one from the saved card plus its CVV
            String raw = status(mp(cofre, accessToken, "POST", "/v1/card_tokens", rawCard()), 201).get("id").asText();
            String fromCard = status(mp(cofre, accessToken, "POST", "/v1/card_tokens",
                    "{\"card_id\":\"" + card + "\",\"security_code\":\"123\"}"), 201).get("id").asText();
            assertEquals("1,1", kekVersions(dir));

            var rotated = CommandLineRun.of(cofre::settings, "keys", "rotate");
            assertEquals(0, rotated.exit(), rotated.err());
            assertTrue(rotated.out().contains("re-wrapped 3 of 3"), rotated.out()); // the vault card and both tokens
            assertTrue(rotated.out().contains("Rotation to key version 2: DONE, 3 re-wrapped"), rotated.out());
            assertEquals("2,2", kekVersions(dir));
            var again = CommandLineRun.of(cofre::settings, "keys", "rotate", "--resume");
            assertTrue(again.out().contains("0 re-wrapped"), again.out());

            // Retire key version 1: take it out of the key file, and serve with that file only
            Path keyFile = dir.resolve("cofre.keys");
            String kept = Files.readAllLines(keyFile, StandardCharsets.US_ASCII).stream()
                    .filter(line -> !line.startsWith("kek.1=")).collect(Collectors.joining("\n", "", "\n"));
            Files.writeString(keyFile, kept, StandardCharsets.US_ASCII);
            cofre.restart();

            String other = status(mp(cofre, accessToken, "POST", "/v1/customers", "{\"email\":\"kek2@test.com\"}"), 201)
                    .get("id").asText();
            JsonNode saved = status(mp(cofre, accessToken, "POST", "/v1/customers/" + other + "/cards",
                    "{\"token\":\"" + raw + "\"}"), 201);
            assertEquals("4444", saved.get("last_four_digits").asText());
            assertEquals("active", status(mp(cofre, accessToken, "GET", "/v1/card_tokens/" + fromCard, null), 200)
                    .get("status").asText());
            // the token made from the saved card plus its CVV opens too: saved for a third customer
            String third = status(mp(cofre, accessToken, "POST", "/v1/customers", "{\"email\":\"kek3@test.com\"}"), 201)
                    .get("id").asText();
            status(mp(cofre, accessToken, "POST", "/v1/customers/" + third + "/cards",
                    "{\"token\":\"" + fromCard + "\"}"), 201);
            assertFalse(Files.readString(keyFile).contains("kek.1="));
        }
    }

    /** The key versions of the unspent card tokens, lowest first. */
    private static String kekVersions(Path dir) throws Exception {
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cofre.db"));
             var st = c.createStatement();
             var rs = st.executeQuery("SELECT kek_version FROM card_tokens WHERE wrapped_key IS NOT NULL"
                     + " ORDER BY kek_version")) {
            var versions = new java.util.ArrayList<String>();
            while (rs.next()) {
                versions.add(rs.getString(1));
            }
            return String.join(",", versions);
        }
    }
}
