package dev.cofre.bootstrap;

import static dev.cofre.bootstrap.JustClickSoapTest.ASMX;
import static dev.cofre.bootstrap.JustClickSoapTest.NS;
import static dev.cofre.bootstrap.JustClickSoapTest.PAN;
import static dev.cofre.bootstrap.JustClickSoapTest.cardFields;
import static dev.cofre.bootstrap.JustClickSoapTest.fields;
import static dev.cofre.bootstrap.JustClickSoapTest.prefixedEnvelope;
import static dev.cofre.bootstrap.JustClickSoapTest.result;
import static dev.cofre.bootstrap.JustClickSoapTest.saveFields;
import static dev.cofre.bootstrap.JustClickSoapTest.sdkEnvelope;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.merchant.RegisterMerchant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
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
 * JustClickShop (seed 004) end to end over SOAP on the running server, charging a card vaulted by
 * SaveCreditCard through the charge engine: a charge, a retried RequestId, a decline, a timeout
 * reconciled, the JSON form, every invalid field at once, and a table of bad inputs answered in
 * seed 004's ErrorReportCollection that change nothing in the database. Subclasses pick the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
abstract class JustClickShopContract {

    private Path dataDir;
    private RunningCofre cofre;

    /** The JDBC URL of the database, or null for SQLite in the data directory. */
    abstract String jdbcUrl();

    abstract String schema();

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("cofre-justclickshop");
        cofre = new RunningCofre(dataDir, jdbcUrl(), schema(), RunningCofre.SEED_TIME);
    }

    @AfterAll
    void stop() {
        cofre.close();
    }

    String snapshot() {
        return DatabaseSnapshot.of(jdbcUrl() != null ? jdbcUrl() : "jdbc:sqlite:" + dataDir.resolve("cofre.db"), schema());
    }

    /** A card saved over SOAP for {@code m}, under {@code alias}: its JustClickKey. */
    String saved(RegisterMerchant.Registered m, String number, String alias) {
        var fields = saveFields(m, RunningCofre.guid(), alias);
        fields.put("CardNumber", number);
        var saved = result(cofre.soap(ASMX, sdkEnvelope("SaveCreditCard", "saveCreditCardRequestWS", fields), null),
                "SaveCreditCard");
        assertEquals("true", saved.get("Success"), saved.toString());
        return saved.get("JustClickKey");
    }

    Map<String, String> shopFields(RegisterMerchant.Registered m, String requestId, String key, String amount) {
        return fields("RequestId", requestId, "MerchantKey", m.merchantKey(), "CustomerName", "Comprador",
                "OrderId", "123456", "Amount", amount, "PaymentMethod", "997", "NumberInstallments", "1",
                "PaymentType", "0", "JustClickKey", key, "SecurityCode", "123");
    }

    Map<String, String> shop(Map<String, String> fields) {
        return result(cofre.soap(ASMX, prefixedEnvelope("JustClickShop", "justClickShopRequestWS", fields),
                "\"" + NS + "JustClickShop\""), "JustClickShop");
    }

    @Test
    void JustClickShop_charges_the_vaulted_card_and_a_retried_RequestId_never_charges_twice() {
        var m = cofre.merchant("JustClickShop");
        String key = saved(m, PAN, "Principal");
        String requestId = RunningCofre.guid();
        var paid = shop(shopFields(m, requestId, key, "4567"));
        assertEquals("true", paid.get("Success"), paid.toString());
        assertEquals(requestId, paid.get("CorrelationId"));
        assertEquals("", paid.get("ErrorReportCollection"));
        assertEquals("4567", paid.get("Amount"));
        assertEquals("0", paid.get("Status"), "captured");
        assertEquals("00", paid.get("ReturnCode"));
        assertTrue(paid.get("AquirerTransactionId").matches("[0-9]{9}"), paid.toString());
        assertTrue(paid.get("AuthorizationCode").matches("[0-9]+"), paid.toString());
        assertTrue(paid.get("BraspagTransactionId").matches("[0-9a-f-]{36}"), paid.toString());
        assertEquals(List.of("BraspagTransactionId", "AquirerTransactionId", "Amount", "AuthorizationCode", "Status",
                "ReturnCode", "ReturnMessage"), List.copyOf(paid.keySet()).subList(3, 10), "the WSDL's order");

        var again = shop(shopFields(m, requestId, key, "4567"));
        assertEquals(paid, again, "a retry answers the first charge: the acquirer was not asked again (its TID is the same)");
        var other = shop(shopFields(m, requestId, key, "9999"));
        assertEquals("false", other.get("Success"));
        assertTrue(other.get("ErrorReportCollection").startsWith("765:"), other.toString());

        var byAlias = shopFields(m, RunningCofre.guid(), "", "100");
        byAlias.put("JustClickAlias", "Principal");
        byAlias.put("SecurityCode", "");
        var aliasPaid = shop(byAlias);
        assertEquals("true", aliasPaid.get("Success"), aliasPaid.toString());
        assertFalse(aliasPaid.get("BraspagTransactionId").equals(paid.get("BraspagTransactionId")));
    }

    @Test
    void JustClickShop_answers_a_decline_as_Success_false_with_Status_2_and_a_timeout_as_Status_4_until_reconciled() {
        var m = cofre.merchant("JustClickShop declines");
        var declined = shop(shopFields(m, RunningCofre.guid(), saved(m, "4000000000000051", ""), "1000"));
        assertEquals("false", declined.get("Success"), declined.toString());
        assertEquals("2", declined.get("Status"));
        assertEquals("51", declined.get("ReturnCode"));
        assertEquals("Saldo insuficiente", declined.get("ReturnMessage"));
        assertEquals("", declined.get("ErrorReportCollection"), "the request was fine; the issuer said no");
        assertFalse(declined.containsKey("AuthorizationCode"), declined.toString());

        String requestId = RunningCofre.guid();
        String slow = saved(m, "4000000000000036", "");
        var inDoubt = shop(shopFields(m, requestId, slow, "1000"));
        assertEquals("false", inDoubt.get("Success"), inDoubt.toString());
        assertEquals("4", inDoubt.get("Status"), "no answer is never a decline");

        cofre.clock.advance(Duration.ofMinutes(5));
        cofre.wiring().charging().reconcile().reconcile();
        var settled = shop(shopFields(m, requestId, slow, "1000"));
        assertEquals("true", settled.get("Success"), settled.toString());
        assertEquals("0", settled.get("Status"));
        assertEquals(inDoubt.get("BraspagTransactionId"), settled.get("BraspagTransactionId"), "the same charge");
    }

    @Test
    void JustClickShop_as_JSON_takes_numbers_as_numbers_or_text_and_refuses_other_types() throws Exception {
        var m = cofre.merchant("JustClickShop JSON");
        String key = saved(m, PAN, "");
        String requestId = RunningCofre.guid();
        var paid = cofre.justClick("JustClickShop", "{\"RequestId\":\"" + requestId + "\",\"MerchantKey\":\""
                + m.merchantKey() + "\",\"Amount\":2990,\"NumberInstallments\":\"2\",\"PaymentType\":1,"
                + "\"PaymentMethod\":997,\"JustClickKey\":\"" + key + "\"}");
        assertEquals(200, paid.status(), paid.body());
        assertTrue(paid.json().get("Success").asBoolean(), paid.body());
        assertEquals(2990, paid.json().get("Amount").asInt());
        assertEquals(0, paid.json().get("Status").asInt());
        assertEquals(requestId, paid.json().get("CorrelationId").asText());

        var wrongType = cofre.justClick("JustClickShop", "{\"RequestId\":\"" + RunningCofre.guid()
                + "\",\"MerchantKey\":\"" + m.merchantKey() + "\",\"Amount\":true,\"JustClickKey\":\"" + key + "\"}");
        assertEquals(400, wrongType.status(), wrongType.body());
        assertFalse(wrongType.json().get("Success").asBoolean());
        assertEquals(792, wrongType.json().get("ErrorReportCollection").get(0).get("ErrorCode").asInt(), wrongType.body());
        assertEquals(0, wrongType.json().get("Amount").asInt(), "nothing charged");
    }

    @Test
    void JustClickShop_reports_every_invalid_field_at_once_and_charges_nothing() {
        var m = cofre.merchant("JustClickShop errors");
        String key = saved(m, PAN, "");
        var fields = shopFields(m, RunningCofre.guid(), "not-a-key", "12,50");
        fields.put("NumberInstallments", "x");
        fields.put("PaymentType", "7");
        fields.put("SecurityCode", "12a");
        var bad = shop(fields);
        assertEquals("false", bad.get("Success"));
        assertEquals("00000000-0000-0000-0000-000000000000", bad.get("BraspagTransactionId"), "as the vendor answers");
        assertEquals("0", bad.get("Amount"));
        assertEquals("", bad.get("Status"), "nil");
        String errors = bad.get("ErrorReportCollection");
        for (String expected : List.of("704:", "Amount", "NumberInstallments", "PaymentType", "712:")) {
            assertTrue(errors.contains(expected), expected + " in " + errors);
        }
        assertFalse(errors.contains("12a"), "never the security code: " + errors);

        var unknown = shop(shopFields(m, RunningCofre.guid(), RunningCofre.guid(), "100"));
        assertTrue(unknown.get("ErrorReportCollection").startsWith("724:"), unknown.toString());
        var noCard = shopFields(m, RunningCofre.guid(), "", "100");
        assertTrue(shop(noCard).get("ErrorReportCollection").startsWith("703:"));

        var other = cofre.merchant("JustClickShop other merchant");
        var theirs = shop(shopFields(other, RunningCofre.guid(), key, "100"));
        assertTrue(theirs.get("ErrorReportCollection").startsWith("724:"), "another merchant's card is not found");

        var invalidated = result(cofre.soap(ASMX, sdkEnvelope("InvalidateCreditCard", "invalidateCreditCardRequestWS",
                cardFields(m, RunningCofre.guid(), key, "")), null), "InvalidateCreditCard");
        assertEquals("true", invalidated.get("Success"));
        var refused = shop(shopFields(m, RunningCofre.guid(), key, "100"));
        assertEquals("false", refused.get("Success"), refused.toString());
        assertEquals("3", refused.get("Status"), "refused before the acquirer");
        assertTrue(refused.get("ErrorReportCollection").startsWith("82"), refused.toString());
    }

    /** A JustClickShop request that must be refused before any charge: the change, and the error code it answers. */
    record Bad(String name, Consumer<Map<String, String>> change, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Arguments> badShops() {
        return Stream.of(
                new Bad("an unknown MerchantKey", f -> f.put("MerchantKey", RunningCofre.guid()), "720"),
                new Bad("a MerchantKey that is no GUID", f -> f.put("MerchantKey", "chave"), "702"),
                new Bad("no MerchantKey", f -> f.put("MerchantKey", ""), "701"),
                new Bad("an Amount with a comma", f -> f.put("Amount", "12,50"), null),
                new Bad("a negative Amount", f -> f.put("Amount", "-100"), null),
                new Bad("an Amount of zero", f -> f.put("Amount", "0"), null),
                new Bad("an Amount beyond 64 bits", f -> f.put("Amount", "99999999999999999999"), null),
                new Bad("NumberInstallments as a word", f -> f.put("NumberInstallments", "duas"), null),
                new Bad("zero NumberInstallments", f -> f.put("NumberInstallments", "0"), null),
                new Bad("99 NumberInstallments", f -> f.put("NumberInstallments", "99"), null),
                new Bad("an unknown PaymentType", f -> f.put("PaymentType", "7"), null),
                new Bad("a SecurityCode with a letter", f -> f.put("SecurityCode", "12a"), null),
                new Bad("an unknown JustClickKey", f -> f.put("JustClickKey", RunningCofre.guid()), "724"),
                new Bad("neither a JustClickKey nor an alias", f -> f.put("JustClickKey", ""), "703")
        ).map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badShops")
    void a_bad_JustClickShop_is_answered_in_seed_004s_format_and_changes_nothing(Bad bad) {
        var m = cofre.merchant("JustClickShop bad " + bad.name());
        String key = saved(m, PAN, "");
        var fields = shopFields(m, RunningCofre.guid(), key, "1000");
        bad.change().accept(fields);
        String before = snapshot();

        var answer = shop(fields);

        assertEquals("false", answer.get("Success"), bad.name() + ": " + answer);
        String errors = answer.get("ErrorReportCollection");
        assertFalse(errors.isEmpty(), bad.name() + ": an ErrorReport names the problem");
        if (bad.code() != null) {
            assertTrue(errors.startsWith(bad.code() + ":"), bad.code() + " in " + errors);
        }
        assertEquals("0", answer.get("Amount"), "nothing charged");
        assertFalse(errors.contains(PAN) || errors.contains("12a"), "no card data: " + errors);
        assertEquals(before, snapshot(), "nothing changed");
    }
}
