package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed 000's customers, saved cards and card tokens (the Mercado Pago dialect under /v1/customers
 * and /v1/card_tokens) end to end through real HTTP on the running server: the seed's flow and the
 * shapes of its response examples, authentication with the static access token and with OAuth2,
 * idempotency, isolation between two merchants, and a table of bad inputs answered in the vendor's
 * error format that change nothing. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class MercadoPagoServerContract {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    /** The vendor's dates: milliseconds and an offset ({@code 2017-05-05T09:22:30.893-04:00}). */
    static final Pattern VENDOR_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}[+-]\\d{2}:\\d{2}");
    static final Pattern CUSTOMER_ID = Pattern.compile("\\d{9}-[0-9A-Za-z]{14}");
    static final String MASTER = "5555555555554444";
    static final String AMEX = "375365153556885";
    static final String VISA = "4235647728025682";

    /** Every field of seed 000's customer response (the search example prints them all). */
    static final List<String> CUSTOMER_FIELDS = List.of("id", "email", "first_name", "last_name", "phone",
            "identification", "address", "addresses", "description", "date_created", "date_last_updated",
            "date_registered", "default_card", "default_address", "cards", "metadata", "live_mode");
    /** Every field of seed 000's card response. */
    static final List<String> CARD_FIELDS = List.of("id", "expiration_month", "expiration_year", "first_six_digits",
            "last_four_digits", "payment_method", "security_code", "issuer", "cardholder", "date_created",
            "date_last_updated", "customer_id", "user_id", "live_mode");

    Path dataDir;
    RunningCofre cofre;
    String accessToken;
    String otherAccessToken;
    RegisterMerchant.Registered merchant;
    String spentToken;
    String customerId;
    String savedCardId;

    abstract String jdbcUrl();

    abstract String schema();

    @BeforeAll
    void start() throws java.io.IOException {
        dataDir = Files.createTempDirectory("cofre-mercadopago");
        cofre = new RunningCofre(dataDir, jdbcUrl(), schema(), NOW, Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"));
        merchant = cofre.merchant("Loja do Zé");
        accessToken = cofre.wiring().accessTokens().issue(merchant.merchant().id());
        otherAccessToken = cofre.wiring().accessTokens().issue(cofre.merchant("Outra Loja").merchant().id());
        // What the bad inputs need to exist: a customer with a saved card, and a spent card token.
        customerId = created(mp("POST", "/v1/customers", "{\"email\":\"dup@test.com\"}")).get("id").asText();
        spentToken = cardToken(VISA, "123");
        savedCardId = created(mp("POST", "/v1/customers/" + customerId + "/cards", "{\"token\":\"" + spentToken + "\"}"))
                .get("id").asText();
    }

    @AfterAll
    void stop() {
        if (cofre != null) {
            cofre.close();
        }
        RunningCofre.deleteQuietly(dataDir);
    }

    Reply mp(String method, String path, String json) {
        return as(accessToken, method, path, json, UUID.randomUUID().toString());
    }

    Reply as(String bearer, String method, String path, String json, String idempotencyKey) {
        return send(cofre, bearer, method, path, json, idempotencyKey);
    }

    /** A request as the Mercado Pago clients send it: bearer, JSON body, {@code X-Idempotency-Key} (each when given). */
    static Reply send(RunningCofre cofre, String bearer, String method, String path, String json, String idempotencyKey) {
        var headers = new HashMap<String, String>();
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        if (idempotencyKey != null) {
            headers.put("X-Idempotency-Key", idempotencyKey);
        }
        return cofre.send(method, path, json, headers);
    }

    static JsonNode created(Reply r) {
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    static JsonNode ok(Reply r) {
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    String cardToken(String number, String cvv) {
        return created(mp("POST", "/v1/card_tokens", rawCard(number, cvv))).get("id").asText();
    }

    static String rawCard(String number, String cvv) {
        return "{\"card_number\":\"" + number + "\",\"expiration_month\":11,\"expiration_year\":2030,"
                + "\"security_code\":\"" + cvv + "\",\"cardholder\":{\"name\":\"APRO\","
                + "\"identification\":{\"type\":\"CPF\",\"number\":\"19119119100\"}}}";
    }

    static void assertVendorError(Reply r, int status) {
        assertEquals(status, r.status(), r.body());
        JsonNode body = r.json();
        assertTrue(body.get("message").isTextual(), r.body());
        assertTrue(body.get("error").isTextual(), r.body());
        assertEquals(status, body.get("status").asInt(), r.body());
        assertTrue(body.get("cause").isArray() && body.get("cause").size() > 0, r.body());
        for (JsonNode cause : body.get("cause")) {
            assertTrue(cause.get("code").isTextual() && cause.get("description").isTextual(), r.body());
        }
    }

    static void assertCustomerShape(JsonNode c) {
        for (String field : CUSTOMER_FIELDS) {
            assertTrue(c.has(field), field + " in " + c);
        }
        assertTrue(CUSTOMER_ID.matcher(c.get("id").asText()).matches(), c.get("id").asText());
        assertTrue(VENDOR_DATE.matcher(c.get("date_created").asText()).matches(), c.toString());
        assertTrue(VENDOR_DATE.matcher(c.get("date_last_updated").asText()).matches(), c.toString());
        assertTrue(c.get("phone").has("area_code") && c.get("phone").has("number"), c.toString());
        assertTrue(c.get("identification").has("type") && c.get("identification").has("number"), c.toString());
        assertTrue(c.get("address").has("zip_code") && c.get("address").has("street_name"), c.toString());
        assertTrue(c.get("addresses").isArray() && c.get("cards").isArray() && c.get("metadata").isObject());
        assertFalse(c.get("live_mode").asBoolean());
        c.get("cards").forEach(MercadoPagoServerContract::assertCardShape);
    }

    static void assertCardShape(JsonNode card) {
        for (String field : CARD_FIELDS) {
            assertTrue(card.has(field), field + " in " + card);
        }
        assertTrue(card.get("id").asText().matches("\\d{13}"), card.toString());
        assertTrue(card.get("expiration_month").isInt() && card.get("expiration_year").isInt(), card.toString());
        assertTrue(card.get("first_six_digits").asText().matches("\\d{6}"), card.toString());
        assertTrue(card.get("last_four_digits").asText().matches("\\d{4}"), card.toString());
        for (String f : List.of("id", "name", "payment_type_id", "thumbnail", "secure_thumbnail")) {
            assertTrue(card.get("payment_method").get(f).isTextual(), f + " in " + card);
        }
        assertTrue(card.get("security_code").get("length").isInt(), card.toString());
        assertTrue(card.get("issuer").has("id") && card.get("issuer").has("name"), card.toString());
        assertTrue(card.get("cardholder").get("identification").has("type"), card.toString());
        assertTrue(VENDOR_DATE.matcher(card.get("date_created").asText()).matches(), card.toString());
        assertTrue(card.get("user_id").asText().matches("\\d{9}"), card.toString());
        assertTrue(card.get("customer_id").asText().startsWith(card.get("user_id").asText() + "-"), card.toString());
        assertFalse(card.get("live_mode").asBoolean());
    }

    @Test
    void seed_000s_flow_works_through_real_http_in_the_seeds_shapes() {
        // Crie um cliente
        JsonNode customer = created(mp("POST", "/v1/customers", "{\"email\": \"test@test.com\"}"));
        assertCustomerShape(customer);
        assertEquals("test@test.com", customer.get("email").asText());
        assertTrue(customer.get("default_card").isNull() && customer.get("cards").isEmpty(), customer.toString());
        String id = customer.get("id").asText();

        // A card token from raw data: never the number nor the code
        Reply tokenReply = mp("POST", "/v1/card_tokens", rawCard(MASTER, "123"));
        JsonNode token = created(tokenReply);
        assertTrue(token.get("id").asText().matches("[0-9a-f]{32}"), token.toString());
        assertEquals("active", token.get("status").asText());
        assertEquals("555555", token.get("first_six_digits").asText());
        assertEquals("4444", token.get("last_four_digits").asText());
        assertEquals(16, token.get("card_number_length").asInt());
        assertEquals(3, token.get("security_code_length").asInt());
        assertEquals(11, token.get("expiration_month").asInt());
        assertEquals(2030, token.get("expiration_year").asInt());
        assertEquals("APRO", token.get("cardholder").get("name").asText());
        assertTrue(VENDOR_DATE.matcher(token.get("date_due").asText()).matches(), token.toString());
        assertFalse(tokenReply.body().contains(MASTER) || tokenReply.body().contains("\"123\""), tokenReply.body());

        // Adicione o cartão: {"token": ...}
        JsonNode card = created(mp("POST", "/v1/customers/" + id + "/cards",
                "{\"token\": \"" + token.get("id").asText() + "\"}"));
        assertCardShape(card);
        assertEquals("master", card.get("payment_method").get("id").asText());
        assertEquals("credit_card", card.get("payment_method").get("payment_type_id").asText());
        assertEquals("master", card.get("payment_method").get("name").asText());
        assertEquals("http://img.mlstatic.com/org-img/MP3/API/logos/master.gif",
                card.get("payment_method").get("thumbnail").asText());
        assertEquals("https://www.mercadopago.com/org-img/MP3/API/logos/master.gif",
                card.get("payment_method").get("secure_thumbnail").asText());
        assertEquals(3, card.get("issuer").get("id").asInt(), "seed 000's Mastercard issuer");
        assertEquals("Mastercard", card.get("issuer").get("name").asText());
        assertTrue(card.get("user_id").isTextual() && card.get("expiration_month").isInt(), card.toString());
        assertEquals(3, card.get("security_code").get("length").asInt());
        assertEquals("back", card.get("security_code").get("card_location").asText());
        assertEquals("CPF", card.get("cardholder").get("identification").get("type").asText());
        assertEquals(id, card.get("customer_id").asText());
        String cardId = card.get("id").asText();

        // The customer now shows its card, the default
        JsonNode withCard = ok(mp("GET", "/v1/customers/" + id, null));
        assertCustomerShape(withCard);
        assertEquals(cardId, withCard.get("default_card").asText());
        assertEquals(cardId, withCard.get("cards").get(0).get("id").asText());

        // Mostre os cartões guardados: a bare array
        JsonNode cards = ok(mp("GET", "/v1/customers/" + id + "/cards", null));
        assertTrue(cards.isArray() && cards.size() == 1, cards.toString());
        assertCardShape(cards.get(0));

        // Busque um cliente: paging and results
        JsonNode page = ok(mp("GET", "/v1/customers/search?email=test%40test.com", null));
        assertEquals(10, page.get("paging").get("limit").asInt());
        assertEquals(0, page.get("paging").get("offset").asInt());
        assertEquals(1, page.get("paging").get("total").asInt());
        assertEquals(id, page.get("results").get(0).get("id").asText());
        assertCustomerShape(page.get("results").get(0));

        // Capture o código de segurança: a card token from the saved card plus its CVV
        JsonNode again = created(mp("POST", "/v1/card_tokens",
                "{\"card_id\": \"" + cardId + "\", \"customer_id\": \"" + id + "\", \"security_code\": \"321\"}"));
        assertEquals(cardId, again.get("card_id").asText());
        assertEquals("4444", again.get("last_four_digits").asText());
        assertEquals(3, again.get("security_code_length").asInt());
        assertEquals("active", ok(mp("GET", "/v1/card_tokens/" + again.get("id").asText(), null)).get("status").asText());

        // PUT changes the fields sent
        JsonNode updated = ok(mp("PUT", "/v1/customers/" + id,
                "{\"first_name\": \"José\", \"phone\": {\"area_code\": \"11\", \"number\": \"987654321\"}}"));
        assertEquals("José", updated.get("first_name").asText());
        assertEquals("11", updated.get("phone").get("area_code").asText());
        assertEquals("test@test.com", updated.get("email").asText());

        // Get and delete the card; the default goes with it
        assertCardShape(ok(mp("GET", "/v1/customers/" + id + "/cards/" + cardId, null)));
        assertEquals(cardId, ok(mp("DELETE", "/v1/customers/" + id + "/cards/" + cardId, null)).get("id").asText());
        assertVendorError(mp("GET", "/v1/customers/" + id + "/cards/" + cardId, null), 404);
        JsonNode after = ok(mp("GET", "/v1/customers/" + id, null));
        assertTrue(after.get("default_card").isNull() && after.get("cards").isEmpty(), after.toString());
    }

    @Test
    void an_amex_card_shows_a_four_digit_code_on_the_front_and_put_moves_the_default_card() {
        String id = created(mp("POST", "/v1/customers", "{\"email\":\"amex@test.com\",\"first_name\":\"Ana\","
                + "\"identification\":{\"type\":\"CPF\",\"number\":\"12345678909\"},"
                + "\"address\":{\"zip_code\":\"01310-100\",\"street_name\":\"Av. Paulista\",\"street_number\":1000},"
                + "\"metadata\":{\"origem\":\"site\"},\"date_registered\":\"2017-05-05T09:22:30.893-04:00\"}"))
                .get("id").asText();
        JsonNode amex = created(mp("POST", "/v1/customers/" + id + "/cards",
                "{\"token\":\"" + cardToken(AMEX, "1234") + "\"}"));
        assertEquals("amex", amex.get("payment_method").get("id").asText());
        assertEquals(4, amex.get("security_code").get("length").asInt());
        assertEquals("front", amex.get("security_code").get("card_location").asText());
        JsonNode visa = created(mp("POST", "/v1/customers/" + id + "/cards",
                "{\"token\":\"" + cardToken(VISA, "123") + "\"}"));

        JsonNode customer = ok(mp("GET", "/v1/customers/" + id, null));
        assertEquals(amex.get("id").asText(), customer.get("default_card").asText(), "the first card is the default");
        assertEquals("Av. Paulista", customer.get("address").get("street_name").asText());
        assertEquals(1000, customer.get("address").get("street_number").asInt());
        assertEquals("site", customer.get("metadata").get("origem").asText());
        assertTrue(VENDOR_DATE.matcher(customer.get("date_registered").asText()).matches(), customer.toString());

        JsonNode moved = ok(mp("PUT", "/v1/customers/" + id, "{\"default_card\":\"" + visa.get("id").asText() + "\"}"));
        assertEquals(visa.get("id").asText(), moved.get("default_card").asText());

        // The same card saved again answers the card already saved
        JsonNode same = created(mp("POST", "/v1/customers/" + id + "/cards",
                "{\"token\":\"" + cardToken(VISA, "999") + "\"}"));
        assertEquals(visa.get("id").asText(), same.get("id").asText());
        assertEquals(2, ok(mp("GET", "/v1/customers/" + id + "/cards", null)).size());
    }

    @Test
    void a_retried_write_with_the_same_idempotency_key_answers_the_first_result() {
        String key = UUID.randomUUID().toString();
        JsonNode first = created(as(accessToken, "POST", "/v1/customers", "{\"email\":\"retry@test.com\"}", key));
        JsonNode second = created(as(accessToken, "POST", "/v1/customers", "{\"email\":\"retry@test.com\"}", key));
        assertEquals(first.get("id").asText(), second.get("id").asText());

        Reply other = as(accessToken, "POST", "/v1/customers", "{\"email\":\"other@test.com\"}", key);
        assertVendorError(other, 400);
        assertEquals("765", other.json().get("cause").get(0).get("code").asText(), other.body());

        String token = cardToken(MASTER, "123");
        String cardKey = UUID.randomUUID().toString();
        String path = "/v1/customers/" + first.get("id").asText() + "/cards";
        JsonNode card = created(as(accessToken, "POST", path, "{\"token\":\"" + token + "\"}", cardKey));
        JsonNode replay = created(as(accessToken, "POST", path, "{\"token\":\"" + token + "\"}", cardKey));
        assertEquals(card.get("id").asText(), replay.get("id").asText(), "the spent token's card, replayed");

        String customerPath = "/v1/customers/" + first.get("id").asText();
        String putKey = UUID.randomUUID().toString();
        Reply put = as(accessToken, "PUT", customerPath, "{\"first_name\":\"Ana\"}", putKey);
        assertEquals(200, put.status(), put.body());
        assertEquals(put.body(), as(accessToken, "PUT", customerPath, "{\"first_name\":\"Ana\"}", putKey).body());
        assertEquals("765", as(accessToken, "PUT", customerPath, "{\"first_name\":\"Bia\"}", putKey).json()
                .get("cause").get(0).get("code").asText());

        String tokenKey = UUID.randomUUID().toString();
        Reply madeToken = as(accessToken, "POST", "/v1/card_tokens", rawCard(VISA, "123"), tokenKey);
        assertEquals(201, madeToken.status(), madeToken.body());
        assertEquals(madeToken.body(), as(accessToken, "POST", "/v1/card_tokens", rawCard(VISA, "123"), tokenKey).body());

        // DELETE: the retry under the same key answers the first answer, byte for byte, though the card is gone
        String cardPath = path + "/" + card.get("id").asText();
        String deleteKey = UUID.randomUUID().toString();
        Reply deleted = as(accessToken, "DELETE", cardPath, null, deleteKey);
        assertEquals(200, deleted.status(), deleted.body());
        assertEquals(card.get("id").asText(), deleted.json().get("id").asText());
        String afterDelete = DatabaseSnapshot.of(snapshotUrl(), schema());
        Reply retried = as(accessToken, "DELETE", cardPath, null, deleteKey);
        assertEquals(200, retried.status(), retried.body());
        assertEquals(deleted.body(), retried.body());
        assertEquals(afterDelete, DatabaseSnapshot.of(snapshotUrl(), schema()), "the retry changed nothing");
        assertVendorError(as(accessToken, "DELETE", cardPath, null, UUID.randomUUID().toString()), 404);
        assertVendorError(as(accessToken, "DELETE", cardPath, null, null), 404);
        Reply reused = as(accessToken, "DELETE", path + "/" + savedCardId, null, deleteKey);
        assertVendorError(reused, 400);
        assertEquals("765", reused.json().get("cause").get(0).get("code").asText(), reused.body());
        assertEquals(200, ok(mp("GET", "/v1/customers/" + customerId + "/cards/" + savedCardId, null)).isObject()
                ? 200 : 0, "the other card is still there");
    }

    @Test
    void customer_writes_are_audited_with_ids_and_error_codes_and_nothing_a_caller_sent() throws Exception {
        var owner = merchant.merchant().id();
        int before = cofre.wiring().auditTrail().of(owner).size();
        String email = "audited-" + UUID.randomUUID() + "@test.com";
        String id = created(mp("POST", "/v1/customers", "{\"email\":\"" + email + "\"}")).get("id").asText();
        ok(mp("PUT", "/v1/customers/" + id, "{\"first_name\":\"Auditada\"}"));
        String token = cardToken(AMEX, "7391");
        String card = created(mp("POST", "/v1/customers/" + id + "/cards", "{\"token\":\"" + token + "\"}"))
                .get("id").asText();
        ok(mp("DELETE", "/v1/customers/" + id + "/cards/" + card, null));
        // refused: a path id that is a card number, a spent token, a bad e-mail
        assertVendorError(mp("POST", "/v1/customers/" + VISA + "/cards", "{\"token\":\"" + token + "\"}"), 404);
        assertVendorError(mp("POST", "/v1/customers/" + id + "/cards", "{\"token\":\"" + token + "\"}"), 400);
        assertVendorError(mp("POST", "/v1/customers", "{\"email\":\"" + VISA + "\"}"), 400);

        var events = cofre.wiring().auditTrail().of(owner).drop(before);
        var lines = events.map(e -> e.action() + " " + e.subject().getOrElse("-") + " " + e.outcome() + " "
                + e.detail()).toJavaList();
        assertEquals(List.of(
                "customer.create " + id + " SUCCEEDED ",
                "customer.update " + id + " SUCCEEDED ",
                "card-token.create " + token + " SUCCEEDED ",
                "card-token.spend " + token + " SUCCEEDED ",
                "customer.add-card " + id + "/cards/" + card + " SUCCEEDED ",
                "customer.delete-card " + id + "/cards/" + card + " SUCCEEDED ",
                "customer.add-card - REFUSED 870",
                "customer.add-card " + id + " REFUSED 851",
                "customer.create - REFUSED 799"), lines);

        // The rows themselves, every column: no card number, security code, e-mail or raw path
        try (var c = java.sql.DriverManager.getConnection(snapshotUrl())) {
            if (schema() != null) {
                c.setSchema(schema());
            }
            var rows = new StringBuilder();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM audit_events")) {
                while (rs.next()) {
                    for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                        rows.append(rs.getString(i)).append('|');
                    }
                    rows.append('\n');
                }
            }
            for (String secret : List.of(AMEX, VISA, MASTER, email)) {
                assertFalse(rows.toString().contains(secret), secret + " in the audit trail");
            }
        }
    }

    @Test
    void authentication_is_the_static_access_token_or_an_oauth2_bearer_and_nothing_else() {
        assertVendorError(as(null, "GET", "/v1/customers/" + customerId, null, null), 401);
        assertVendorError(as("APP_USR-nope", "GET", "/v1/customers/" + customerId, null, null), 401);
        assertVendorError(as("garbage", "POST", "/v1/card_tokens", rawCard(VISA, "123"), null), 401);
        String secretKey = cofre.wiring().secretKeys().issue(merchant.merchant().id());
        assertVendorError(as(secretKey, "GET", "/v1/customers/" + customerId, null, null), 401);
        assertEquals(customerId, ok(as(cofre.bearer(merchant), "GET", "/v1/customers/" + customerId, null, null))
                .get("id").asText());
        assertVendorError(as(cofre.bearer(merchant), "GET", "/v1/customers/" + customerId + "/nothing/here", null, null),
                404);
        assertVendorError(as(null, "GET", "/v1/card_tokens/x/y", null, null), 404);
    }

    @Test
    void another_merchants_customers_cards_and_card_tokens_are_not_found() throws Exception {
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());
        String token = cardToken(MASTER, "123");
        String other = otherAccessToken;
        String base = "/v1/customers/" + customerId;
        assertVendorError(as(other, "GET", base, null, null), 404);
        assertVendorError(as(other, "PUT", base, "{\"first_name\":\"X\"}", null), 404);
        assertVendorError(as(other, "GET", base + "/cards", null, null), 404);
        assertVendorError(as(other, "GET", base + "/cards/" + savedCardId, null, null), 404);
        assertVendorError(as(other, "DELETE", base + "/cards/" + savedCardId, null, null), 404);
        assertVendorError(as(other, "POST", base + "/cards", "{\"token\":\"" + token + "\"}", null), 404);
        assertVendorError(as(other, "POST", "/v1/card_tokens",
                "{\"card_id\":\"" + savedCardId + "\",\"security_code\":\"123\"}", null), 404);
        assertVendorError(as(other, "GET", "/v1/card_tokens/" + token, null, null), 404);
        assertEquals(0, ok(as(other, "GET", "/v1/customers/search?email=dup%40test.com", null, null))
                .get("paging").get("total").asInt());
        // the other merchant's token cannot be spent by this merchant's card either
        String otherToken = created(as(other, "POST", "/v1/card_tokens", rawCard(VISA, "123"), null)).get("id").asText();
        assertVendorError(mp("POST", base + "/cards", "{\"token\":\"" + otherToken + "\"}"), 404);
        assertEquals(1, ok(mp("GET", base + "/cards", null)).size(), "nothing was added or removed");
        assertNotEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "the card tokens made here were stored");
    }

    @Test
    void the_openapi_document_lists_every_route_of_the_dialect() {
        JsonNode paths = cofre.send("GET", "/openapi.json", null, Map.of()).json().get("paths");
        for (String path : List.of("/v1/customers", "/v1/customers/search", "/v1/customers/{id}",
                "/v1/customers/{id}/cards", "/v1/customers/{id}/cards/{card_id}", "/v1/card_tokens",
                "/v1/card_tokens/{id}")) {
            assertTrue(paths.has(path), path);
        }
    }

    record Bad(String name, int status, String method, String path, String body, List<String> causes) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> badInputs() {
        String c = "/v1/customers";
        String cus = c + "/" + customerId;
        return Stream.of(
                new Bad("a bad email", 400, "POST", c, "{\"email\":\"not-an-email\"}", List.of("email")),
                new Bad("a duplicate email", 400, "POST", c, "{\"email\":\"DUP@test.com\"}", List.of("871")),
                new Bad("no email", 400, "POST", c, "{\"first_name\":\"Ana\"}", List.of("email")),
                new Bad("an email as a number", 400, "POST", c, "{\"email\":5}", List.of("email")),
                new Bad("an over-long first name", 400, "POST", c,
                        "{\"email\":\"a@b.com\",\"first_name\":\"" + "a".repeat(101) + "\"}", List.of("first_name")),
                new Bad("a first name as a number", 400, "POST", c, "{\"email\":\"a@b.com\",\"first_name\":7}",
                        List.of("first_name")),
                new Bad("a phone area code with letters", 400, "POST", c,
                        "{\"email\":\"a@b.com\",\"phone\":{\"area_code\":\"ab\",\"number\":\"1234\"}}",
                        List.of("phone.area_code")),
                new Bad("an identification type without its number", 400, "POST", c,
                        "{\"email\":\"a@b.com\",\"identification\":{\"type\":\"CPF\"}}", List.of("identification.number")),
                new Bad("a street number as a string", 400, "POST", c,
                        "{\"email\":\"a@b.com\",\"address\":{\"street_number\":\"12\"}}", List.of("address.street_number")),
                new Bad("a metadata value that is an object", 400, "POST", c,
                        "{\"email\":\"a@b.com\",\"metadata\":{\"k\":{}}}", List.of("metadata.k")),
                new Bad("a card number in the description", 400, "POST", c,
                        "{\"email\":\"a@b.com\",\"description\":\"card " + VISA + "\"}", List.of("description")),
                new Bad("every invalid field at once", 400, "POST", c,
                        "{\"email\":\"x\",\"first_name\":\"" + "a".repeat(101) + "\",\"phone\":{\"number\":\"abc\"}}",
                        List.of("email", "first_name", "phone.number")),
                new Bad("a wrong type beside invalid values", 400, "POST", c,
                        "{\"email\":5,\"first_name\":\"" + "a".repeat(101) + "\"}", List.of("email", "first_name")),
                new Bad("a date without an offset", 400, "POST", c,
                        "{\"email\":\"a@b.com\",\"date_registered\":\"2017-05-05T09:22:30\"}", List.of("date_registered")),
                new Bad("malformed JSON", 400, "POST", c, "{\"email\": ", List.of("790")),
                new Bad("a JSON array", 400, "POST", c, "[1,2]", List.of("body")),
                new Bad("a limit out of range", 400, "GET", c + "/search?email=a%40b.com&limit=1000", null, List.of("limit")),
                new Bad("a negative offset", 400, "GET", c + "/search?email=a%40b.com&offset=-1", null, List.of("offset")),
                new Bad("a limit that is not a number", 400, "GET", c + "/search?limit=ten", null, List.of("limit")),
                new Bad("a card number failing its check digit", 400, "POST", "/v1/card_tokens",
                        rawCard("4235647728025683", "123"), List.of("card_number")),
                new Bad("a card number as a JSON number", 400, "POST", "/v1/card_tokens",
                        rawCard(VISA, "123").replace("\"" + VISA + "\"", VISA), List.of("card_number")),
                new Bad("month 13", 400, "POST", "/v1/card_tokens",
                        rawCard(VISA, "123").replace("\"expiration_month\":11", "\"expiration_month\":13"),
                        List.of("expiration_month")),
                new Bad("a month as a string", 400, "POST", "/v1/card_tokens",
                        rawCard(VISA, "123").replace("\"expiration_month\":11", "\"expiration_month\":\"11\""),
                        List.of("expiration_month")),
                new Bad("a wrong type beside invalid card fields", 400, "POST", "/v1/card_tokens",
                        "{\"card_number\":\"4235647728025683\",\"expiration_month\":13,\"expiration_year\":\"2030\","
                                + "\"security_code\":\"12\",\"cardholder\":{\"name\":\"APRO\"}}",
                        List.of("expiration_year", "card_number", "expiration_month", "security_code")),
                new Bad("an expired card", 400, "POST", "/v1/card_tokens",
                        rawCard(VISA, "123").replace("2030", "2020"), List.of("expiration_year")),
                new Bad("a three-digit code for an Amex", 400, "POST", "/v1/card_tokens", rawCard(AMEX, "123"),
                        List.of("security_code")),
                new Bad("no security code", 400, "POST", "/v1/card_tokens",
                        rawCard(VISA, "123").replace(",\"security_code\":\"123\"", ""), List.of("security_code")),
                new Bad("a saved card with a card number", 400, "POST", "/v1/card_tokens",
                        "{\"card_id\":\"" + savedCardId + "\",\"card_number\":\"" + VISA + "\",\"security_code\":\"123\"}",
                        List.of("card_number")),
                new Bad("an unknown saved card", 404, "POST", "/v1/card_tokens",
                        "{\"card_id\":\"1234567890123\",\"security_code\":\"123\"}", List.of("872")),
                new Bad("an unknown card token", 404, "POST", cus + "/cards",
                        "{\"token\":\"0123456789abcdef0123456789abcdef\"}", List.of("850")),
                new Bad("a spent card token", 400, "POST", cus + "/cards", "{\"token\":\"" + spentToken + "\"}",
                        List.of("851")),
                new Bad("a card token as a number", 400, "POST", cus + "/cards", "{\"token\":12}", List.of("token")),
                new Bad("a default card that is not the customer's", 400, "PUT", cus,
                        "{\"default_card\":\"1234567890123\"}", List.of("default_card")),
                new Bad("an unknown customer", 404, "PUT", c + "/123456789-aaaaaaaaaaaaaa", "{\"first_name\":\"X\"}",
                        List.of("870")),
                new Bad("an unknown path under the customers", 404, "GET", cus + "/cards/" + savedCardId + "/x", null,
                        List.of("795"))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void a_bad_request_is_refused_in_the_vendors_format_naming_each_field_and_changes_nothing(Bad bad) {
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply r = mp(bad.method(), bad.path(), bad.body());

        assertVendorError(r, bad.status());
        String causes = r.json().get("cause").toString();
        for (String expected : bad.causes()) {
            assertTrue(causes.contains(expected), expected + " in " + r.body());
        }
        assertEquals(bad.causes().size() > 1 ? bad.causes().size() : r.json().get("cause").size(),
                r.json().get("cause").size(), r.body());
        assertFalse(r.body().contains(VISA) || r.body().contains(AMEX), "no card number: " + r.body());
        assertFalse(r.body().contains("Exception"), "no stack trace");
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    String snapshotUrl() {
        return jdbcUrl() != null ? jdbcUrl() : "jdbc:sqlite:" + dataDir.resolve("cofre.db");
    }
}
