package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
 * Seed 004's acquirer API (Cielo E-commerce 3.0 under /1) end to end through real HTTP on the running server
 * and the simulator acquirer: seed 004's sale replayed as printed, the sale that saves the card (only when
 * authorized) and the CardToken that is the vault's token and the JustClickKey, capture and void with money
 * conserved, RequestId idempotency, the sandbox test cards, merchant isolation, and bad inputs that change
 * nothing. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class CieloServerContract {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    /** Seed 004's "Salvando um cartão" request, as printed. */
    static final String SEED_SALE = """
            {
               "MerchantOrderId":"010101",
               "Customer":{
                  "Name":"Comprador Fulano de tal"
               },
               "Payment":{
                 "Type":"CreditCard",
                 "Amount":100,
                 "Provider":"Cielo",
                 "Installments":1,
                 "CreditCard":{
                     "CardNumber":"1234123412341231",
                     "Holder":"Teste Holder",
                     "ExpirationDate":"03/2019",
                     "SecurityCode":"262",
                     "SaveCard":"true",
                     "Brand":"Visa"
                 }
               }
            }""";

    /** The same sale with a card that passes its check digit and has not expired. */
    static final String SALE = SEED_SALE.replace("1234123412341231", "4551870000000183").replace("03/2019", "03/2030");

    Path dataDir;
    RunningCofre cofre;
    RegisterMerchant.Registered merchant;
    RegisterMerchant.Registered other;

    abstract String jdbcUrl();

    abstract String schema();

    @BeforeAll
    void start() throws java.io.IOException {
        dataDir = Files.createTempDirectory("cofre-cielo");
        cofre = new RunningCofre(dataDir, jdbcUrl(), schema(), NOW, Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"));
        merchant = cofre.merchant("Loja Cielo");
        other = cofre.merchant("Outra Loja");
    }

    @AfterAll
    void stop() {
        if (cofre != null) {
            cofre.close();
        }
        RunningCofre.deleteQuietly(dataDir);
    }

    Reply call(RegisterMerchant.Registered who, String method, String path, String json, String requestId) {
        var headers = new HashMap<String, String>();
        headers.put("MerchantId", who.merchant().id().toString());
        headers.put("MerchantKey", who.merchantKey());
        headers.put("Content-Type", "application/json");
        if (requestId != null) {
            headers.put("RequestId", requestId);
        }
        return cofre.send(method, path, json, headers);
    }

    Reply sale(String json) {
        return call(merchant, "POST", "/1/sales/", json, null);
    }

    static String with(String json, UnaryOperator<ObjectNode> change) {
        try {
            return RunningCofre.JSON.writeValueAsString(change.apply((ObjectNode) RunningCofre.JSON.readTree(json)));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static ObjectNode payment(ObjectNode sale) {
        return (ObjectNode) sale.get("Payment");
    }

    static ObjectNode card(ObjectNode sale) {
        return (ObjectNode) payment(sale).get("CreditCard");
    }

    static String withCard(String number) {
        return with(SALE, s -> { card(s).put("CardNumber", number); return s; });
    }

    long count(String table) {
        try (var c = DriverManager.getConnection(snapshotUrl())) {
            if (schema() != null) {
                c.setSchema(schema());
            }
            try (var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    String snapshotUrl() {
        return jdbcUrl() != null ? jdbcUrl() : "jdbc:sqlite:" + dataDir.resolve("cofre.db");
    }

    @Test
    void seed_004s_sale_as_printed_is_refused_for_its_card_number_and_changes_nothing() {
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply r = sale(SEED_SALE);

        assertEquals(400, r.status(), r.body());
        assertEquals(213, r.json().get(0).get("Code").asInt(), r.body());
        assertTrue(r.json().get(0).get("Message").asText().startsWith("Credit Card Number is invalid"), r.body());
        assertFalse(r.body().contains("1234123412341231") || r.body().contains("262"), "no card data");
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    @Test
    void seed_004s_sale_with_a_valid_card_saves_it_and_its_CardToken_is_the_vault_token_and_the_JustClickKey() {
        long tokens = count("tokens");

        Reply r = sale(SALE);

        assertEquals(201, r.status(), r.body());
        JsonNode p = r.json().get("Payment");
        assertEquals("010101", r.json().get("MerchantOrderId").asText());
        assertEquals("Comprador Fulano de tal", r.json().at("/Customer/Name").asText());
        assertEquals(1, p.get("Status").asInt(), "authorized, Capture false by default");
        assertEquals(100, p.get("Amount").asLong());
        assertEquals("00", p.get("ReturnCode").asText());
        assertFalse(p.get("Tid").asText().isEmpty());
        assertFalse(p.get("ProofOfSale").asText().isEmpty());
        assertFalse(p.get("AuthorizationCode").asText().isEmpty());
        assertEquals(UUID.fromString(p.get("PaymentId").asText()).toString(), p.get("PaymentId").asText());
        assertEquals("455187******0183", p.at("/CreditCard/CardNumber").asText());
        assertEquals("03/2030", p.at("/CreditCard/ExpirationDate").asText());
        assertTrue(p.at("/CreditCard/SaveCard").asBoolean());
        String cardToken = p.at("/CreditCard/CardToken").asText();
        assertEquals(tokens + 1, count("tokens"), "the card was saved once");
        assertTrue(p.get("Links").toString().contains("/1/sales/" + p.get("PaymentId").asText() + "/capture"));

        // the CardToken is the JustClickKey ...
        Reply masked = cofre.justClick("GetMaskedCreditCard", "{\"MerchantKey\":\"" + merchant.merchantKey()
                + "\",\"JustClickKey\":\"" + cardToken + "\"}");
        assertEquals("455187******0183", masked.json().get("MaskedCardNumber").asText(), masked.body());
        // ... and the vault's TokenReference
        Reply token = cofre.vault("GET", "/v1/Token/" + cardToken, cofre.bearer(merchant), null);
        assertEquals(200, token.status(), token.body());
        // and the sale reads back the same, CardToken included
        Reply got = call(merchant, "GET", "/1/sales/" + p.get("PaymentId").asText(), null, null);
        assertEquals(200, got.status(), got.body());
        assertEquals(cardToken, got.json().at("/Payment/CreditCard/CardToken").asText());
        assertEquals(1, got.json().at("/Payment/Status").asInt());
    }

    @Test
    void a_sale_by_CardToken_charges_the_saved_card_and_a_JustClickKey_works_as_a_CardToken() {
        String saved = sale(SALE).json().at("/Payment/CreditCard/CardToken").asText();
        String byToken = "{\"MerchantOrderId\":\"2\",\"Payment\":{\"Type\":\"CreditCard\",\"Amount\":2500,"
                + "\"Capture\":true,\"Installments\":2,\"CreditCard\":{\"CardToken\":\"%s\",\"SecurityCode\":\"123\","
                + "\"Brand\":\"Visa\"}}}";

        Reply r = sale(byToken.formatted(saved));

        assertEquals(201, r.status(), r.body());
        assertEquals(2, r.json().at("/Payment/Status").asInt(), "captured at once");
        assertEquals(2500, r.json().at("/Payment/CapturedAmount").asLong());
        assertEquals(saved, r.json().at("/Payment/CreditCard/CardToken").asText());
        assertEquals("455187******0183", r.json().at("/Payment/CreditCard/CardNumber").asText());

        // the reverse: a card saved by JustClick SaveCreditCard is paid for by its JustClickKey
        Reply jc = cofre.justClick("SaveCreditCard", "{\"MerchantKey\":\"" + merchant.merchantKey()
                + "\",\"RequestId\":\"" + UUID.randomUUID() + "\",\"CustomerName\":\"C\",\"CardHolder\":\"H\","
                + "\"CardNumber\":\"5555555555554444\",\"CardExpiration\":\"05/2031\"}");
        String justClickKey = jc.json().get("JustClickKey").asText();
        Reply paid = sale(byToken.formatted(justClickKey).replace("Visa", "Master"));
        assertEquals(201, paid.status(), paid.body());
        assertEquals("555555******4444", paid.json().at("/Payment/CreditCard/CardNumber").asText());
        assertEquals(justClickKey, paid.json().at("/Payment/CreditCard/CardToken").asText());
    }

    @Test
    void a_declined_sale_saves_no_card() {
        long tokens = count("tokens");
        long charges = count("charges");

        Reply declined = sale(withCard("4000000000000028"));
        Reply sandboxDeclined = sale(withCard("4024007100000032"));

        assertEquals(201, declined.status(), declined.body());
        assertEquals(3, declined.json().at("/Payment/Status").asInt());
        assertEquals("05", declined.json().at("/Payment/ReturnCode").asText());
        assertTrue(declined.json().at("/Payment/CreditCard/CardToken").isMissingNode(), declined.body());
        assertFalse(declined.json().at("/Payment/CreditCard/SaveCard").asBoolean());
        assertEquals(3, sandboxDeclined.json().at("/Payment/Status").asInt());
        assertEquals(tokens, count("tokens"), "no card saved");
        assertEquals(charges + 2, count("charges"), "both declines are recorded");
    }

    @Test
    void the_sandbox_cards_last_digit_decides_the_answer_with_the_vendors_return_codes() {
        var expected = Map.of("4024007100000040", "1/4", "4024007100000081", "1/4", "4024007100000024", "1/4",
                "4024007100000032", "3/05", "4024007100000073", "3/57", "4024007100000065", "3/78",
                "4024007100000016", "3/99", "4024007100000057", "3/77", "4024007100000008", "3/70");
        expected.forEach((number, outcome) -> {
            Reply r = sale(with(withCard(number), s -> { card(s).put("SaveCard", false); return s; }));
            assertEquals(201, r.status(), r.body());
            JsonNode p = r.json().get("Payment");
            assertEquals(outcome, p.get("Status").asInt() + "/" + p.get("ReturnCode").asText(), number);
        });
        Reply captured = sale(with(withCard("4024007100000081"), s -> { payment(s).put("Capture", true); return s; }));
        assertEquals("2/6", captured.json().at("/Payment/Status").asInt() + "/"
                + captured.json().at("/Payment/ReturnCode").asText());
        // a card outside the sandbox range keeps the simulator's own table: 4551870000000183 ends in 3 and is approved
        assertEquals(1, sale(withCard("4551870000000183")).json().at("/Payment/Status").asInt());
    }

    @Test
    void a_retried_RequestId_answers_the_first_sale_and_never_charges_or_saves_twice() {
        String requestId = UUID.randomUUID().toString();
        long charges = count("charges");
        long tokens = count("tokens");

        Reply first = call(merchant, "POST", "/1/sales", SALE, requestId);
        Reply again = call(merchant, "POST", "/1/sales/", SALE, requestId);
        Reply otherSale = call(merchant, "POST", "/1/sales/", with(SALE, s -> { payment(s).put("Amount", 999); return s; }),
                requestId);

        assertEquals(201, first.status(), first.body());
        assertEquals(201, again.status(), again.body());
        assertEquals(first.json().at("/Payment/PaymentId"), again.json().at("/Payment/PaymentId"));
        assertEquals(first.json().at("/Payment/CreditCard/CardToken"), again.json().at("/Payment/CreditCard/CardToken"));
        assertEquals(first.json().at("/Payment/Tid"), again.json().at("/Payment/Tid"));
        assertEquals(charges + 1, count("charges"), "one charge");
        assertEquals(tokens + 1, count("tokens"), "one saved card");
        assertEquals(409, otherSale.status(), otherSale.body());
        assertTrue(otherSale.json().isArray() && otherSale.json().get(0).has("Code"), otherSale.body());
    }

    @Test
    void capture_and_void_conserve_money_a_void_before_capture_and_a_refund_after() {
        String paymentId = sale(with(SALE, s -> { payment(s).put("Amount", 1500); return s; }))
                .json().at("/Payment/PaymentId").asText();
        String path = "/1/sales/" + paymentId;

        Reply tooMuch = call(merchant, "PUT", path + "/capture?amount=1501", null, null);
        assertEquals(400, tooMuch.status(), tooMuch.body());
        assertEquals(308, tooMuch.json().get(0).get("Code").asInt());

        Reply captured = call(merchant, "PUT", path + "/capture?amount=1000", "{}", null);
        assertEquals(200, captured.status(), captured.body());
        assertEquals(2, captured.json().get("Status").asInt());
        assertEquals(0, captured.json().get("ReasonCode").asInt());

        Reply refunded = call(merchant, "PUT", path + "/void?amount=400", null, null);
        assertEquals(200, refunded.status(), refunded.body());
        assertEquals(2, refunded.json().get("Status").asInt(), "partially refunded: still confirmed");
        Reply tooMuchBack = call(merchant, "PUT", path + "/void?amount=601", null, null);
        assertEquals(400, tooMuchBack.status(), tooMuchBack.body());
        assertEquals(309, tooMuchBack.json().get(0).get("Code").asInt());

        JsonNode p = call(merchant, "GET", path, null, null).json().get("Payment");
        assertEquals(1500, p.get("Amount").asLong());
        assertEquals(1000, p.get("CapturedAmount").asLong());
        assertEquals(400, p.get("VoidedAmount").asLong());

        Reply rest = call(merchant, "PUT", path + "/void", null, null);
        assertEquals(11, rest.json().get("Status").asInt(), rest.body());
        p = call(merchant, "GET", path, null, null).json().get("Payment");
        assertEquals(1000, p.get("VoidedAmount").asLong(), "everything captured came back, no more");

        String authorized = sale(SALE).json().at("/Payment/PaymentId").asText();
        Reply voided = call(merchant, "PUT", "/1/sales/" + authorized + "/void", null, null);
        assertEquals(10, voided.json().get("Status").asInt(), voided.body());
        Reply late = call(merchant, "PUT", "/1/sales/" + authorized + "/capture", null, null);
        assertEquals(400, late.status(), late.body());
        assertEquals(308, late.json().get(0).get("Code").asInt());
        assertEquals(100, call(merchant, "GET", "/1/sales/" + authorized, null, null).json()
                .at("/Payment/VoidedAmount").asLong());
    }

    @Test
    void another_merchants_sale_and_card_are_not_found() {
        JsonNode p = sale(SALE).json().get("Payment");
        String path = "/1/sales/" + p.get("PaymentId").asText();
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply get = call(other, "GET", path, null, null);
        Reply capture = call(other, "PUT", path + "/capture", null, null);
        Reply voided = call(other, "PUT", path + "/void", null, null);
        Reply byToken = call(other, "POST", "/1/sales/", "{\"MerchantOrderId\":\"x\",\"Payment\":{\"Type\":\"CreditCard\","
                + "\"Amount\":100,\"CreditCard\":{\"CardToken\":\"" + p.at("/CreditCard/CardToken").asText()
                + "\",\"Brand\":\"Visa\"}}}", null);
        Reply unknown = call(merchant, "GET", "/1/sales/" + UUID.randomUUID(), null, null);

        for (Reply r : List.of(get, capture, voided)) {
            assertEquals(404, r.status(), r.body());
            assertEquals(307, r.json().get(0).get("Code").asInt());
        }
        assertEquals(404, byToken.status(), byToken.body());
        assertEquals(130, byToken.json().get(0).get("Code").asInt());
        assertEquals(404, unknown.status(), unknown.body());
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    @Test
    void the_MerchantId_and_MerchantKey_are_checked_together_and_an_unknown_path_answers_in_the_vendors_format() {
        Reply none = cofre.send("POST", "/1/sales/", SALE, Map.of("Content-Type", "application/json"));
        assertEquals(401, none.status(), none.body());
        assertEquals(List.of(101, 131), codes(none));
        Reply wrongId = cofre.send("GET", "/1/sales/" + UUID.randomUUID(), null, Map.of("MerchantId",
                other.merchant().id().toString(), "MerchantKey", merchant.merchantKey()));
        assertEquals(List.of(115), codes(wrongId));
        Reply wrongKey = cofre.send("GET", "/1/sales/" + UUID.randomUUID(), null, Map.of("MerchantId",
                merchant.merchant().id().toString(), "MerchantKey", UUID.randomUUID().toString()));
        assertEquals(List.of(132), codes(wrongKey));
        Reply notGuid = cofre.send("GET", "/1/sales/x", null, Map.of("MerchantId", "loja", "MerchantKey", "x"));
        assertEquals(List.of(114), codes(notGuid));
        Reply unknown = call(merchant, "GET", "/1/nothing/here", null, null);
        assertEquals(404, unknown.status());
        assertEquals(795, unknown.json().get(0).get("Code").asInt(), unknown.body());
        Reply wrongMethod = call(merchant, "DELETE", "/1/sales", null, null);
        assertTrue(wrongMethod.json().isArray(), wrongMethod.body());
        JsonNode openApi = cofre.send("GET", "/openapi.json", null, Map.of()).json();
        for (String path : List.of("/1/sales", "/1/sales/{PaymentId}", "/1/sales/{PaymentId}/capture",
                "/1/sales/{PaymentId}/void", "/1/card", "/1/card/{CardToken}")) {
            assertTrue(openApi.get("paths").has(path), path);
        }
    }

    @Test
    void POST_1_card_saves_a_card_once_per_RequestId_and_its_CardToken_pays_a_sale() {
        String body = "{\"CustomerName\":\"Comprador Teste\",\"CardNumber\":\"4551870000000183\",\"Holder\":\"Teste Holder\","
                + "\"ExpirationDate\":\"12/2030\",\"Brand\":\"Visa\"}";
        String requestId = UUID.randomUUID().toString();
        long tokens = count("tokens");

        Reply saved = call(merchant, "POST", "/1/card", body, requestId);
        Reply again = call(merchant, "POST", "/1/card/", body, requestId);

        assertEquals(201, saved.status(), saved.body());
        String cardToken = saved.json().get("CardToken").asText();
        assertEquals(cardToken, again.json().get("CardToken").asText(), again.body());
        assertEquals(tokens + 1, count("tokens"));
        Reply read = call(merchant, "GET", "/1/card/" + cardToken, null, null);
        assertEquals("455187******0183", read.json().get("CardNumber").asText(), read.body());
        assertEquals("12/2030", read.json().get("ExpirationDate").asText());
        Reply elsewhere = call(other, "GET", "/1/card/" + cardToken, null, null);
        assertEquals(404, elsewhere.status(), elsewhere.body());
        assertEquals(130, elsewhere.json().get(0).get("Code").asInt());
        Reply paid = sale("{\"MerchantOrderId\":\"3\",\"Payment\":{\"Type\":\"CreditCard\",\"Amount\":700,"
                + "\"CreditCard\":{\"CardToken\":\"" + cardToken + "\",\"Brand\":\"Visa\"}}}");
        assertEquals(1, paid.json().at("/Payment/Status").asInt(), paid.body());

        String before = DatabaseSnapshot.of(snapshotUrl(), schema());
        Reply bad = call(merchant, "POST", "/1/card", "{\"CardNumber\":\"4551870000000184\",\"ExpirationDate\":\"13/2030\","
                + "\"Brand\":\"Nope\"}", null);
        assertEquals(400, bad.status(), bad.body());
        assertEquals(List.of(105, 117, 185, 213, 126), codes(bad).stream().sorted((a, b) ->
                List.of(105, 117, 185, 213, 126).indexOf(a) - List.of(105, 117, 185, 213, 126).indexOf(b)).toList(),
                bad.body());
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    static List<Integer> codes(Reply r) {
        var codes = new ArrayList<Integer>();
        r.json().forEach(e -> codes.add(e.get("Code").asInt()));
        return codes;
    }

    record Bad(String name, String body, List<Integer> codes) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Bad bad(String name, UnaryOperator<ObjectNode> change, Integer... codes) {
        return new Bad(name, with(SALE, change), List.of(codes));
    }

    static Stream<Arguments> badInputs() {
        return Stream.of(
                bad("no MerchantOrderId", s -> { s.remove("MerchantOrderId"); return s; }, 122),
                bad("a MerchantOrderId over 50 characters", s -> { s.put("MerchantOrderId", "x".repeat(51)); return s; }, 107),
                bad("no Payment", s -> { s.remove("Payment"); return s; }, 119),
                bad("a boleto", s -> { payment(s).put("Type", "Boleto"); return s; }, 310),
                bad("no Amount", s -> { payment(s).remove("Amount"); return s; }, 108),
                bad("an Amount in reais", s -> { payment(s).put("Amount", 1.5); return s; }, 108),
                bad("an Amount of zero", s -> { payment(s).put("Amount", 0); return s; }, 108),
                bad("an Amount as text", s -> { payment(s).put("Amount", "100"); return s; }, 108),
                bad("zero Installments", s -> { payment(s).put("Installments", 0); return s; }, 123),
                bad("Capture as a word", s -> { payment(s).put("Capture", "yes"); return s; }, 186),
                bad("no CreditCard", s -> { payment(s).remove("CreditCard"); return s; }, 124),
                bad("a card number failing its check digit", s -> { card(s).put("CardNumber", "4551870000000184"); return s; }, 213),
                bad("no holder", s -> { card(s).remove("Holder"); return s; }, 117),
                bad("an expiration without a slash", s -> { card(s).put("ExpirationDate", "032030"); return s; }, 126),
                bad("month 13", s -> { card(s).put("ExpirationDate", "13/2030"); return s; }, 126),
                bad("a security code with a letter", s -> { card(s).put("SecurityCode", "12a"); return s; }, 146),
                bad("a security code as a number", s -> { card(s).put("SecurityCode", 123); return s; }, 146),
                bad("an unknown brand", s -> { card(s).put("Brand", "Bitcoin"); return s; }, 185),
                bad("no brand", s -> { card(s).remove("Brand"); return s; }, 182),
                bad("SaveCard as a number", s -> { card(s).put("SaveCard", 1); return s; }, 0),
                bad("a CardToken that is no GUID", s -> {
                    card(s).removeAll();
                    card(s).put("CardToken", "not-a-token").put("Brand", "Visa");
                    return s;
                }, 130),
                bad("a CardToken with a CardNumber", s -> { card(s).put("CardToken", UUID.randomUUID().toString()); return s; }, 130),
                bad("a SoftDescriptor over 13 characters", s -> { payment(s).put("SoftDescriptor", "LOJA MUITO COMPRIDA"); return s; }, 0),
                bad("several wrong fields at once", s -> {
                    s.remove("MerchantOrderId");
                    payment(s).put("Amount", -5);
                    card(s).put("CardNumber", "123");
                    card(s).put("ExpirationDate", "99/99");
                    return s;
                }, 122, 108, 213, 126),
                new Bad("malformed JSON", "{\"MerchantOrderId\": ", List.of(790)),
                new Bad("a JSON array", "[1,2]", List.of(184)),
                new Bad("no body", "", List.of(747))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void a_bad_sale_is_refused_in_the_vendors_format_naming_each_field_and_changes_nothing(Bad bad) {
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply r = call(merchant, "POST", "/1/sales/", bad.body(), UUID.randomUUID().toString());

        assertEquals(400, r.status(), bad.name() + ": " + r.body());
        assertTrue(r.json().isArray(), r.body());
        r.json().forEach(e -> {
            assertTrue(e.get("Code").isInt(), r.body());
            assertTrue(e.get("Message").isTextual(), r.body());
        });
        assertEquals(bad.codes().stream().sorted().toList(), codes(r).stream().sorted().toList(), bad.name() + ": " + r.body());
        assertFalse(r.body().contains("4551870000000") || r.body().contains("\"262\""), "no card data");
        assertNotEquals(500, r.status());
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }
}
