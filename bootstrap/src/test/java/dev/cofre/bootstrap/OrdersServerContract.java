package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
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
 * Seed 002's orders API (Pagar.me v5 under /core/v5) end to end through real HTTP on the running
 * server and the simulator acquirer: every request example of the seed replayed as printed with
 * the response's shape checked, the charge's life (capture, void, refund), idempotency,
 * authentication, merchant isolation, and a table of bad inputs that change nothing.
 * Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class OrdersServerContract {

    static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    static final Pattern ISO_UTC = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    /** Seed 002's first example: a card with billing address, recurrence_cycle, statement descriptor. */
    static final String SEED_CARD = """
            {"items":[{"amount":2990,"description":"Chaveiro do Tesseract","quantity":1}],
             "customer":{"name":"Tony Stark","email":"[email protected]"},
             "payments":[{"payment_method":"credit_card","credit_card":{"recurrence_cycle":"first","installments":1,
               "statement_descriptor":"AVENGERS","card":{"number":"4000000000000010","holder_name":"Tony Stark",
               "exp_month":1,"exp_year":30,"cvv":"3531","billing_address":{"line_1":"10880, Malibu Point, Malibu Central",
               "zip_code":"90265","city":"Malibu","state":"CA","country":"US"}}}}]}""";

    /** Seed 002's 3-D Secure example. */
    static final String SEED_3DS = """
            {"items":[{"amount":2990,"description":"Chaveiro do Tesseract","quantity":1}],
             "customer":{"name":"Tony Stark","email":"[email protected]"},
             "payments":[{"payment_method":"credit_card","credit_card":{"card":{"number":"4000000000000010",
               "holder_name":"Tony Stark","exp_month":1,"exp_year":30,"cvv":"3531","billing_address":{
               "line_1":"10880, Malibu Point, Malibu Central","zip_code":"90265","city":"Malibu","state":"CA","country":"US"}},
               "authentication":{"type":"threed_secure","threed_secure":{"mpi":"third_party","eci":"05",
               "cavv":"BwABBylVaQAAAAFwllVpAAAAAAA=","ds_transaction_id":"4165037e-2f84-443c-a4e2-0e3285eb911a",
               "transaction_id":"9345dcf2-57bf-48ee-a495-663cf1fdb760","version":"2"}}}}]}""";

    /** Seed 002's network-token example. */
    static final String SEED_NETWORK_TOKEN = """
            {"items":[{"amount":2990,"description":"Chaveiro do Tesseract","quantity":1}],
             "customer":{"name":"Tony Stark","email":"[email protected]"},
             "payments":[{"payment_method":"credit_card","credit_card":{"installments":1,"statement_descriptor":"AVENGERS",
               "network_token":{"number":"4190000000000010","holder_name":"Tony Stark","exp_month":1,"exp_year":30,
               "cryptograms":["ANfQt43bddROAAEnSAMhAAADFA===="],"billing_address":{"line_1":"10880, Malibu Point, Malibu Central",
               "zip_code":"90265","city":"Malibu","state":"CA","country":"US"}}}}]}""";

    Path dataDir;
    RunningCofre cofre;
    RegisterMerchant.Registered merchant;
    String secretKey;

    abstract String jdbcUrl();

    abstract String schema();

    @BeforeAll
    void start() throws java.io.IOException {
        dataDir = Files.createTempDirectory("cofre-orders");
        cofre = new RunningCofre(dataDir, jdbcUrl(), schema(), NOW, Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0",
                "COFRE_RECONCILE_GRACE_SECONDS", "0"));
        merchant = cofre.merchant("Stark Industries");
        secretKey = cofre.wiring().secretKeys().issue(merchant.merchant().id());
    }

    @AfterAll
    void stop() {
        if (cofre != null) {
            cofre.close();
        }
        RunningCofre.deleteQuietly(dataDir);
    }

    static String basic(String secretKey) {
        return "Basic " + Base64.getEncoder().encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    Reply call(String method, String path, String json, String key) {
        var headers = new HashMap<String, String>();
        headers.put("Authorization", basic(secretKey));
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        if (key != null) {
            headers.put("idempotency-key", key);
        }
        return cofre.send(method, "/core/v5" + path, json, headers);
    }

    Reply order(String json) {
        return call("POST", "/orders", json, UUID.randomUUID().toString());
    }

    static String withOperationType(String json, String operationType) {
        return json.replace("\"credit_card\":{", "\"credit_card\":{\"operation_type\":\"" + operationType + "\",");
    }

    static void assertOrderShape(JsonNode order, String chargeStatus, String transactionStatus) {
        assertTrue(order.get("id").asText().startsWith("or_"), order.toString());
        assertEquals(2990, order.get("amount").asLong());
        assertEquals("BRL", order.get("currency").asText());
        assertTrue(order.get("closed").asBoolean());
        assertTrue(order.get("items").get(0).get("id").asText().startsWith("oi_"));
        assertEquals("Chaveiro do Tesseract", order.get("items").get(0).get("description").asText());
        assertTrue(ISO_UTC.matcher(order.get("created_at").asText()).matches(), order.get("created_at").asText());
        assertTrue(order.get("checkouts").isArray());
        JsonNode charge = order.get("charges").get(0);
        assertChargeShape(charge, chargeStatus, transactionStatus);
    }

    static void assertChargeShape(JsonNode charge, String chargeStatus, String transactionStatus) {
        assertTrue(charge.get("id").asText().startsWith("ch_"), charge.toString());
        assertEquals(chargeStatus, charge.get("status").asText(), charge.toString());
        assertEquals("credit_card", charge.get("payment_method").asText());
        assertTrue(ISO_UTC.matcher(charge.get("updated_at").asText()).matches());
        JsonNode t = charge.get("last_transaction");
        assertTrue(t.get("id").asText().startsWith("tran_"));
        assertEquals("credit_card", t.get("transaction_type").asText());
        assertEquals(transactionStatus, t.get("status").asText(), t.toString());
        for (String field : List.of("gateway_id", "amount", "success", "installments", "operation_type",
                "payment_type", "gateway_response", "antifraud_response", "metadata", "created_at", "updated_at")) {
            assertTrue(t.has(field), field + " in " + t);
        }
        assertEquals("200", t.get("gateway_response").get("code").asText());
        assertTrue(t.get("gateway_response").get("errors").isArray());
        assertTrue(ISO_UTC.matcher(t.get("created_at").asText()).matches());
    }

    static void assertAcquirerFields(JsonNode t) {
        assertEquals("simulator", t.get("acquirer_name").asText());
        assertTrue(t.get("acquirer_tid").asText().matches("\\d{9}"), t.toString());
        assertTrue(t.get("acquirer_nsu").asText().matches("\\d{5}"));
        assertTrue(t.get("acquirer_auth_code").asText().matches("\\d{3}"));
        assertEquals("00", t.get("acquirer_return_code").asText());
        assertTrue(t.get("acquirer_message").asText().startsWith("Transação"));
    }

    @Test
    void seed_002s_card_example_as_printed_with_its_four_digit_cvv_is_captured() {
        Reply r = order(SEED_CARD);

        assertEquals(200, r.status(), r.body());
        JsonNode order = r.json();
        assertOrderShape(order, "paid", "captured");
        assertEquals("paid", order.get("status").asText());
        JsonNode t = order.get("charges").get(0).get("last_transaction");
        assertAcquirerFields(t);
        assertEquals("auth_and_capture", t.get("operation_type").asText());
        assertEquals("AVENGERS", t.get("statement_descriptor").asText());
        assertEquals("PAN", t.get("payment_type").asText());
        JsonNode card = t.get("card");
        assertEquals("400000", card.get("first_six_digits").asText());
        assertEquals("0010", card.get("last_four_digits").asText());
        assertEquals("Visa", card.get("brand").asText());
        assertEquals("Tony Stark", card.get("holder_name").asText());
        assertEquals(2030, card.get("exp_year").asInt());
        assertFalse(r.body().contains("4000000000000010"), "never the card number");
        assertFalse(r.body().contains("3531"), "never the security code");
        assertEquals(2990, order.get("charges").get(0).get("paid_amount").asLong());
    }

    @Test
    void seed_002s_three_d_secure_example_as_printed_is_charged() {
        Reply r = order(SEED_3DS);

        assertEquals(200, r.status(), r.body());
        assertOrderShape(r.json(), "paid", "captured");
        assertFalse(r.body().contains("BwABBylVaQAAAAFwllVpAAAAAAA="), "the CAVV is not printed back");
    }

    @Test
    void seed_002s_network_token_example_as_printed_is_charged_once_per_cryptogram() {
        Reply r = order(SEED_NETWORK_TOKEN);

        assertEquals(200, r.status(), r.body());
        assertOrderShape(r.json(), "paid", "captured");
        JsonNode t = r.json().get("charges").get(0).get("last_transaction");
        assertEquals("Token", t.get("payment_type").asText());
        assertTrue(t.get("network_token").get("id").asText().startsWith("nt_"));
        assertEquals("419000", t.get("network_token").get("first_six_digits").asText());

        Reply again = order(SEED_NETWORK_TOKEN); // another request (another key) with the spent cryptogram
        assertEquals(200, again.status(), again.body());
        JsonNode failed = again.json().get("charges").get(0);
        assertEquals("failed", failed.get("status").asText());
        assertEquals("failed", failed.get("last_transaction").get("status").asText());
        assertEquals("412", failed.get("last_transaction").get("gateway_response").get("code").asText());
    }

    @Test
    void an_auth_only_order_is_read_back_captured_in_part_then_refunded() {
        Reply created = order(withOperationType(SEED_CARD, "auth_only"));
        assertEquals(200, created.status(), created.body());
        assertOrderShape(created.json(), "pending", "authorized_pending_capture");
        String orderId = created.json().get("id").asText();
        String chargeId = created.json().get("charges").get(0).get("id").asText();

        Reply read = call("GET", "/orders/" + orderId, null, null);
        assertEquals(200, read.status(), read.body());
        assertEquals(created.json(), read.json(), "a read prints what the create printed");
        Reply charge = call("GET", "/charges/" + chargeId, null, null);
        assertEquals(200, charge.status());
        assertEquals(created.json().get("charges").get(0), charge.json());

        Reply captured = call("POST", "/charges/" + chargeId + "/capture", "{\"amount\":2000,\"code\":\"X1\"}", "cap-" + chargeId);
        assertEquals(200, captured.status(), captured.body());
        assertChargeShape(captured.json(), "paid", "partial_capture");
        assertEquals(2000, captured.json().get("paid_amount").asLong());
        assertEquals("capture", captured.json().get("last_transaction").get("operation_type").asText());
        Reply retried = call("POST", "/charges/" + chargeId + "/capture", "{\"amount\":2000,\"code\":\"X1\"}", "cap-" + chargeId);
        assertEquals(captured.json(), retried.json(), "a retry captures nothing twice");

        Reply refunded = call("DELETE", "/charges/" + chargeId, "{\"amount\":500}", "ref-" + chargeId);
        assertEquals(200, refunded.status(), refunded.body());
        assertChargeShape(refunded.json(), "paid", "partial_refunded");
        Reply rest = call("DELETE", "/charges/" + chargeId, null, "ref2-" + chargeId);
        assertEquals(200, rest.status(), rest.body());
        assertChargeShape(rest.json(), "canceled", "refunded");
        assertEquals(2000, rest.json().get("canceled_amount").asLong());
        assertEquals("canceled", call("GET", "/orders/" + orderId, null, null).json().get("status").asText());
    }

    @Test
    void cancelling_before_capture_voids_the_authorization() {
        Reply created = order(withOperationType(SEED_CARD, "auth_only"));
        String chargeId = created.json().get("charges").get(0).get("id").asText();

        Reply voided = call("DELETE", "/charges/" + chargeId, null, "void-" + chargeId);

        assertEquals(200, voided.status(), voided.body());
        assertChargeShape(voided.json(), "canceled", "voided");
        Reply capture = call("POST", "/charges/" + chargeId + "/capture", null, "cap-" + chargeId);
        assertEquals(409, capture.status(), capture.body());
        assertTrue(capture.json().has("message"));
    }

    /** Found by ChargeHttpProperties: the retry used to be read as a void of the now closed charge, and refused. */
    @Test
    void a_retried_full_refund_is_answered_again_once_the_charge_is_closed() {
        String chargeId = order(SEED_CARD).json().get("charges").get(0).get("id").asText();

        Reply refunded = call("DELETE", "/charges/" + chargeId, null, "refund-" + chargeId);
        Reply retried = call("DELETE", "/charges/" + chargeId, null, "refund-" + chargeId);

        assertEquals(200, refunded.status(), refunded.body());
        assertChargeShape(refunded.json(), "canceled", "refunded");
        assertEquals(200, retried.status(), retried.body());
        assertEquals(refunded.json(), retried.json(), "the same answer: nothing refunded twice");
    }

    @Test
    void the_idempotency_key_answers_a_retry_with_the_first_order_and_refuses_another_body() {
        String key = UUID.randomUUID().toString();
        Reply first = call("POST", "/orders", SEED_CARD, key);
        Reply retry = call("POST", "/orders", SEED_CARD, key);
        assertEquals(200, retry.status(), retry.body());
        assertEquals(first.json().get("id"), retry.json().get("id"));

        Reply other = call("POST", "/orders", SEED_CARD.replace("2990", "1990"), key);
        assertEquals(409, other.status(), other.body());
        assertTrue(other.json().get("message").asText().contains("dempotency"), other.body());
    }

    @Test
    void a_declined_card_is_a_failed_charge_and_a_timeout_is_processing_until_reconciled() {
        Reply declined = order(SEED_CARD.replace("4000000000000010", "4000000000000051").replace("3531", "353"));
        assertEquals(200, declined.status(), declined.body());
        assertEquals("failed", declined.json().get("status").asText());
        assertEquals("not_authorized", declined.json().get("charges").get(0).get("last_transaction").get("status").asText());
        assertEquals("51", declined.json().get("charges").get(0).get("last_transaction").get("acquirer_return_code").asText());

        Reply timedOut = order(SEED_CARD.replace("4000000000000010", "4000000000000036"));
        assertEquals(200, timedOut.status(), timedOut.body());
        JsonNode charge = timedOut.json().get("charges").get(0);
        assertEquals("processing", charge.get("status").asText());
        assertEquals("with_error", charge.get("last_transaction").get("status").asText(), "never a decline");

        cofre.wiring().charging().reconcile().reconcile();
        Reply settled = call("GET", "/charges/" + charge.get("id").asText(), null, null);
        assertEquals("captured", settled.json().get("last_transaction").get("status").asText());
        assertEquals("paid", settled.json().get("status").asText());
    }

    @Test
    void a_vaulted_card_is_charged_by_card_id() {
        String bearer = cofre.bearer(merchant);
        Reply vaulted = cofre.vault("POST", "/v1/Token", bearer, VaultServerContract.card(null, "4551870000000183", "12/2030"));
        assertEquals(201, vaulted.status(), vaulted.body());
        String reference = vaulted.json().get("TokenReference").asText();
        String cardId = "card_" + reference.replace("-", "");
        String byCardId = SEED_CARD.replaceAll("(?s)\"card\":\\{.*?\\}\\}", "\"card_id\":\"" + cardId + "\"");

        Reply r = order(byCardId);

        assertEquals(200, r.status(), r.body());
        JsonNode card = r.json().get("charges").get(0).get("last_transaction").get("card");
        assertEquals(cardId, card.get("id").asText());
        assertEquals("0183", card.get("last_four_digits").asText());
    }

    /** Seed 002's card example paid by a customer of its own (a new e-mail each time). */
    static String byCustomer(String json, String email) {
        return json.replace("[email protected]", email);
    }

    static String email(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@stark.com";
    }

    static String withCardId(String json, String cardId) {
        return json.replaceAll("(?s)\"card\":\\{.*?\\}\\}", "\"card_id\":\"" + cardId + "\"");
    }

    @Test
    void a_card_that_authorizes_is_saved_to_the_orders_customer_and_a_later_order_charges_it_by_card_id() {
        String email = email("pepper");
        Reply first = order(withOperationType(byCustomer(SEED_CARD, email), "auth_only"));

        assertEquals(200, first.status(), first.body());
        JsonNode customer = first.json().get("customer");
        assertTrue(customer.get("id").asText().matches("cus_[0-9A-Za-z]{14}"), customer.toString());
        assertEquals("Tony Stark", customer.get("name").asText());
        assertEquals(email, customer.get("email").asText());
        assertFalse(customer.get("delinquent").asBoolean());
        assertTrue(ISO_UTC.matcher(customer.get("created_at").asText()).matches());
        assertTrue(customer.get("phones").isObject());
        JsonNode charge = first.json().get("charges").get(0);
        assertEquals(customer, charge.get("customer"), "the charge names its customer too");
        String cardId = charge.get("last_transaction").get("card").get("id").asText();
        assertTrue(cardId.matches("card_[0-9a-f]{32}"), cardId);
        assertEquals(first.json(), call("GET", "/orders/" + first.json().get("id").asText(), null, null).json(),
                "a read prints the saved card and the customer as the create did");

        String later = withCardId(SEED_CARD, cardId).replaceAll("\"customer\":\\{[^}]*\\}",
                "\"customer_id\":\"" + customer.get("id").asText() + "\"");
        Reply second = order(later);

        assertEquals(200, second.status(), second.body());
        assertEquals("paid", second.json().get("status").asText());
        JsonNode card = second.json().get("charges").get(0).get("last_transaction").get("card");
        assertEquals(cardId, card.get("id").asText());
        assertEquals("0010", card.get("last_four_digits").asText());
        assertEquals(customer.get("id"), second.json().get("customer").get("id"));

        Reply sameCardAgain = order(byCustomer(SEED_CARD, email));
        assertEquals(cardId, sameCardAgain.json().get("charges").get(0).get("last_transaction").get("card").get("id")
                .asText(), "the same card saved again is the card already saved");
        assertEquals(customer.get("id"), sameCardAgain.json().get("customer").get("id"),
                "a customer object with a known e-mail is that customer");
    }

    @Test
    void a_declined_card_is_not_saved() {
        String email = email("happy");
        Reply declined = order(byCustomer(SEED_CARD, email).replace("4000000000000010", "4000000000000028")
                .replace("3531", "353"));

        assertEquals(200, declined.status(), declined.body());
        assertEquals("failed", declined.json().get("status").asText());
        JsonNode card = declined.json().get("charges").get(0).get("last_transaction").get("card");
        assertFalse(card.has("id"), "a declined card has no card id: " + card);
        String customerId = declined.json().get("customer").get("id").asText();

        // the customer exists, with no card: the next order by that customer with the same card is saved only now
        Reply approved = order(byCustomer(SEED_CARD, email).replace("4000000000000010", "4111111111111111")
                .replace("3531", "353"));
        assertEquals(customerId, approved.json().get("customer").get("id").asText());
        assertTrue(approved.json().get("charges").get(0).get("last_transaction").get("card").get("id").asText()
                .startsWith("card_"));
        // a network token is the scheme's token, not the card: it is not saved
        Reply token = order(byCustomer(SEED_NETWORK_TOKEN, email).replace("ANfQt43bddROAAEnSAMhAAADFA====",
                "ANfQt43bddROAAEnSAMhAAADFA" + UUID.randomUUID().toString().substring(0, 4)));
        assertEquals("paid", token.json().get("status").asText(), token.body());
        JsonNode t = token.json().get("charges").get(0).get("last_transaction");
        assertFalse(t.has("card"), t.toString());
        assertTrue(t.get("network_token").get("id").asText().startsWith("nt_"));
    }

    @Test
    void an_order_without_a_customer_saves_nothing_and_prints_no_customer() {
        Reply r = order(SEED_CARD.replaceAll("\"customer\":\\{[^}]*\\},", ""));

        assertEquals(200, r.status(), r.body());
        assertFalse(r.json().has("customer"), r.body());
        assertFalse(r.json().get("charges").get(0).get("last_transaction").get("card").has("id"));
    }

    @Test
    void the_orders_code_is_echoed_on_the_order_and_its_charge() {
        Reply r = order(SEED_CARD.replace("{\"items\"", "{\"code\":\"pedido-2026-0042\",\"items\""));

        assertEquals(200, r.status(), r.body());
        assertEquals("pedido-2026-0042", r.json().get("code").asText());
        assertEquals("pedido-2026-0042", r.json().get("charges").get(0).get("code").asText());
        String chargeId = r.json().get("charges").get(0).get("id").asText();
        assertEquals("pedido-2026-0042", call("GET", "/charges/" + chargeId, null, null).json().get("code").asText());
    }

    @Test
    void another_merchants_customer_or_saved_card_is_not_found_and_changes_nothing() throws Exception {
        Reply saved = order(byCustomer(SEED_CARD, email("rhodey")));
        String cardId = saved.json().get("charges").get(0).get("last_transaction").get("card").get("id").asText();
        String customerId = saved.json().get("customer").get("id").asText();
        var other = cofre.merchant("Hammer Industries " + UUID.randomUUID());
        String otherKey = cofre.wiring().secretKeys().issue(other.merchant().id());
        var headers = Map.of("Authorization", basic(otherKey), "Content-Type", "application/json",
                "idempotency-key", UUID.randomUUID().toString());
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply byCard = cofre.send("POST", "/core/v5/orders", withCardId(SEED_CARD, cardId), headers);
        Reply byCustomer = cofre.send("POST", "/core/v5/orders", SEED_CARD.replaceAll("\"customer\":\\{[^}]*\\}",
                "\"customer_id\":\"" + customerId + "\""), headers);
        Reply unknown = order(SEED_CARD.replaceAll("\"customer\":\\{[^}]*\\}", "\"customer_id\":\"cus_nobodyAtAll123\""));

        assertEquals(404, byCard.status(), byCard.body());
        assertEquals(404, byCustomer.status(), byCustomer.body());
        assertEquals(404, unknown.status(), unknown.body());
        assertTrue(byCustomer.json().has("message"), byCustomer.body());
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    @Test
    void a_refund_of_a_voided_charge_and_a_capture_of_a_paid_one_are_refused_and_change_nothing() throws Exception {
        Reply created = order(withOperationType(SEED_CARD, "auth_only"));
        String chargeId = created.json().get("charges").get(0).get("id").asText();
        assertEquals(200, call("DELETE", "/charges/" + chargeId, null, "v-" + chargeId).status());
        Reply paid = order(SEED_CARD);
        String paidId = paid.json().get("charges").get(0).get("id").asText();
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply again = call("DELETE", "/charges/" + chargeId, "{\"amount\":100}", "v2-" + chargeId);
        Reply capture = call("POST", "/charges/" + paidId + "/capture", null, "c-" + paidId);
        Reply overRefund = call("DELETE", "/charges/" + paidId, "{\"amount\":2991}", "r-" + paidId);
        Reply zero = call("DELETE", "/charges/" + paidId, "{\"amount\":0}", "z-" + paidId);

        assertEquals(409, again.status(), again.body());
        assertEquals(409, capture.status(), capture.body());
        assertEquals(422, overRefund.status(), overRefund.body());
        assertEquals(422, zero.status(), zero.body());
        for (Reply r : List.of(again, capture, overRefund, zero)) {
            assertTrue(r.json().has("message"), r.body());
        }
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    /** Each 3-D Secure rule of seed 002 over HTTP: the field it names, and the request changes nothing. */
    static Stream<Arguments> threeDSecureRules() {
        String t = "payments[0].credit_card.authentication.threed_secure.";
        return Stream.of(
                Arguments.of("a type other than threed_secure", "type", "\"type\":\"3ds\"", "payments[0].credit_card.authentication.type"),
                Arguments.of("no mpi", "mpi", "", t + "mpi"),
                Arguments.of("an mpi other than third_party", "mpi", "\"mpi\":\"pagarme\"", t + "mpi"),
                Arguments.of("no eci", "eci", "", t + "eci"),
                Arguments.of("a Mastercard ECI on a Visa", "eci", "\"eci\":\"02\"", t + "eci"),
                Arguments.of("no cavv", "cavv", "", t + "cavv"),
                Arguments.of("no transaction_id", "transaction_id", "", t + "transaction_id"),
                Arguments.of("3-D Secure 1.0, discontinued", "version", "\"version\":\"1.0.2\"", t + "version"),
                Arguments.of("an unknown version", "version", "\"version\":\"3\"", t + "version"),
                Arguments.of("a cavv over 256 characters", "cavv", "\"cavv\":\"" + "A".repeat(257) + "\"", t + "cavv"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("threeDSecureRules")
    void each_three_d_secure_rule_is_refused_over_http_naming_its_field(String name, String field, String replacement,
                                                                        String path) throws Exception {
        String json = SEED_3DS.replaceAll("\"" + field + "\":\"[^\"]*\",?", replacement.isEmpty() ? "" : replacement + ",")
                .replace(",}", "}");
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply r = order(json);

        assertEquals(422, r.status(), name + ": " + r.body());
        assertTrue(r.json().get("errors").has(path), path + " in " + r.body());
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    @Test
    void three_d_secure_is_for_gateway_merchants_only() throws Exception {
        var psp = cofre.wiring().accounts().register().register(new RegisterMerchant.Command(
                        "PSP " + UUID.randomUUID(), List.of(), false, false, null, null))
                .getOrElseThrow(e -> new AssertionError(e.message()));
        String pspKey = cofre.wiring().secretKeys().issue(psp.merchant().id());
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply r = cofre.send("POST", "/core/v5/orders", SEED_3DS, Map.of("Authorization", basic(pspKey),
                "Content-Type", "application/json", "idempotency-key", UUID.randomUUID().toString()));

        assertEquals(422, r.status(), r.body());
        assertTrue(r.json().get("errors").has("payments[0].credit_card.authentication"), r.body());
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    @Test
    void a_reused_cryptogram_fails_the_charge_before_the_acquirer_is_asked() {
        String cryptogram = "ANfQt43bddROAAEnSAMhAAADFA" + UUID.randomUUID().toString().substring(0, 4);
        String json = SEED_NETWORK_TOKEN.replace("ANfQt43bddROAAEnSAMhAAADFA====", cryptogram);
        Reply first = order(json);
        Reply second = order(json.replace("2990", "1000"));

        assertEquals("paid", first.json().get("status").asText(), first.body());
        JsonNode t = second.json().get("charges").get(0).get("last_transaction");
        assertEquals("failed", t.get("status").asText(), second.body());
        assertFalse(t.has("acquirer_tid"), "the acquirer was never asked: " + t);
        assertTrue(t.get("gateway_response").get("errors").get(0).get("message").asText().toLowerCase().contains("cryptogram"),
                t.toString());
    }

    @Test
    void a_bearer_token_works_too_and_a_wrong_key_is_401_in_the_vendors_format() {
        var headers = Map.of("Authorization", "Bearer " + cofre.bearer(merchant), "Content-Type", "application/json");
        assertEquals(200, cofre.send("POST", "/core/v5/orders", SEED_CARD, headers).status());

        for (String auth : List.of(basic("sk_wrong"), "Basic bm90LWJhc2U2NA", "Bearer nope", "")) {
            Reply r = cofre.send("POST", "/core/v5/orders", SEED_CARD,
                    Map.of("Authorization", auth, "Content-Type", "application/json"));
            assertEquals(401, r.status(), auth + ": " + r.body());
            assertEquals("Authorization has been denied for this request.", r.json().get("message").asText());
        }
    }

    @Test
    void another_merchants_orders_and_charges_are_not_found() {
        Reply created = order(withOperationType(SEED_CARD, "auth_only"));
        String orderId = created.json().get("id").asText();
        String chargeId = created.json().get("charges").get(0).get("id").asText();
        var other = cofre.merchant("Hammer Industries");
        String otherKey = cofre.wiring().secretKeys().issue(other.merchant().id());
        var headers = Map.of("Authorization", basic(otherKey), "Content-Type", "application/json");

        assertEquals(404, cofre.send("GET", "/core/v5/orders/" + orderId, null, headers).status());
        assertEquals(404, cofre.send("GET", "/core/v5/charges/" + chargeId, null, headers).status());
        assertEquals(404, cofre.send("POST", "/core/v5/charges/" + chargeId + "/capture", null, headers).status());
        assertEquals(404, cofre.send("DELETE", "/core/v5/charges/" + chargeId, null, headers).status());
        assertEquals("pending", call("GET", "/charges/" + chargeId, null, null).json().get("status").asText());
    }

    @Test
    void what_the_official_sdk_sends_besides_the_seed_is_read_leniently() {
        String sdkShaped = """
                {"code":"pedido-42","closed":true,"customer_id":null,
                 "items":[{"amount":2990,"description":"Chaveiro do Tesseract","quantity":1,"category":"chaveiros","code":"sku-1"}],
                 "customer":{"name":"Tony Stark","email":"[email protected]","document":"12345678909","type":"individual",
                   "code":"c-1","metadata":{"vip":"true"},"phones":{"mobile_phone":{"country_code":"55","area_code":"21","number":"999999999"}},
                   "address":{"line_1":"10880","line_2":"","zip_code":"90265","city":"Malibu","state":"CA","country":"US",
                   "street":"","number":"","complement":"","neighborhood":""}},
                 "payments":[{"payment_method":"credit_card","amount":2990,"something_new":{"x":1},
                   "credit_card":{"recurrency_cycle":"subsequent","installments":2,"operation_type":"auth_only",
                   "metadata":{"pedido":"42","canal":7},
                   "card":{"number":"4000000000000010","holder_name":"Tony Stark","exp_month":1,"exp_year":2030,"cvv":"353"}}}]}""";

        Reply r = order(sdkShaped);

        assertEquals(200, r.status(), r.body());
        JsonNode charge = r.json().get("charges").get(0);
        assertEquals("authorized_pending_capture", charge.get("last_transaction").get("status").asText());
        assertEquals(2, charge.get("last_transaction").get("installments").asInt());
        assertEquals("7", charge.get("metadata").get("canal").asText(), "metadata values are strings");
        assertTrue(charge.get("metadata").get("canal").isTextual());
    }

    /** A request that must be refused with {@code status}, naming {@code fields}, changing nothing. */
    record Bad(String name, int status, UnaryOperator<ObjectNode> change, String body, List<String> fields) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Bad bad(String name, UnaryOperator<ObjectNode> change, String... fields) {
        return new Bad(name, 422, change, null, List.of(fields));
    }

    static ObjectNode cc(ObjectNode order) {
        return (ObjectNode) order.get("payments").get(0).get("credit_card");
    }

    static ObjectNode card(ObjectNode order) {
        return (ObjectNode) cc(order).get("card");
    }

    static Stream<Arguments> badInputs() {
        String p = "payments[0].credit_card.";
        return Stream.of(
                bad("no items", o -> { o.remove("items"); return o; }, "items"),
                bad("items not an array", o -> { o.put("items", "x"); return o; }, "items"),
                bad("an item amount as a string", o -> { ((ObjectNode) o.get("items").get(0)).put("amount", "2990"); return o; },
                        "items[0].amount"),
                bad("a quantity of zero", o -> { ((ObjectNode) o.get("items").get(0)).put("quantity", 0); return o; },
                        "items[0].quantity"),
                bad("no payments", o -> { o.remove("payments"); return o; }, "payments"),
                bad("boleto", o -> { ((ObjectNode) o.get("payments").get(0)).put("payment_method", "boleto"); return o; },
                        "payments[0].payment_method"),
                bad("a card number failing its check digit", o -> { card(o).put("number", "4000000000000011"); return o; },
                        p + "card.number"),
                bad("month 13", o -> { card(o).put("exp_month", 13); return o; }, p + "card.exp_month"),
                bad("a cvv as a number", o -> { card(o).put("cvv", 353); return o; }, p + "card.cvv"),
                bad("a cvv with a letter", o -> { card(o).put("cvv", "35a"); return o; }, p + "card.cvv"),
                bad("installments as a string", o -> { cc(o).put("installments", "3"); return o; }, p + "installments"),
                bad("99 installments", o -> { cc(o).put("installments", 99); return o; }, p + "installments"),
                bad("an unknown operation type", o -> { cc(o).put("operation_type", "auth_later"); return o; },
                        p + "operation_type"),
                bad("a statement descriptor over 22 characters",
                        o -> { cc(o).put("statement_descriptor", "AVENGERS ASSEMBLE FOREVER"); return o; },
                        p + "statement_descriptor"),
                bad("metadata not an object", o -> { cc(o).put("metadata", "x"); return o; }, p + "metadata"),
                bad("a card and a card_id", o -> { cc(o).put("card_id", "card_x"); return o; }, "payments[0].credit_card"),
                bad("an unknown recurrence cycle", o -> { cc(o).put("recurrence_cycle", "sometimes"); return o; },
                        p + "recurrence_cycle"),
                bad("a 3-D Secure ECI Visa never gives", o -> {
                    cc(o).set("authentication", RunningCofre.JSON.createObjectNode().put("type", "threed_secure")
                            .set("threed_secure", RunningCofre.JSON.createObjectNode().put("mpi", "third_party")
                                    .put("eci", "02").put("cavv", "x").put("transaction_id", "t")));
                    return o;
                }, p + "authentication.threed_secure.eci"),
                bad("a network token without cryptograms", o -> {
                    cc(o).remove("card");
                    cc(o).set("network_token", RunningCofre.JSON.createObjectNode().put("number", "4190000000000010")
                            .put("holder_name", "Tony Stark").put("exp_month", 1).put("exp_year", 30)
                            .set("cryptograms", RunningCofre.JSON.createArrayNode()));
                    return o;
                }, p + "network_token.cryptograms"),
                bad("several wrong fields at once", o -> {
                    card(o).put("number", "123");
                    card(o).put("exp_month", "1");
                    cc(o).put("installments", 0);
                    ((ObjectNode) o.get("items").get(0)).remove("amount");
                    return o;
                }, p + "card.number", p + "card.exp_month", p + "installments", "items[0].amount"),
                bad("a customer without an e-mail", o -> { ((ObjectNode) o.get("customer")).remove("email"); return o; },
                        "customer.email"),
                bad("a customer e-mail as a number", o -> { ((ObjectNode) o.get("customer")).put("email", 42); return o; },
                        "customer.email"),
                bad("a customer without a name", o -> { ((ObjectNode) o.get("customer")).remove("name"); return o; },
                        "customer.name"),
                bad("a customer name longer than the vendor's", o -> {
                    ((ObjectNode) o.get("customer")).put("email", "tony@stark.com").put("name", "Tony " + "S".repeat(120));
                    return o;
                }, "customer.name"),
                bad("a customer type neither individual nor company",
                        o -> { ((ObjectNode) o.get("customer")).put("type", "robot"); return o; }, "customer.type"),
                bad("a customer document with a card number in it", o -> {
                    ((ObjectNode) o.get("customer")).put("email", "tony@stark.com").put("document", "4000000000000010");
                    return o;
                },
                        "customer.document"),
                bad("a customer phone with letters", o -> {
                    ((ObjectNode) o.get("customer")).put("email", "tony@stark.com").set("phones", RunningCofre.JSON.createObjectNode().set("mobile_phone",
                            RunningCofre.JSON.createObjectNode().put("area_code", "2x").put("number", "99999")));
                    return o;
                }, "customer.phones.mobile_phone.area_code"),
                bad("customer_id as a number", o -> { o.put("customer_id", 42); return o; }, "customer_id"),
                bad("an order code over 52 characters", o -> { o.put("code", "x".repeat(53)); return o; }, "code"),
                bad("an order code as a number", o -> { o.put("code", 42); return o; }, "code"),
                new Bad("malformed JSON", 400, null, "{\"items\": [", List.of()),
                new Bad("a JSON array", 422, null, "[1,2]", List.of("order"))
        ).map(b -> Arguments.of(b));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void a_bad_order_is_refused_in_the_vendors_format_naming_each_field_and_changes_nothing(Bad bad) throws Exception {
        String body = bad.body() != null ? bad.body()
                : RunningCofre.JSON.writeValueAsString(bad.change().apply((ObjectNode) RunningCofre.JSON.readTree(SEED_CARD)));
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply r = order(body);

        assertEquals(bad.status(), r.status(), bad.name() + ": " + r.body());
        assertEquals("The request is invalid.", r.json().get("message").asText(), r.body());
        for (String field : bad.fields()) {
            assertTrue(r.json().get("errors").has(field), field + " in " + r.body());
            assertTrue(r.json().get("errors").get(field).isArray());
        }
        assertFalse(r.body().contains("4000000000000010") || r.body().contains("3531"), "no card data");
        assertFalse(r.body().contains("Exception"), "no stack trace");
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    @Test
    void a_capture_of_more_than_was_authorized_or_of_a_wrong_type_changes_nothing() throws Exception {
        Reply created = order(withOperationType(SEED_CARD, "auth_only"));
        String chargeId = created.json().get("charges").get(0).get("id").asText();
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());

        Reply tooMuch = call("POST", "/charges/" + chargeId + "/capture", "{\"amount\":5000}", "k1-" + chargeId);
        Reply wrongType = call("POST", "/charges/" + chargeId + "/capture", "{\"amount\":\"10\"}", "k2-" + chargeId);

        assertEquals(422, tooMuch.status(), tooMuch.body());
        assertEquals(422, wrongType.status(), wrongType.body());
        assertTrue(wrongType.json().get("errors").has("amount"), wrongType.body());
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
        assertNotEquals(null, created.json().get("id"));
    }

    @Test
    void unknown_paths_answer_in_the_vendors_format_and_the_openapi_document_lists_the_routes() {
        Reply unknown = call("GET", "/customers/cus_x/nothing", null, null);
        assertEquals(404, unknown.status(), unknown.body());
        assertTrue(unknown.json().has("message"), unknown.body());
        JsonNode openApi = cofre.send("GET", "/openapi.json", null, Map.of()).json();
        for (String path : List.of("/core/v5/orders", "/core/v5/orders/{id}", "/core/v5/charges/{id}",
                "/core/v5/charges/{id}/capture")) {
            assertTrue(openApi.get("paths").has(path), path);
        }
    }

    String snapshotUrl() {
        return jdbcUrl() != null ? jdbcUrl() : "jdbc:sqlite:" + dataDir.resolve("cofre.db");
    }
}
