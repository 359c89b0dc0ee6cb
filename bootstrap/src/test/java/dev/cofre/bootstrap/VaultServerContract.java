package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
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
 * The whole server end to end, through real HTTP: seed 003's and seed 004's examples replayed,
 * merchants kept apart, tokens expiring, aliases reused, restarts, and a table of bad inputs.
 * Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class VaultServerContract {

    static final String PAN = "4551870000000183";
    static final String SEED_TOKENIZE = """
            {
                "Alias":"CartaoDoJose",
                "Card": {
                    "Number": "4551870000000183",
                    "Holder": "José da Silva",
                    "ExpirationDate": "12/2021",
                    "SecurityCode": "123"
                }
            }""";
    static final String SEED_CHANGE = "{\"RemovedBy\":\"Merchant\",\"Reason\":\"FraudSuspicion\"}";

    Path dataDir;
    RunningCofre cofre;

    /** The JDBC URL (null: the default SQLite file in the data directory) and schema. */
    abstract String jdbcUrl();

    abstract String schema();

    @BeforeAll
    void start() throws java.io.IOException {
        dataDir = java.nio.file.Files.createTempDirectory("cofre-e2e");
        cofre = new RunningCofre(dataDir, jdbcUrl(), schema(), RunningCofre.SEED_TIME);
    }

    @AfterAll
    void stop() {
        if (cofre != null) {
            cofre.close();
        }
        RunningCofre.deleteQuietly(dataDir);
    }

    static String card(String alias, String number, String expiration) {
        return "{" + (alias == null ? "" : "\"Alias\":\"" + alias + "\",") + "\"Card\":{\"Number\":\"" + number
                + "\",\"Holder\":\"Jose da Silva\",\"ExpirationDate\":\"" + expiration + "\",\"SecurityCode\":\"123\"}}";
    }

    String tokenize(String bearer, String alias) {
        var r = cofre.vault("POST", "/v1/Token", bearer, card(alias, PAN, "12/2030"));
        assertEquals(201, r.status(), r.body());
        return r.json().get("TokenReference").asText();
    }

    // ---------------------------------------------------------------- seed 003

    @Test
    void the_seed_003_examples_answer_with_the_seed_003_shapes() {
        var m = cofre.merchant("Seed 003");
        var tokenReply = cofre.token(m.clientId(), m.clientSecret());
        assertEquals(200, tokenReply.status());
        assertEquals("bearer", tokenReply.json().get("token_type").asText());
        assertEquals(599, tokenReply.json().get("expires_in").asInt());
        assertTrue(tokenReply.json().get("access_token").asText().length() >= 22, "at least 128 bits");
        String bearer = tokenReply.json().get("access_token").asText();

        var created = cofre.vault("POST", "/v1/Token", bearer, SEED_TOKENIZE);
        assertEquals(201, created.status(), created.body());
        JsonNode c = created.json();
        String ref = c.get("TokenReference").asText();
        assertTrue(ref.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"));
        assertTokenShape(c, ref, "CartaoDoJose");

        var got = cofre.vault("GET", "/v1/Token/" + ref, bearer, null);
        assertEquals(200, got.status());
        assertTokenShape(got.json(), ref, "CartaoDoJose");
        assertEquals("Active", got.json().get("Status").asText());

        var byAlias = cofre.vault("GET", "/v1/Alias/CartaoDoJose/TokenReference", bearer, null);
        assertEquals(200, byAlias.status());
        assertEquals(Map.of("TokenReference", ref), RunningCofre.JSON.convertValue(byAlias.json(), Map.class));

        assertStatusShape(cofre.vault("PUT", "/v1/Token/" + ref + "/suspend", bearer, SEED_CHANGE), ref, "Suspended");
        assertStatusShape(cofre.vault("PUT", "/v1/Token/" + ref + "/reactivate", bearer, SEED_CHANGE), ref, "Active");
        assertStatusShape(cofre.vault("DELETE", "/v1/Token/" + ref, bearer, SEED_CHANGE), ref, "Removed");
        assertEquals("Removed", cofre.vault("GET", "/v1/Token/" + ref, bearer, null).json().get("Status").asText());
    }

    private void assertTokenShape(JsonNode t, String ref, String alias) {
        assertEquals(alias, t.get("Alias").asText());
        assertEquals(ref, t.get("TokenReference").asText());
        assertEquals("2021-12-31", t.get("ExpirationDate").asText());
        assertEquals("************0183", t.at("/Card/Number").asText());
        assertEquals("12/2021", t.at("/Card/ExpirationDate").asText());
        assertEquals("José da Silva", t.at("/Card/Holder").asText());
        assertEquals("***", t.at("/Card/SecurityCode").asText());
        assertSelfLink(t, ref);
        assertFalse(t.toString().contains(PAN));
        assertFalse(t.toString().contains("123\""), "no security code");
    }

    private void assertStatusShape(Reply r, String ref, String status) {
        assertEquals(200, r.status(), r.body());
        assertEquals(ref, r.json().get("TokenReference").asText());
        assertEquals(status, r.json().get("Status").asText());
        assertSelfLink(r.json(), ref);
    }

    private void assertSelfLink(JsonNode t, String ref) {
        JsonNode links = t.get("Links");
        assertEquals(1, links.size());
        assertEquals("GET", links.get(0).get("Method").asText());
        assertEquals("self", links.get(0).get("Rel").asText());
        assertEquals(cofre.base() + "/v1/Token/" + ref, links.get(0).get("HRef").asText());
    }

    // ---------------------------------------------------------------- what Braspag's vault clients send

    /**
     * The request shapes of a third-party PHP client of seed 003 (lower-case {@code /v1/token},
     * Alias repeated inside Card, {@code Content-Type} and {@code MerchantId} on every call, no body on
     * suspend, unsuspend and DELETE), replayed step by step: create with and without alias, get by
     * alias, get, suspend, unsuspend, remove.
     */
    @Test
    void the_php_clients_request_shapes_work_step_by_step() {
        var m = cofre.merchant("PHP client");
        String bearer = cofre.bearer(m);
        var headers = Map.of("Authorization", "Bearer " + bearer, "Content-Type", "application/json",
                "MerchantId", m.merchant().id().toString(), "User-Agent", "braspag-pagador-php-sdk/1.4.0");
        var withAlias = cofre.send("POST", "/v1/token", "{\"Alias\":\"PhpAlias\",\"Card\":{\"Number\":\"" + PAN
                + "\",\"Holder\":\"Jose da Silva\",\"ExpirationDate\":\"12/2030\",\"SecurityCode\":\"123\","
                + "\"Alias\":\"PhpAlias\"}}", headers);
        assertEquals(201, withAlias.status(), withAlias.body());
        assertFalse(withAlias.json().at("/Card").has("Alias"), "an unknown field is never echoed");
        var noAlias = cofre.send("POST", "/v1/token", "{\"Alias\":null,\"Card\":{\"Number\":\"" + PAN
                + "\",\"Holder\":\"Jose da Silva\",\"ExpirationDate\":\"12/2030\",\"SecurityCode\":\"123\","
                + "\"Alias\":null}}", headers);
        assertEquals(201, noAlias.status(), noAlias.body());
        assertFalse(noAlias.json().has("Alias"));
        String ref = withAlias.json().get("TokenReference").asText();

        var byAlias = cofre.send("GET", "/v1/Alias/PhpAlias/TokenReference", null, headers);
        assertEquals(ref, byAlias.json().get("TokenReference").asText(), byAlias.body());
        var got = cofre.send("GET", "/v1/Token/" + ref, null, headers);
        assertEquals(200, got.status(), "Content-Type on a GET is fine: " + got.body());
        assertStatusShape(cofre.send("PUT", "/v1/Token/" + ref + "/suspend", null, headers), ref, "Suspended");
        assertStatusShape(cofre.send("PUT", "/v1/Token/" + ref + "/unsuspend", null, headers), ref, "Active");
        assertStatusShape(cofre.send("DELETE", "/v1/Token/" + ref, null, headers), ref, "Removed");
        assertEquals("Removed", cofre.send("GET", "/v1/Token/" + ref, null, headers).json().get("Status").asText());
    }

    @Test
    void paths_match_in_any_case_as_on_the_vendors_platform() {
        String bearer = cofre.bearer(cofre.merchant("Casing"));
        String ref = tokenize(bearer, "Casing");
        assertStatusShape(cofre.vault("PUT", "/V1/TOKEN/" + ref + "/SUSPEND", bearer, null), ref, "Suspended");
        assertStatusShape(cofre.vault("PUT", "/v1/token/" + ref + "/Reactivate", bearer, null), ref, "Active");
        assertEquals(ref, cofre.vault("GET", "/V1/alias/Casing/tokenreference", bearer, null).json()
                .get("TokenReference").asText());
    }

    @Test
    void a_status_change_without_a_body_is_by_the_merchant_for_another_reason() {
        String bearer = cofre.bearer(cofre.merchant("No body"));
        String ref = tokenize(bearer, null);
        assertStatusShape(cofre.vault("PUT", "/v1/Token/" + ref + "/suspend", bearer, null), ref, "Suspended");
        assertStatusShape(cofre.vault("PUT", "/v1/Token/" + ref + "/unsuspend", bearer, ""), ref, "Active");
        assertStatusShape(cofre.vault("DELETE", "/v1/Token/" + ref, bearer, null), ref, "Removed");
    }

    @Test
    void a_MerchantId_header_naming_another_merchant_is_refused_like_a_bad_token() {
        var m = cofre.merchant("Header owner");
        var other = cofre.merchant("Header other");
        String bearer = cofre.bearer(m);
        String ref = tokenize(bearer, null);
        for (String header : List.of(other.merchant().id().toString(), "not-a-guid")) {
            var r = cofre.send("GET", "/v1/Token/" + ref, null, Map.of("Authorization", "Bearer " + bearer,
                    "MerchantId", header));
            assertEquals(401, r.status(), r.body());
            assertEquals(797, r.json().get(0).get("Code").asInt());
            assertTrue(r.header("WWW-Authenticate").startsWith("Bearer"));
        }
        var own = cofre.send("GET", "/v1/Token/" + ref, null, Map.of("Authorization", "Bearer " + bearer,
                "MerchantId", m.merchant().id().toString().toUpperCase(java.util.Locale.ROOT)));
        assertEquals(200, own.status(), own.body());
    }

    @Test
    void a_chunked_body_is_read_like_any_other() {
        String bearer = cofre.bearer(cofre.merchant("Chunked"));
        var r = cofre.sendChunked("POST", "/v1/Token", card("Chunky", PAN, "12/2030"),
                Map.of("Authorization", "Bearer " + bearer, "Content-Type", "application/json"));
        assertEquals(201, r.status(), r.body());
        assertEquals("Chunky", r.json().get("Alias").asText());
    }

    @Test
    void unknown_fields_are_ignored_but_a_known_field_of_the_wrong_type_is_named() {
        String bearer = cofre.bearer(cofre.merchant("Lenient"));
        var wrong = cofre.vault("POST", "/v1/Token", bearer, "{\"Extra\":{\"x\":[1,2]},\"Card\":{\"Number\":"
                + PAN + ",\"Brand\":\"Visa\"}}");
        assertEquals(400, wrong.status(), wrong.body());
        assertEquals(792, wrong.json().get(0).get("Code").asInt());
        assertEquals("Card.Number", wrong.json().get(0).get("Field").asText());
        assertFalse(wrong.body().contains("Extra") || wrong.body().contains("Brand"), "unknown fields are not echoed");
    }

    @Test
    void every_known_field_of_the_wrong_type_is_named_at_once_and_nothing_is_vaulted() {
        String bearer = cofre.bearer(cofre.merchant("Wrong types"));
        var wrong = cofre.vault("POST", "/v1/Token", bearer, "{\"Alias\":7,\"Card\":{\"Number\":" + PAN
                + ",\"holder\":[\"x\"],\"ExpirationDate\":\"12/2030\",\"SecurityCode\":123}}");
        assertEquals(400, wrong.status(), wrong.body());
        var fields = new java.util.ArrayList<String>();
        wrong.json().forEach(p -> {
            assertEquals(792, p.get("Code").asInt(), wrong.body());
            fields.add(p.get("Field").asText());
        });
        assertEquals(java.util.List.of("Alias", "Card.Number", "Card.Holder", "Card.SecurityCode"), fields);
        assertFalse(wrong.body().contains(PAN), "never the number");
        assertEquals(404, cofre.vault("GET", "/v1/Alias/7/TokenReference", bearer, null).status(), "nothing vaulted");
    }

    @Test
    void SaveCreditCard_with_a_bad_RequestId_names_every_other_invalid_field_too() {
        var m = cofre.merchant("Bad RequestId");
        var bad = cofre.justClick("SaveCreditCard", "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"RequestId\":\"pedido-1\","
                + "\"CustomerName\":\"Comprador\",\"CardHolder\":\"Teste Holder\",\"CardNumber\":\"4551870000000184\","
                + "\"CardExpiration\":\"03/2029\"}");
        assertEquals(422, bad.status(), bad.body());
        var codes = new java.util.ArrayList<Integer>();
        bad.json().get("ErrorReportCollection").forEach(e -> codes.add(e.get("ErrorCode").asInt()));
        assertTrue(codes.contains(716) && codes.contains(708), "the RequestId and the card number: " + bad.body());
        assertFalse(bad.json().get("Success").asBoolean());

        var masked = cofre.justClick("GetMaskedCreditCard", "{\"MerchantKey\":\"" + m.merchantKey()
                + "\",\"RequestId\":\"pedido-2\",\"JustClickKey\":\"not-a-key\"}");
        var maskedCodes = new java.util.ArrayList<Integer>();
        masked.json().get("ErrorReportCollection").forEach(e -> maskedCodes.add(e.get("ErrorCode").asInt()));
        assertEquals(java.util.List.of(716, 704), maskedCodes, masked.body());
    }

    // ---------------------------------------------------------------- seed 004

    @Test
    void the_seed_004_methods_answer_with_the_seed_004_fields() {
        var m = cofre.merchant("Seed 004", "127.0.0.1/32", "::1/128");
        String requestId = RunningCofre.guid();
        var saved = cofre.justClick("SaveCreditCard", "{\"MerchantKey\":\"" + m.merchantKey() + "\","
                + "\"CustomerIdentification\":\"12345678909\",\"CustomerName\":\"Comprador Fulano de tal\","
                + "\"CardHolder\":\"Teste Holder\",\"CardNumber\":\"" + PAN + "\",\"CardExpiration\":\"03/2029\","
                + "\"JustClickAlias\":\"XPTO\",\"RequestId\":\"" + requestId + "\",\"Version\":\"2.0\"}");
        assertEquals(200, saved.status(), saved.body());
        String key = saved.json().get("JustClickKey").asText();
        assertSuccess(saved.json(), requestId);

        String cardRequest = "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"JustClickKey\":\"" + key
                + "\",\"JustClickAlias\":\"XPTO\",\"RequestId\":\"%s\",\"Version\":\"2.0\"}";
        String rid = RunningCofre.guid();
        var masked = cofre.justClick("GetMaskedCreditCard", cardRequest.formatted(rid));
        assertEquals(200, masked.status(), masked.body());
        assertEquals("Teste Holder", masked.json().get("CardHolder").asText());
        assertEquals("03/2029", masked.json().get("CardExpiration").asText());
        assertEquals("455187******0183", masked.json().get("MaskedCardNumber").asText());
        assertEquals(rid, masked.json().get("RequestId").asText());
        assertFalse(masked.body().contains(PAN));
        assertSuccess(masked.json(), rid);

        rid = RunningCofre.guid();
        var clear = cofre.justClick("GetCreditCard", cardRequest.formatted(rid));
        assertEquals(200, clear.status(), clear.body());
        assertEquals(PAN, clear.json().get("CardNumber").asText());
        assertEquals("Teste Holder", clear.json().get("CardHolder").asText());
        assertEquals("03/2029", clear.json().get("CardExpiration").asText());
        assertEquals("455187******0183", clear.json().get("MaskedCardNumber").asText());
        assertSuccess(clear.json(), rid);

        rid = RunningCofre.guid();
        var recovered = cofre.justClick("GetJustClickKey", "{\"MerchantKey\":\"" + m.merchantKey()
                + "\",\"SaveCreditCardRequestId\":\"" + requestId + "\",\"RequestId\":\"" + rid + "\"}");
        assertEquals(200, recovered.status(), recovered.body());
        assertEquals(key, recovered.json().get("JustClickKey").asText());
        assertSuccess(recovered.json(), rid);

        rid = RunningCofre.guid();
        var invalidated = cofre.justClick("InvalidateCreditCard", cardRequest.formatted(rid));
        assertEquals(200, invalidated.status(), invalidated.body());
        assertSuccess(invalidated.json(), rid);
        var afterwards = cofre.justClick("GetCreditCard", cardRequest.formatted(RunningCofre.guid()));
        assertFalse(afterwards.json().get("Success").asBoolean());
        assertFalse(afterwards.body().contains(PAN));
    }

    private static void assertSuccess(JsonNode body, String correlationId) {
        assertTrue(body.get("Success").asBoolean(), body.toString());
        assertEquals(correlationId, body.get("CorrelationId").asText());
        assertEquals(0, body.get("ErrorReportCollection").size());
    }

    @Test
    void every_card_number_read_is_audited_refusals_included() {
        var m = cofre.merchant("Audited", "10.0.0.0/8");
        String key = cofre.justClick("SaveCreditCard", saveCard(m, RunningCofre.guid(), null)).json()
                .get("JustClickKey").asText();
        int before = auditCount(m);
        var refused = cofre.justClick("GetCreditCard",
                "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"JustClickKey\":\"" + key + "\"}");
        assertEquals(403, refused.status());
        assertEquals(731, refused.json().at("/ErrorReportCollection/0/ErrorCode").asInt());
        assertEquals("Invalid IP address", refused.json().at("/ErrorReportCollection/0/ErrorMessage").asText());
        assertFalse(refused.body().contains(PAN));
        assertEquals(before + 1, auditCount(m));
    }

    private int auditCount(RegisterMerchant.Registered m) {
        return cofre.wiring().auditTrail().of(m.merchant().id()).size();
    }

    static String saveCard(RegisterMerchant.Registered m, String requestId, String alias) {
        return "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"CustomerName\":\"Comprador\",\"CardHolder\":\"Teste Holder\","
                + "\"CardNumber\":\"" + PAN + "\",\"CardExpiration\":\"03/2029\",\"RequestId\":\"" + requestId + "\""
                + (alias == null ? "" : ",\"JustClickAlias\":\"" + alias + "\"") + "}";
    }

    // ---------------------------------------------------------------- merchants apart

    @Test
    void a_merchant_can_neither_see_nor_change_nor_read_another_merchants_tokens() {
        var alice = cofre.merchant("Alice", "127.0.0.1/32", "::1/128");
        var bob = cofre.merchant("Bob", "127.0.0.1/32", "::1/128");
        String aliceBearer = cofre.bearer(alice);
        String bobBearer = cofre.bearer(bob);
        String ref = tokenize(aliceBearer, "Shared-Name");

        for (Reply r : List.of(
                cofre.vault("GET", "/v1/Token/" + ref, bobBearer, null),
                cofre.vault("PUT", "/v1/Token/" + ref + "/suspend", bobBearer, SEED_CHANGE),
                cofre.vault("PUT", "/v1/Token/" + ref + "/reactivate", bobBearer, SEED_CHANGE),
                cofre.vault("DELETE", "/v1/Token/" + ref, bobBearer, SEED_CHANGE),
                cofre.vault("GET", "/v1/Alias/Shared-Name/TokenReference", bobBearer, null))) {
            assertEquals(404, r.status(), r.body());
            assertEquals(724, r.json().get(0).get("Code").asInt());
        }
        String cardRequest = "{\"MerchantKey\":\"" + bob.merchantKey() + "\",\"JustClickKey\":\"" + ref + "\"}";
        for (String method : List.of("GetCreditCard", "GetMaskedCreditCard", "InvalidateCreditCard")) {
            var r = cofre.justClick(method, cardRequest);
            assertEquals(404, r.status(), method + ": " + r.body());
            assertEquals(724, r.json().at("/ErrorReportCollection/0/ErrorCode").asInt());
            assertFalse(r.body().contains(PAN));
        }
        var own = cofre.vault("GET", "/v1/Token/" + ref, aliceBearer, null);
        assertEquals("Active", own.json().get("Status").asText());
        // Bob may use the same alias for his own card
        tokenize(bobBearer, "Shared-Name");
    }

    // ---------------------------------------------------------------- OAuth

    @Test
    void a_bearer_token_stops_working_once_expires_in_has_passed() {
        var m = cofre.merchant("Expiring");
        String bearer = cofre.bearer(m);
        cofre.clock.advance(Duration.ofSeconds(598));
        assertEquals(404, cofre.vault("GET", "/v1/Token/" + RunningCofre.guid(), bearer, null).status());
        cofre.clock.advance(Duration.ofSeconds(1));
        var expired = cofre.vault("GET", "/v1/Token/" + RunningCofre.guid(), bearer, null);
        assertEquals(401, expired.status());
        assertTrue(expired.header("WWW-Authenticate").contains("invalid_token"));
        assertEquals(797, expired.json().get(0).get("Code").asInt());
        assertEquals(200, cofre.token(m.clientId(), m.clientSecret()).status(), "a new one can be had");
    }

    @Test
    void repeated_wrong_secrets_throttle_the_client_id_until_the_window_passes() {
        var m = cofre.merchant("Guessed");
        for (int i = 0; i < 5; i++) {
            var wrong = cofre.token(m.clientId(), "wrong-secret-" + i);
            assertEquals(401, wrong.status());
            assertEquals("invalid_client", wrong.json().get("error").asText());
        }
        var throttled = cofre.token(m.clientId(), m.clientSecret());
        assertEquals(429, throttled.status());
        assertNotNull(throttled.header("Retry-After"));
        var other = cofre.merchant("Other");
        assertEquals(200, cofre.token(other.clientId(), other.clientSecret()).status(), "other clients go on");
        cofre.clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(200, cofre.token(m.clientId(), m.clientSecret()).status());
    }

    // ---------------------------------------------------------------- alias, idempotency, lockout

    @Test
    void an_alias_can_be_claimed_again_only_once_its_token_is_removed() {
        String bearer = cofre.bearer(cofre.merchant("Aliases"));
        String first = tokenize(bearer, "XPTO");
        var conflict = cofre.vault("POST", "/v1/Token", bearer, card("XPTO", PAN, "12/2030"));
        assertEquals(409, conflict.status());
        assertEquals(749, conflict.json().get(0).get("Code").asInt());
        assertEquals(first, cofre.vault("GET", "/v1/Alias/XPTO/TokenReference", bearer, null).json()
                .get("TokenReference").asText());
        assertEquals(200, cofre.vault("DELETE", "/v1/Token/" + first, bearer, SEED_CHANGE).status());
        assertEquals(404, cofre.vault("GET", "/v1/Alias/XPTO/TokenReference", bearer, null).status());
        String second = tokenize(bearer, "XPTO");
        assertNotEquals(first, second);
        assertEquals(second, cofre.vault("GET", "/v1/Alias/XPTO/TokenReference", bearer, null).json()
                .get("TokenReference").asText());
    }

    @Test
    void a_retried_tokenize_with_the_same_idempotency_key_returns_the_first_token() {
        String bearer = cofre.bearer(cofre.merchant("Retrying"));
        var headers = Map.of("Authorization", "Bearer " + bearer, "Content-Type", "application/json",
                "Idempotency-Key", "order-42");
        var first = cofre.send("POST", "/v1/Token", card(null, PAN, "12/2030"), headers);
        var again = cofre.send("POST", "/v1/Token", card(null, PAN, "12/2030"), headers);
        assertEquals(first.json().get("TokenReference"), again.json().get("TokenReference"));
        var other = cofre.send("POST", "/v1/Token", card(null, "5555555555554444", "12/2030"), headers);
        assertEquals(409, other.status());
        assertEquals(765, other.json().get(0).get("Code").asInt());
    }

    @Test
    void five_unknown_request_ids_lock_GetJustClickKey_until_an_operator_unlocks_it() {
        var m = cofre.merchant("Forgetful");
        String requestId = RunningCofre.guid();
        cofre.justClick("SaveCreditCard", saveCard(m, requestId, null));
        String ask = "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"SaveCreditCardRequestId\":\"%s\"}";
        for (int i = 0; i < 5; i++) {
            var r = cofre.justClick("GetJustClickKey", ask.formatted(RunningCofre.guid()));
            assertEquals(733, r.json().at("/ErrorReportCollection/0/ErrorCode").asInt());
        }
        var locked = cofre.justClick("GetJustClickKey", ask.formatted(requestId));
        assertEquals(403, locked.status());
        assertEquals(734, locked.json().at("/ErrorReportCollection/0/ErrorCode").asInt());
        cofre.wiring().vault().unlockJustClickKey().unlock(m.merchant().id());
        assertEquals(200, cofre.justClick("GetJustClickKey", ask.formatted(requestId)).status());
    }

    // ---------------------------------------------------------------- restart

    @Test
    void tokens_survive_a_restart_and_still_detokenize() {
        var m = cofre.merchant("Durable", "127.0.0.1/32", "::1/128");
        String bearer = cofre.bearer(m);
        String ref = tokenize(bearer, "Kept");
        cofre.restart();
        var got = cofre.vault("GET", "/v1/Token/" + ref, bearer, null);
        assertEquals(200, got.status(), "the bearer token is stored (hashed) too: " + got.body());
        assertEquals("************0183", got.json().at("/Card/Number").asText());
        assertEquals(ref, cofre.vault("GET", "/v1/Alias/Kept/TokenReference", bearer, null).json()
                .get("TokenReference").asText());
        var clear = cofre.justClick("GetCreditCard",
                "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"JustClickKey\":\"" + ref + "\"}");
        assertEquals(200, clear.status(), clear.body());
        assertEquals(PAN, clear.json().get("CardNumber").asText());
    }

    // ---------------------------------------------------------------- bad inputs

    /** One bad request: who sends what, and the status and code (or OAuth error) the caller gets. */
    record BadInput(String name, Function<VaultServerContract, Reply> send, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    final List<BadInput> badInputs() {
        return BadInputs.all();
    }

    Stream<Arguments> badInputArguments() {
        return badInputs().stream().map(b -> Arguments.of(b.name(), b));
    }

    Fixture fixture;

    /** A merchant with a token held under alias "Held", a removed token, another merchant's token, a used RequestId. */
    record Fixture(RegisterMerchant.Registered merchant, String bearer, String token, String foreignToken,
                   String usedRequestId, String removedToken) {
    }

    Fixture fixture() {
        if (fixture == null) {
            var a = cofre.merchant("Fixture", "10.0.0.0/8");
            var b = cofre.merchant("Foreign");
            String bearer = cofre.bearer(a);
            String token = tokenize(bearer, "Held");
            String foreign = tokenize(cofre.bearer(b), null);
            String used = RunningCofre.guid();
            assertEquals(200, cofre.justClick("SaveCreditCard", saveCard(a, used, null)).status());
            String removed = tokenize(bearer, null);
            assertEquals(200, cofre.vault("DELETE", "/v1/Token/" + removed, bearer, SEED_CHANGE).status());
            fixture = new Fixture(a, bearer, token, foreign, used, removed);
        }
        return fixture;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputArguments")
    void a_bad_request_gets_a_clear_error_in_its_dialect_and_changes_nothing(String name, BadInput bad) {
        fixture();
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());
        Reply r = bad.send().apply(this);
        assertEquals(bad.status(), r.status(), name + ": " + r.body());
        assertErrorCode(r, bad.code());
        assertFalse(r.body().contains(PAN), "no card number");
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), "no stack trace");
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    String snapshotUrl() {
        return jdbcUrl() != null ? jdbcUrl() : "jdbc:sqlite:" + dataDir.resolve("cofre.db");
    }

    @Test
    void a_request_with_every_card_field_wrong_gets_every_code_in_one_answer_and_changes_nothing() {
        // Its own merchant: the shared fixture's bearer must not be issued before other tests move the clock.
        var merchant = cofre.merchant("Every field wrong");
        String bearer = cofre.bearer(merchant);
        String token = tokenize(bearer, null);
        String before = DatabaseSnapshot.of(snapshotUrl(), schema());
        // The request of issue 9, which used to answer only 706.
        Reply vault = cofre.vault("POST", "/v1/Token", bearer, "{\"Card\":{\"Number\":\"4551870000000184\","
                + "\"Holder\":\"\",\"ExpirationDate\":\"13/2030\",\"SecurityCode\":\"12\"}}");
        assertEquals(422, vault.status(), vault.body());
        var items = new ArrayList<String>();
        vault.json().forEach(e -> items.add(e.get("Code").asInt() + " " + e.get("Field").asText()));
        assertEquals(List.of("706 Card.Holder", "708 Card.Number", "710 Card.ExpirationDate", "712 Card.SecurityCode"),
                items.stream().sorted().toList());

        Reply justClick = cofre.justClick("SaveCreditCard", "{\"MerchantKey\":\"" + merchant.merchantKey()
                + "\",\"CustomerName\":\"\",\"CardHolder\":\"Teste Holder\",\"CardNumber\":\"4551870000000184\","
                + "\"CardExpiration\":\"13/2029\",\"JustClickAlias\":\"two words\",\"RequestId\":\""
                + RunningCofre.guid() + "\"}");
        assertEquals(422, justClick.status(), justClick.body());
        var codes = new ArrayList<Integer>();
        justClick.json().get("ErrorReportCollection").forEach(e -> codes.add(e.get("ErrorCode").asInt()));
        assertEquals(List.of(705, 708, 710, 713), codes.stream().sorted().toList(), justClick.body());

        Reply change = cofre.vault("PUT", "/v1/Token/" + token + "/suspend", bearer,
                "{\"RemovedBy\":\"Someone\",\"Reason\":\"\"}");
        assertEquals(422, change.status(), change.body());
        var changeCodes = new ArrayList<Integer>();
        change.json().forEach(e -> changeCodes.add(e.get("Code").asInt()));
        assertEquals(List.of(714, 715), changeCodes.stream().sorted().toList(), change.body());
        assertEquals(before, DatabaseSnapshot.of(snapshotUrl(), schema()), "nothing changed");
    }

    private static void assertErrorCode(Reply r, String code) {
        JsonNode body = r.json();
        if (body.isArray()) {
            var codes = new ArrayList<String>();
            body.forEach(e -> {
                codes.add(e.get("Code").asText());
                assertTrue(e.hasNonNull("Message"));
            });
            assertTrue(codes.contains(code), "codes " + codes + " lack " + code);
        } else if (body.has("ErrorReportCollection")) {
            assertFalse(body.get("Success").asBoolean());
            var codes = new ArrayList<String>();
            body.get("ErrorReportCollection").forEach(e -> codes.add(e.get("ErrorCode").asText()));
            assertTrue(codes.contains(code), "codes " + codes + " lack " + code);
        } else {
            assertEquals(code, body.get("error").asText(), r.body());
            assertTrue(body.hasNonNull("error_description"));
        }
    }

    // ---------------------------------------------------------------- operations

    @Test
    void each_request_is_logged_as_one_line_without_body_or_card_number() {
        var logger = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("cofre.requests");
        var appender = new ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent>();
        appender.start();
        logger.addAppender(appender);
        try {
            var m = cofre.merchant("Logged");
            String bearer = cofre.bearer(m);
            String ref = tokenize(bearer, null);
            cofre.vault("POST", "/v1/Token", bearer, card(null, "4551870000000184", "12/2030"));
            var lines = appender.list.stream().map(ch.qos.logback.classic.spi.ILoggingEvent::getFormattedMessage)
                    .toList();
            assertEquals(3, lines.size(), lines.toString());
            assertEquals("method=POST path=/v1/Token status=201", lines.get(1).substring(0, lines.get(1).indexOf(" duration_ms")));
            assertTrue(lines.get(1).endsWith("merchant=" + m.merchant().id()), lines.get(1));
            assertTrue(lines.get(2).contains("status=422"));
            for (String line : lines) {
                assertFalse(line.contains("455187") || line.contains("Jose") || line.contains(ref), line);
            }
        } finally {
            logger.detachAppender(appender);
        }
    }

    @Test
    void health_readiness_and_the_OpenAPI_document_are_served() {
        assertEquals("UP", cofre.send("GET", "/health", null, Map.of()).json().get("status").asText());
        assertEquals("READY", cofre.send("GET", "/ready", null, Map.of()).json().get("status").asText());
        JsonNode openApi = cofre.send("GET", "/openapi.json", null, Map.of()).json();
        assertTrue(openApi.get("openapi").asText().startsWith("3."));
        for (String path : List.of("/oauth2/token", "/v1/Token", "/v1/Token/{TokenReference}",
                "/v1/Token/{TokenReference}/suspend", "/v1/Token/{TokenReference}/reactivate",
                "/v1/Token/{TokenReference}/unsuspend", "/v2/cartaoprotegido.asmx",
                "/v1/Alias/{Alias}/TokenReference", "/justclick/SaveCreditCard", "/justclick/GetMaskedCreditCard",
                "/justclick/GetCreditCard", "/justclick/GetJustClickKey", "/justclick/InvalidateCreditCard")) {
            assertTrue(openApi.get("paths").has(path), path);
        }
    }
}
