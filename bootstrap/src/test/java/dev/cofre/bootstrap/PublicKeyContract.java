package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.application.merchant.PublishableKeyAccess.Kind;
import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publishable keys end to end through real HTTP: Mercado Pago's {@code ?public_key=} and Pagar.me's
 * {@code ?appId=} create card tokens, in the one store the orders API spends ({@code card_token}), and
 * authenticate nothing else: on every other route a public key is a 401 in that dialect's format.
 * Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class PublicKeyContract {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final String VISA = "4000000000000010";
    static final Pattern MP_PUBLIC_KEY = Pattern.compile("APP_USR-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final Pattern APP_ID = Pattern.compile("pk_[0-9A-Za-z]{24}");
    static final String PAGARME_UNAUTHORIZED = "Authorization has been denied for this request.";

    Path dataDir;
    RunningCofre cofre;
    RegisterMerchant.Registered merchant;
    String accessToken;
    String secretKey;
    String publicKey;
    String appId;
    String otherSecretKey;

    abstract String jdbcUrl();

    abstract String schema();

    @BeforeAll
    void start(@TempDir Path dir) {
        dataDir = dir;
        cofre = new RunningCofre(dataDir, jdbcUrl(), schema(), NOW, Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"));
        merchant = cofre.merchant("Loja do Zé");
        var id = merchant.merchant().id();
        accessToken = cofre.wiring().accessTokens().issue(id);
        secretKey = cofre.wiring().secretKeys().issue(id);
        publicKey = cofre.wiring().publishableKeys().issue(id, Kind.MERCADO_PAGO);
        appId = cofre.wiring().publishableKeys().issue(id, Kind.PAGARME);
        otherSecretKey = cofre.wiring().secretKeys().issue(cofre.merchant("Outra Loja").merchant().id());
    }

    @AfterAll
    void stop() {
        if (cofre != null) {
            cofre.close();
        }
    }

    static String q(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static String basic(String user) {
        return OrdersServerContract.basic(user);
    }

    Reply send(String method, String path, String json, String authorization) {
        var headers = new HashMap<String, String>();
        if (authorization != null) {
            headers.put("Authorization", authorization);
        }
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return cofre.send(method, path, json, headers);
    }

    static String pagarmeCard(String number, String cvv) {
        return "{\"type\":\"card\",\"card\":{\"number\":\"" + number + "\",\"holder_name\":\"Tony Stark\","
                + "\"exp_month\":1,\"exp_year\":30,\"cvv\":\"" + cvv + "\"}}";
    }

    static String orderWithCardToken(String token) {
        return """
                {"items":[{"amount":2990,"description":"Chaveiro do Tesseract","quantity":1}],
                 "customer":{"name":"Tony Stark","email":"tony@stark.com"},
                 "payments":[{"payment_method":"credit_card","credit_card":{"installments":1,
                   "statement_descriptor":"AVENGERS","card_token":"%s"}}]}""".formatted(token);
    }

    Reply order(String key, String json) {
        var headers = new HashMap<String, String>();
        headers.put("Authorization", basic(key));
        headers.put("Content-Type", "application/json");
        headers.put("idempotency-key", UUID.randomUUID().toString());
        return cofre.send("POST", "/core/v5/orders", json, headers);
    }

    @Test
    void the_keys_are_shaped_like_the_vendors_and_kept_in_the_clear_for_merchants_list() {
        assertTrue(MP_PUBLIC_KEY.matcher(publicKey).matches(), publicKey);
        assertTrue(APP_ID.matcher(appId).matches(), appId);
        var keys = cofre.wiring().publishableKeys();
        assertEquals(List.of(publicKey), keys.keysOf(merchant.merchant().id(), Kind.MERCADO_PAGO).toJavaList());
        assertEquals(List.of(appId), keys.keysOf(merchant.merchant().id(), Kind.PAGARME).toJavaList());
    }

    @Test
    void a_public_key_creates_a_mercado_pago_card_token_that_the_access_token_reads_back() {
        Reply made = send("POST", "/v1/card_tokens?public_key=" + q(publicKey),
                MercadoPagoServerContract.rawCard("5555555555554444", "123"), null);
        assertEquals(201, made.status(), made.body());
        JsonNode token = made.json();
        assertTrue(token.get("id").asText().matches("[0-9a-f]{32}"), made.body());
        assertEquals("active", token.get("status").asText());
        assertEquals("4444", token.get("last_four_digits").asText());
        assertFalse(made.body().contains("5555555555554444"), "never the number");
        assertNull(made.header("Access-Control-Allow-Origin"), "no Origin, no CORS");

        Reply read = send("GET", "/v1/card_tokens/" + token.get("id").asText(), null, "Bearer " + accessToken);
        assertEquals(200, read.status(), read.body());
        assertEquals("active", read.json().get("status").asText());
    }

    @Test
    void an_app_id_token_is_spent_once_as_card_token_on_a_pagarme_order() {
        Reply made = send("POST", "/core/v5/tokens?appId=" + q(appId), pagarmeCard(VISA, "353"), null);
        assertEquals(200, made.status(), made.body());
        JsonNode token = made.json();
        assertTrue(token.get("id").asText().matches("token_[0-9a-f]{32}"), made.body());
        assertEquals("card", token.get("type").asText());
        assertTrue(token.get("created_at").asText().endsWith("Z"), made.body());
        assertTrue(token.get("expires_at").asText().compareTo(token.get("created_at").asText()) > 0, made.body());
        JsonNode card = token.get("card");
        assertEquals("400000", card.get("first_six_digits").asText());
        assertEquals("0010", card.get("last_four_digits").asText());
        assertEquals("Tony Stark", card.get("holder_name").asText());
        assertEquals(1, card.get("exp_month").asInt());
        assertEquals(2030, card.get("exp_year").asInt());
        assertEquals("Visa", card.get("brand").asText());
        assertFalse(made.body().contains(VISA) || made.body().contains("353\""), "never the number or the code");

        String id = token.get("id").asText();
        Reply otherMerchant = order(otherSecretKey, orderWithCardToken(id));
        assertEquals(404, otherMerchant.status(), "another merchant's token is not found: " + otherMerchant.body());

        Reply paid = order(secretKey, orderWithCardToken(id));
        assertEquals(200, paid.status(), paid.body());
        assertEquals("paid", paid.json().get("status").asText(), paid.body());
        JsonNode charged = paid.json().get("charges").get(0).get("last_transaction").get("card");
        assertEquals("0010", charged.get("last_four_digits").asText(), paid.body());

        Reply again = order(secretKey, orderWithCardToken(id));
        assertNotEquals(200, again.status(), "a card token is spent once: " + again.body());
    }

    @Test
    void bad_pagarme_token_requests_name_every_field_and_change_nothing() {
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());
        Reply r = send("POST", "/core/v5/tokens?appId=" + q(appId), """
                {"type":"bank","card":{"number":"4000000000000011","holder_name":"","exp_month":13,
                 "exp_year":"2030","cvv":"12"}}""", null);
        assertEquals(422, r.status(), r.body());
        JsonNode errors = r.json().get("errors");
        for (String field : List.of("type", "card.number", "card.holder_name", "card.exp_month", "card.exp_year",
                "card.cvv")) {
            assertTrue(errors.has(field), field + " in " + r.body());
        }
        assertFalse(r.body().contains("4000000000000011"), "the number is not echoed");
        Reply noCard = send("POST", "/core/v5/tokens?appId=" + q(appId), "{\"type\":\"card\"}", null);
        assertEquals(422, noCard.status(), noCard.body());
        assertTrue(noCard.json().get("errors").has("card"), noCard.body());
        Reply notJson = send("POST", "/core/v5/tokens?appId=" + q(appId), "{", null);
        assertEquals(400, notJson.status(), notJson.body());
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()));
    }

    /** Every route but card-token creation, in each dialect, with where a public key could be presented. */
    @Test
    void a_public_key_authenticates_nothing_but_card_token_creation() {
        String customer = "123456789-jxOV430go9fx2e";
        var mercadoPago = List.of(
                new String[] {"POST", "/v1/customers", "{\"email\":\"a@b.com\"}"},
                new String[] {"GET", "/v1/customers/" + customer, null},
                new String[] {"PUT", "/v1/customers/" + customer, "{\"first_name\":\"A\"}"},
                new String[] {"GET", "/v1/customers/search?email=a@b.com", null},
                new String[] {"POST", "/v1/customers/" + customer + "/cards", "{\"token\":\"x\"}"},
                new String[] {"GET", "/v1/customers/" + customer + "/cards", null},
                new String[] {"GET", "/v1/customers/" + customer + "/cards/1", null},
                new String[] {"DELETE", "/v1/customers/" + customer + "/cards/1", null},
                new String[] {"GET", "/v1/card_tokens/0123456789abcdef0123456789abcdef", null});
        for (String[] route : mercadoPago) {
            String sep = route[1].contains("?") ? "&" : "?";
            for (Reply r : List.of(send(route[0], route[1], route[2], "Bearer " + publicKey),
                    send(route[0], route[1] + sep + "public_key=" + q(publicKey), route[2], null))) {
                MercadoPagoServerContract.assertVendorError(r, 401);
                assertEquals("unauthorized", r.json().get("error").asText(), route[1] + ": " + r.body());
            }
        }
        var pagarme = List.of(
                new String[] {"POST", "/core/v5/orders", orderWithCardToken("token_x")},
                new String[] {"GET", "/core/v5/orders/or_x", null},
                new String[] {"GET", "/core/v5/charges/ch_x", null},
                new String[] {"POST", "/core/v5/charges/ch_x/capture", "{}"},
                new String[] {"DELETE", "/core/v5/charges/ch_x", null});
        for (String[] route : pagarme) {
            for (String key : List.of(appId, publicKey)) {
                for (Reply r : List.of(send(route[0], route[1], route[2], basic(key)),
                        send(route[0], route[1], route[2], "Bearer " + key),
                        send(route[0], route[1] + "?appId=" + q(key), route[2], null))) {
                    assertEquals(401, r.status(), route[1] + ": " + r.body());
                    assertEquals(PAGARME_UNAUTHORIZED, r.json().get("message").asText(), r.body());
                }
            }
        }
        // the vault and OAuth2: a public key is no bearer and no client secret
        Reply vault = send("GET", "/v1/Token/" + UUID.randomUUID(), null, "Bearer " + publicKey);
        assertEquals(401, vault.status(), vault.body());
        assertTrue(vault.json().isArray(), "the vault's error list: " + vault.body());
        Reply oauth = cofre.token(merchant.clientId(), publicKey);
        assertEquals(401, oauth.status(), oauth.body());
    }

    @Test
    void each_route_takes_only_its_own_kind_of_publishable_key_and_no_secret() {
        String card = MercadoPagoServerContract.rawCard("5555555555554444", "123");
        for (String wrong : List.of(appId, accessToken, secretKey, "APP_USR-" + UUID.randomUUID(), "")) {
            Reply r = send("POST", "/v1/card_tokens?public_key=" + q(wrong), card, null);
            MercadoPagoServerContract.assertVendorError(r, 401);
        }
        for (String wrong : List.of(publicKey, secretKey, accessToken, "pk_" + "x".repeat(24), "")) {
            Reply r = send("POST", "/core/v5/tokens?appId=" + q(wrong), pagarmeCard(VISA, "353"), null);
            assertEquals(401, r.status(), r.body());
            assertTrue(r.json().get("message").asText().contains("appId"), r.body());
        }
        Reply none = send("POST", "/core/v5/tokens", pagarmeCard(VISA, "353"), null);
        assertEquals(401, none.status(), none.body());
    }

    @Test
    void a_disabled_merchants_public_key_stops_working() {
        var other = cofre.merchant("Loja Fechada");
        String key = cofre.wiring().publishableKeys().issue(other.merchant().id(), Kind.MERCADO_PAGO);
        String card = MercadoPagoServerContract.rawCard("5555555555554444", "123");
        assertEquals(201, send("POST", "/v1/card_tokens?public_key=" + q(key), card, null).status());
        cofre.wiring().accounts().operate().disable(other.merchant().id());
        MercadoPagoServerContract.assertVendorError(send("POST", "/v1/card_tokens?public_key=" + q(key), card, null), 401);
    }

    String snapshotUrl() {
        return jdbcUrl() != null ? jdbcUrl() : "jdbc:sqlite:" + dataDir.resolve("cofre.db");
    }
}
