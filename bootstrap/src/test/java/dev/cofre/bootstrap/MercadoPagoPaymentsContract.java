package dev.cofre.bootstrap;

import static dev.cofre.bootstrap.MercadoPagoServerContract.VENDOR_DATE;
import static dev.cofre.bootstrap.MercadoPagoServerContract.assertVendorError;
import static dev.cofre.bootstrap.MercadoPagoServerContract.created;
import static dev.cofre.bootstrap.MercadoPagoServerContract.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seed 000's payments (the Mercado Pago dialect under /v1/payments) end to end through real HTTP on the
 * running server: the seed's payment example with a saved card's token and {@code payer{type: customer}},
 * authorize then capture (all or part), cancel, refunds (part, then the rest), the sandbox holder names,
 * idempotent retries, isolation between two merchants, and bad inputs answered in the vendor's error
 * format that change nothing. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class MercadoPagoPaymentsContract {

    static final String MASTER = "5555555555554444";
    static final String VISA = "4235647728025682";
    /** Every field of the vendor's payment that its SDKs read. */
    static final List<String> PAYMENT_FIELDS = List.of("id", "date_created", "date_approved", "date_last_updated",
            "date_of_expiration", "money_release_date", "operation_type", "issuer_id", "payment_method_id",
            "payment_type_id", "status", "status_detail", "currency_id", "description", "live_mode",
            "authorization_code", "collector_id", "payer", "metadata", "external_reference", "transaction_amount",
            "transaction_amount_refunded", "coupon_amount", "installments", "transaction_details", "fee_details",
            "captured", "binary_mode", "call_for_authorize_id", "statement_descriptor", "card", "refunds");

    Path dataDir;
    RunningCofre cofre;
    String accessToken;
    String otherAccessToken;
    String customerId;
    /** An authorized payment the bad inputs try to change. */
    long authorized;
    /** A captured payment the bad refunds try. */
    long captured;
    /** An unspent card token the bad creations must leave unspent. */
    String freshToken;

    abstract String jdbcUrl();

    abstract String schema();

    @BeforeAll
    void start() throws java.io.IOException {
        dataDir = Files.createTempDirectory("cofre-mercadopago-payments");
        cofre = new RunningCofre(dataDir, jdbcUrl(), schema(), Instant.parse("2026-11-22T12:00:00Z"),
                Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"));
        var merchant = cofre.merchant("Loja do Zé");
        accessToken = cofre.wiring().accessTokens().issue(merchant.merchant().id());
        otherAccessToken = cofre.wiring().accessTokens().issue(cofre.merchant("Outra Loja").merchant().id());
        customerId = created(mp("POST", "/v1/customers", "{\"email\":\"pagador@test.com\"}")).get("id").asText();
        authorized = pay(payment(cardToken(VISA, "APRO"), "10.00", ",\"capture\":false")).get("id").asLong();
        captured = pay(payment(cardToken(VISA, "APRO"), "10.00", "")).get("id").asLong();
        freshToken = cardToken(VISA, "APRO");
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
        return MercadoPagoServerContract.send(cofre, bearer, method, path, json, idempotencyKey);
    }

    String cardToken(String number, String holder) {
        return created(mp("POST", "/v1/card_tokens", "{\"card_number\":\"" + number + "\",\"expiration_month\":11,"
                + "\"expiration_year\":2030,\"security_code\":\"123\",\"cardholder\":{\"name\":\"" + holder + "\"}}"))
                .get("id").asText();
    }

    static String payment(String token, String amount, String more) {
        return "{\"transaction_amount\":" + amount + ",\"token\":\"" + token + "\",\"installments\":1" + more + "}";
    }

    JsonNode pay(String body) {
        return created(mp("POST", "/v1/payments", body));
    }

    static void assertPaymentShape(JsonNode p) {
        for (String field : PAYMENT_FIELDS) {
            assertTrue(p.has(field), field + " in " + p);
        }
        assertTrue(p.get("id").isIntegralNumber() && p.get("id").asLong() > 0, p.toString());
        assertTrue(p.get("id").asLong() < (1L << 53), "a JavaScript client reads it exactly: " + p.get("id"));
        assertTrue(VENDOR_DATE.matcher(p.get("date_created").asText()).matches(), p.toString());
        assertTrue(VENDOR_DATE.matcher(p.get("date_last_updated").asText()).matches(), p.toString());
        assertTrue(p.get("transaction_amount").isNumber() && p.get("transaction_amount_refunded").isNumber(), p.toString());
        assertEquals("credit_card", p.get("payment_type_id").asText());
        assertEquals("BRL", p.get("currency_id").asText());
        assertTrue(p.get("transaction_details").get("net_received_amount").isNumber(), p.toString());
        assertTrue(p.get("card").get("first_six_digits").asText().matches("\\d{6}"), p.toString());
        assertTrue(p.get("card").get("last_four_digits").asText().matches("\\d{4}"), p.toString());
        assertTrue(p.get("refunds").isArray() && p.get("fee_details").isArray(), p.toString());
        assertFalse(p.get("live_mode").asBoolean());
    }

    static void assertAmount(String expected, JsonNode value) {
        assertEquals(0, new BigDecimal(expected).compareTo(value.decimalValue()), expected + " vs " + value);
    }

    @Test
    void seed_000s_payment_with_a_saved_card_and_payer_customer_works_as_printed() {
        // Guarde o cartão, capture o código de segurança: a card token from the saved card plus its CVV
        String cardId = created(mp("POST", "/v1/customers/" + customerId + "/cards",
                "{\"token\":\"" + cardToken(MASTER, "APRO") + "\"}")).get("id").asText();
        String token = created(mp("POST", "/v1/card_tokens", "{\"card_id\":\"" + cardId + "\",\"customer_id\":\""
                + customerId + "\",\"security_code\":\"123\"}")).get("id").asText();

        // Crie o pagamento, as seed 000's curl example sends it (with valid JSON)
        Reply reply = mp("POST", "/v1/payments", "{\"transaction_amount\": 100, \"token\": \"" + token
                + "\", \"installments\": 1, \"payer\": {\"type\": \"customer\", \"id\": \"" + customerId + "\"}}");
        JsonNode p = created(reply);
        assertPaymentShape(p);
        assertEquals("approved", p.get("status").asText());
        assertEquals("accredited", p.get("status_detail").asText());
        assertTrue(p.get("captured").asBoolean());
        assertAmount("100", p.get("transaction_amount"));
        assertAmount("0", p.get("transaction_amount_refunded"));
        assertAmount("100", p.get("transaction_details").get("net_received_amount"));
        assertAmount("100", p.get("transaction_details").get("total_paid_amount"));
        assertAmount("100", p.get("transaction_details").get("installment_amount"));
        assertEquals(1, p.get("installments").asInt());
        assertEquals("customer", p.get("payer").get("type").asText());
        assertEquals(customerId, p.get("payer").get("id").asText());
        assertEquals("master", p.get("payment_method_id").asText());
        assertEquals("555555", p.get("card").get("first_six_digits").asText());
        assertEquals("4444", p.get("card").get("last_four_digits").asText());
        assertEquals(11, p.get("card").get("expiration_month").asInt());
        assertEquals(2030, p.get("card").get("expiration_year").asInt());
        assertEquals("APRO", p.get("card").get("cardholder").get("name").asText());
        assertTrue(VENDOR_DATE.matcher(p.get("date_approved").asText()).matches(), p.toString());
        assertTrue(p.get("authorization_code").asText().matches("\\d{3}"), p.toString());
        assertEquals(customerId.substring(0, 9), p.get("collector_id").asText());
        assertFalse(reply.body().contains(MASTER) || reply.body().contains("\"123\""), reply.body());

        // Read it back: the same payment, field by field
        assertEquals(p, ok(mp("GET", "/v1/payments/" + p.get("id").asLong(), null)));
        // The token was spent by the payment
        Reply again = mp("POST", "/v1/payments", "{\"transaction_amount\": 100, \"token\": \"" + token + "\"}");
        assertVendorError(again, 400);
        assertTrue(again.json().get("cause").toString().contains("token"), again.body());
    }

    @Test
    void capture_false_authorizes_and_a_put_captures_it_all() {
        JsonNode p = pay(payment(cardToken(VISA, "APRO"), "25.90", ",\"capture\":false,\"description\":\"Camiseta\","
                + "\"external_reference\":\"pedido-42\",\"statement_descriptor\":\"LOJA DO ZE\",\"metadata\":{\"canal\":\"site\"},"
                + "\"payment_method_id\":\"visa\",\"binary_mode\":true,\"payer\":{\"email\":\"comprador@test.com\"}"));
        assertPaymentShape(p);
        assertEquals("authorized", p.get("status").asText());
        assertEquals("pending_capture", p.get("status_detail").asText());
        assertFalse(p.get("captured").asBoolean());
        assertEquals("Camiseta", p.get("description").asText());
        assertEquals("pedido-42", p.get("external_reference").asText());
        assertEquals("LOJA DO ZE", p.get("statement_descriptor").asText());
        assertEquals("site", p.get("metadata").get("canal").asText());
        assertEquals("comprador@test.com", p.get("payer").get("email").asText());
        assertAmount("0", p.get("transaction_details").get("net_received_amount"));

        // The Java SDK's PUT carries a trailing "?"
        JsonNode c = ok(mp("PUT", "/v1/payments/" + p.get("id").asLong() + "?", "{\"capture\":true}"));
        assertEquals("approved", c.get("status").asText());
        assertEquals("accredited", c.get("status_detail").asText());
        assertTrue(c.get("captured").asBoolean());
        assertAmount("25.90", c.get("transaction_amount"));
        assertAmount("25.90", c.get("transaction_details").get("net_received_amount"));
        assertVendorError(mp("PUT", "/v1/payments/" + p.get("id").asLong(), "{\"capture\":true}"), 400);
    }

    @Test
    void a_partial_capture_makes_the_captured_amount_the_payments_amount() {
        long id = pay(payment(cardToken(VISA, "APRO"), "100.00", ",\"capture\":false")).get("id").asLong();
        JsonNode c = ok(mp("PUT", "/v1/payments/" + id, "{\"capture\":true,\"transaction_amount\":60.01}"));
        assertEquals("approved", c.get("status").asText());
        assertAmount("60.01", c.get("transaction_amount"));
        assertAmount("60.01", c.get("transaction_details").get("net_received_amount"));
        // the rest cannot be captured nor refunded beyond what was captured
        assertVendorError(mp("POST", "/v1/payments/" + id + "/refunds", "{\"amount\":60.02}"), 400);
        JsonNode refund = created(mp("POST", "/v1/payments/" + id + "/refunds", null));
        assertAmount("60.01", refund.get("amount"));
        assertEquals("refunded", ok(mp("GET", "/v1/payments/" + id, null)).get("status").asText());
    }

    @Test
    void an_authorized_payment_is_cancelled_and_then_cannot_be_captured() {
        long id = pay(payment(cardToken(VISA, "APRO"), "30", ",\"capture\":false")).get("id").asLong();
        JsonNode c = ok(mp("PUT", "/v1/payments/" + id, "{\"status\":\"cancelled\"}"));
        assertEquals("cancelled", c.get("status").asText());
        assertEquals("by_collector", c.get("status_detail").asText());
        assertFalse(c.get("captured").asBoolean());
        assertVendorError(mp("PUT", "/v1/payments/" + id, "{\"capture\":true}"), 400);
        assertVendorError(mp("PUT", "/v1/payments/" + id, "{\"status\":\"cancelled\"}"), 400);
        assertVendorError(mp("PUT", "/v1/payments/" + captured, "{\"status\":\"cancelled\"}"), 400);
    }

    @Test
    void refunds_add_up_to_the_captured_amount_and_are_listed() {
        long id = pay(payment(cardToken(VISA, "APRO"), "50.50", "")).get("id").asLong();
        JsonNode part = created(mp("POST", "/v1/payments/" + id + "/refunds", "{\"amount\":10.25}"));
        assertTrue(part.get("id").isIntegralNumber(), part.toString());
        assertEquals(id, part.get("payment_id").asLong());
        assertAmount("10.25", part.get("amount"));
        assertEquals("approved", part.get("status").asText());
        assertTrue(VENDOR_DATE.matcher(part.get("date_created").asText()).matches(), part.toString());

        JsonNode afterPart = ok(mp("GET", "/v1/payments/" + id, null));
        assertEquals("approved", afterPart.get("status").asText());
        assertEquals("partially_refunded", afterPart.get("status_detail").asText());
        assertAmount("10.25", afterPart.get("transaction_amount_refunded"));
        assertAmount("40.25", afterPart.get("transaction_details").get("net_received_amount"));

        JsonNode rest = created(mp("POST", "/v1/payments/" + id + "/refunds", "{}"));
        assertAmount("40.25", rest.get("amount"));
        JsonNode refunded = ok(mp("GET", "/v1/payments/" + id, null));
        assertEquals("refunded", refunded.get("status").asText());
        assertEquals("refunded", refunded.get("status_detail").asText());
        assertAmount("50.50", refunded.get("transaction_amount_refunded"));
        assertEquals(2, refunded.get("refunds").size());

        JsonNode listed = ok(mp("GET", "/v1/payments/" + id + "/refunds", null));
        assertTrue(listed.isArray() && listed.size() == 2, listed.toString());
        assertEquals(part, listed.get(0));
        assertEquals(rest, listed.get(1));
        assertEquals(part, ok(mp("GET", "/v1/payments/" + id + "/refunds/" + part.get("id").asLong(), null)));
        assertVendorError(mp("GET", "/v1/payments/" + id + "/refunds/123456789012", null), 404);
        assertVendorError(mp("POST", "/v1/payments/" + id + "/refunds", "{}"), 400);
    }

    @ParameterizedTest(name = "holder {0}: {1} / {2}")
    @CsvSource({
            "APRO, approved, accredited",
            "OTHE, rejected, cc_rejected_other_reason",
            "CONT, in_process, pending_contingency",
            "CALL, rejected, cc_rejected_call_for_authorize",
            "FUND, rejected, cc_rejected_insufficient_amount",
            "SECU, rejected, cc_rejected_bad_filled_security_code",
            "EXPI, rejected, cc_rejected_bad_filled_date",
            "FORM, rejected, cc_rejected_bad_filled_other"})
    void the_card_holders_sandbox_name_decides_the_outcome(String holder, String status, String detail) {
        // a created payment, rejected or not (201), as on the vendor's platform
        JsonNode p = pay(payment(cardToken(MASTER, holder), "12.34", ""));
        assertPaymentShape(p);
        assertEquals(status, p.get("status").asText(), p.toString());
        assertEquals(detail, p.get("status_detail").asText(), p.toString());
        assertEquals(status.equals("approved"), p.get("captured").asBoolean());
        assertEquals(p, ok(mp("GET", "/v1/payments/" + p.get("id").asLong(), null)));
    }

    @Test
    void a_declining_test_card_is_rejected_with_the_acquirers_reason() {
        JsonNode p = pay(payment(cardToken("4000000000000051", "Maria Silva"), "10", ""));
        assertEquals("rejected", p.get("status").asText());
        assertEquals("cc_rejected_insufficient_amount", p.get("status_detail").asText());
        assertVendorError(mp("POST", "/v1/payments/" + p.get("id").asLong() + "/refunds", null), 400);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_answers_the_same_payment_and_charges_once() {
        String key = UUID.randomUUID().toString();
        String body = payment(cardToken(VISA, "APRO"), "77.70", "");
        JsonNode first = created(as(accessToken, "POST", "/v1/payments", body, key));
        JsonNode second = created(as(accessToken, "POST", "/v1/payments", body, key));
        assertEquals(first, second);
        Reply other = as(accessToken, "POST", "/v1/payments", body.replace("77.70", "77.71"), key);
        assertVendorError(other, 400);
        assertEquals("765", other.json().get("cause").get(0).get("code").asText(), other.body());

        String refundKey = UUID.randomUUID().toString();
        String path = "/v1/payments/" + first.get("id").asLong() + "/refunds";
        JsonNode refund = created(as(accessToken, "POST", path, "{\"amount\":7}", refundKey));
        assertEquals(refund, created(as(accessToken, "POST", path, "{\"amount\":7}", refundKey)));
        assertAmount("7", ok(mp("GET", "/v1/payments/" + first.get("id").asLong(), null))
                .get("transaction_amount_refunded"));
    }

    @Test
    void another_merchants_payment_is_not_found_and_unchanged() {
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());
        for (String path : List.of("/v1/payments/" + captured, "/v1/payments/" + captured + "/refunds")) {
            assertVendorError(as(otherAccessToken, "GET", path, null, null), 404);
        }
        assertVendorError(as(otherAccessToken, "PUT", "/v1/payments/" + authorized, "{\"capture\":true}", "k1"), 404);
        assertVendorError(as(otherAccessToken, "PUT", "/v1/payments/" + authorized, "{\"status\":\"cancelled\"}", "k2"),
                404);
        assertVendorError(as(otherAccessToken, "POST", "/v1/payments/" + captured + "/refunds", "{}", "k3"), 404);
        assertVendorError(mp("GET", "/v1/payments/123456789012", null), 404);
        assertVendorError(mp("GET", "/v1/payments/not-a-number", null), 404);
        assertVendorError(mp("GET", "/v1/payments/" + captured + "/nothing/here", null), 404);
        assertVendorError(as("APP_USR-nope", "GET", "/v1/payments/" + captured, null, null), 401);
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
        assertEquals("authorized", ok(mp("GET", "/v1/payments/" + authorized, null)).get("status").asText());
    }

    @Test
    void the_openapi_document_lists_every_payments_route() {
        JsonNode paths = cofre.send("GET", "/openapi.json", null, Map.of()).json().get("paths");
        for (String path : List.of("/v1/payments", "/v1/payments/{id}", "/v1/payments/{id}/refunds",
                "/v1/payments/{id}/refunds/{refund_id}")) {
            assertTrue(paths.has(path), path);
        }
        assertTrue(paths.get("/v1/payments/{id}").has("put"));
    }

    /** A bad request, what it should answer, and what its causes must name. */
    record Bad(String name, String method, String path, String body, List<String> causes) {
        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Arguments> badInputs() {
        String p = "/v1/payments";
        String token = freshToken;
        return Stream.of(
                new Bad("no body", "POST", p, null, List.of("747")),
                new Bad("a JSON array", "POST", p, "[1]", List.of("body")),
                new Bad("three decimals", "POST", p, payment(token, "10.001", ""), List.of("transaction_amount")),
                new Bad("a negative amount", "POST", p, payment(token, "-5", ""), List.of("transaction_amount")),
                new Bad("an amount as a string", "POST", p, payment(token, "\"10.00\"", ""), List.of("transaction_amount")),
                new Bad("no amount", "POST", p, "{\"token\":\"" + token + "\"}", List.of("transaction_amount")),
                new Bad("no token", "POST", p, "{\"transaction_amount\":10}", List.of("token")),
                new Bad("an unknown token", "POST", p, payment("0123456789abcdef0123456789abcdef", "10", ""),
                        List.of("token")),
                new Bad("zero installments", "POST", p, payment(token, "10", "").replace("\"installments\":1", "\"installments\":0"),
                        List.of("installments")),
                new Bad("a customer payer without an id", "POST", p, payment(token, "10", ",\"payer\":{\"type\":\"customer\"}"),
                        List.of("payer.id")),
                new Bad("an unknown customer", "POST", p,
                        payment(token, "10", ",\"payer\":{\"type\":\"customer\",\"id\":\"123456789-aaaaaaaaaaaaaa\"}"),
                        List.of("payer.id")),
                new Bad("a bad e-mail", "POST", p, payment(token, "10", ",\"payer\":{\"email\":\"not-an-email\"}"),
                        List.of("payer.email")),
                new Bad("capture as a string", "POST", p, payment(token, "10", ",\"capture\":\"no\""), List.of("capture")),
                new Bad("a card number in the reference", "POST", p,
                        payment(token, "10", ",\"external_reference\":\"" + VISA + "\""), List.of("external_reference")),
                new Bad("a card number in the description", "POST", p,
                        payment(token, "10", ",\"description\":\"cartão " + VISA + "\""), List.of("description")),
                new Bad("an unknown payment method", "POST", p, payment(token, "10", ",\"payment_method_id\":\"bolbradesco\""),
                        List.of("payment_method_id")),
                new Bad("every field wrong at once", "POST", p,
                        "{\"transaction_amount\":1.005,\"token\":7,\"installments\":0,\"capture\":1,"
                                + "\"payer\":{\"type\":\"boss\"},\"statement_descriptor\":\"" + "X".repeat(30) + "\"}",
                        List.of("transaction_amount", "token", "installments", "capture", "payer.type",
                                "statement_descriptor")),
                new Bad("a status other than cancelled", "PUT", p + "/" + authorized, "{\"status\":\"approved\"}",
                        List.of("status")),
                new Bad("a put asking nothing", "PUT", p + "/" + authorized, "{}", List.of("body")),
                new Bad("a capture of three decimals", "PUT", p + "/" + authorized,
                        "{\"capture\":true,\"transaction_amount\":1.001}", List.of("transaction_amount")),
                new Bad("a capture beyond the authorization", "PUT", p + "/" + authorized,
                        "{\"capture\":true,\"transaction_amount\":10.01}", List.of("811")),
                new Bad("a refund amount as a string", "POST", p + "/" + captured + "/refunds", "{\"amount\":\"1\"}",
                        List.of("amount")),
                new Bad("a refund beyond the capture", "POST", p + "/" + captured + "/refunds", "{\"amount\":10.01}",
                        List.of("811")),
                new Bad("a refund of an authorization", "POST", p + "/" + authorized + "/refunds", "{}", List.of("810"))
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void a_bad_request_is_refused_in_the_vendors_format_naming_each_field_and_changes_nothing(Bad bad) {
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply r = mp(bad.method(), bad.path(), bad.body());

        assertVendorError(r, 400);
        String causes = r.json().get("cause").toString();
        for (String expected : bad.causes()) {
            assertTrue(causes.contains(expected), expected + " in " + r.body());
        }
        if (bad.causes().size() > 1) {
            assertEquals(bad.causes().size(), r.json().get("cause").size(), r.body());
        }
        assertFalse(r.body().contains(VISA), "no card number: " + r.body());
        assertFalse(r.body().contains("Exception"), "no stack trace");
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    String snapshotUrl() {
        return jdbcUrl() != null ? jdbcUrl() : "jdbc:sqlite:" + dataDir.resolve("cofre.db");
    }
}
