package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.merchant.AuthenticateMerchant;
import dev.cofre.domain.audit.AuditEvent;
import dev.cofre.domain.merchant.MerchantId;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "credentials that cannot be revoked": the operator rotates a merchant's client secret
 * and MerchantKey, revokes its access tokens and disables it, through the real command line, and
 * every server sharing the database obeys within the bound of its bearer, MerchantKey and secret key caches
 * (README, "Operator commands"; issue 13), over real HTTP, JSON and SOAP. Disabling also stops the orders
 * API's {@code sk_} secret keys and the Mercado Pago dialect's {@code APP_USR-} access tokens.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MerchantCredentialControlsTest {

    private static final String POSTGRES = OnPostgres.URL;

    private static CommandLineRun cli(RunningCofre cofre, String... args) {
        var run = CommandLineRun.of(cofre::settings, args);
        assertEquals(0, run.exit(), run.err());
        return run;
    }

    private static String bearer(RunningCofre cofre, String clientId, String secret) {
        var issued = cofre.token(clientId, secret);
        assertEquals(200, issued.status(), issued.body());
        return issued.json().get("access_token").asText();
    }

    /** 404 for an unknown token with a valid bearer; 401 when the bearer is not (any more). */
    private static int bearerStatus(RunningCofre cofre, String bearer) {
        return cofre.vault("GET", "/v1/Token/" + RunningCofre.guid(), bearer, null).status();
    }

    /**
     * A bearer a server has cached stops within the bound the README states
     * ({@link AuthenticateMerchant#REVALIDATE_AFTER}), plus scheduling slack on a loaded machine.
     */
    private static void refusedWithinTheBound(RunningCofre cofre, String bearer) {
        assertTrue(stopsWithinTheBound(() -> bearerStatus(cofre, bearer) != 401),
                "a revoked bearer still works after the bound");
    }

    /** Whether {@code works} turns false within the bound, plus scheduling slack on a loaded machine. */
    private static boolean stopsWithinTheBound(BooleanSupplier works) {
        long deadline = System.nanoTime() + AuthenticateMerchant.REVALIDATE_AFTER.plusSeconds(2).toNanos();
        boolean working;
        while ((working = works.getAsBoolean()) && System.nanoTime() < deadline) {
            sleep(50);
        }
        return !working;
    }

    /** A MerchantKey a server has cached stops, over JSON and SOAP, within the bound. */
    private static void merchantKeyRefusedWithinTheBound(RunningCofre cofre, String merchantKey) {
        assertTrue(stopsWithinTheBound(() -> merchantKeyWorks(cofre, merchantKey)),
                "an old or disabled MerchantKey still works over JSON after the bound");
        assertTrue(stopsWithinTheBound(() -> merchantKeyWorksOverSoap(cofre, merchantKey)),
                "an old or disabled MerchantKey still works over SOAP after the bound");
    }

    /** 404 for an unknown order with a working secret key; 401 in Pagar.me's format when it is refused. */
    private static RunningCofre.Reply ordersRead(RunningCofre cofre, String secretKey) {
        return cofre.send("GET", "/core/v5/orders/or_" + RunningCofre.guid().replace("-", ""), null,
                Map.of("Authorization", OrdersServerContract.basic(secretKey)));
    }

    /** 404 for an unknown customer with a working access token; 401 in Mercado Pago's format when it is refused. */
    private static RunningCofre.Reply customerRead(RunningCofre cofre, String accessToken) {
        return MercadoPagoServerContract.send(cofre, accessToken, "GET", "/v1/customers/" + RunningCofre.guid(), null, null);
    }

    /** A disabled merchant's secret key and access token, cached by the server, stop within the bound. */
    private static void staticKeysRefusedWithinTheBound(RunningCofre cofre, String secretKey, String accessToken) {
        assertTrue(stopsWithinTheBound(() -> ordersRead(cofre, secretKey).status() != 401),
                "a disabled merchant's secret key still works after the bound");
        var refused = ordersRead(cofre, secretKey);
        assertEquals("Authorization has been denied for this request.", refused.json().get("message").asText(),
                refused.body());
        assertTrue(stopsWithinTheBound(() -> customerRead(cofre, accessToken).status() != 401),
                "a disabled merchant's access token still works after the bound");
        MercadoPagoServerContract.assertVendorError(customerRead(cofre, accessToken), 401);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static boolean merchantKeyWorks(RunningCofre cofre, String merchantKey) {
        var saved = cofre.justClick("SaveCreditCard", "{\"MerchantKey\":\"" + merchantKey + "\",\"CustomerName\":\"C\","
                + "\"CardHolder\":\"Teste Holder\",\"CardNumber\":\"4551870000000183\",\"CardExpiration\":\"03/2029\","
                + "\"RequestId\":\"" + RunningCofre.guid() + "\"}");
        return saved.status() == 200 && saved.json().path("Success").asBoolean();
    }

    private static boolean merchantKeyWorksOverSoap(RunningCofre cofre, String merchantKey) {
        var saved = JustClickSoapTest.result(cofre.soap(JustClickSoapTest.ASMX, JustClickSoapTest.sdkEnvelope(
                "SaveCreditCard", "saveCreditCardRequestWS", JustClickSoapTest.fields("RequestId", RunningCofre.guid(),
                        "MerchantKey", merchantKey, "CustomerIdentification", "12345678909", "CustomerName", "C",
                        "CardHolder", "Teste Holder", "CardNumber", "4551870000000183", "CardExpiration", "03/2029",
                        "JustClickAlias", "")), null), "SaveCreditCard");
        return "true".equals(saved.get("Success"));
    }

    /** {@code one} and {@code two} share a database; the commands run against {@code one}'s settings. */
    private static void controls(RunningCofre one, RunningCofre two) {
        var added = cli(one, "merchants", "add", "Vazada");
        String clientId = added.field("client id");
        String secret = added.field("client secret");
        String merchantKey = added.field("MerchantKey");
        String secretKey = added.field("secret key");
        String accessToken = added.field("access token");
        var merchant = MerchantId.of(added.field("merchant id"));
        String onOne = bearer(one, clientId, secret);
        String onTwo = bearer(two, clientId, secret);
        assertEquals(404, bearerStatus(two, onOne));
        assertEquals(404, bearerStatus(one, onOne));
        assertEquals(404, bearerStatus(one, onTwo));

        // Revoke the access tokens: every one stops on every server (cached ones within the bound);
        // the secret still buys new ones.
        assertTrue(cli(one, "merchants", "revoke-tokens", "Vazada").out().contains("2 access tokens"));
        for (var server : List.of(one, two)) {
            refusedWithinTheBound(server, onOne);
            refusedWithinTheBound(server, onTwo);
        }
        String fresh = bearer(two, clientId, secret);

        // Rotate the client secret: the old one and the tokens it bought stop; the new one works.
        var rotated = cli(one, "merchants", "rotate-secret", merchant.toString());
        String newSecret = rotated.field("client secret");
        assertEquals(401, two.token(clientId, secret).status());
        assertEquals(401, bearerStatus(one, fresh));
        assertEquals(404, bearerStatus(one, bearer(two, clientId, newSecret)));
        assertFalse(cli(one, "merchants", "list").out().contains(newSecret), "never a secret in the list");

        // Rotate the MerchantKey: the old one, cached by both servers, stops on every server within the
        // bound, over JSON and SOAP; the new one works at once.
        for (var server : List.of(one, two)) {
            assertTrue(merchantKeyWorks(server, merchantKey));
            assertTrue(merchantKeyWorksOverSoap(server, merchantKey));
        }
        String newKey = cli(one, "merchants", "rotate-merchant-key", "Vazada").field("MerchantKey");
        assertTrue(merchantKeyWorks(one, newKey));
        for (var server : List.of(one, two)) {
            merchantKeyRefusedWithinTheBound(server, merchantKey);
            assertTrue(merchantKeyWorksOverSoap(server, newKey));
        }

        // Disable: nothing authenticates anywhere; enable: the current credentials work again.
        String beforeDisable = bearer(one, clientId, newSecret);
        assertEquals(404, bearerStatus(two, beforeDisable));
        for (var server : List.of(one, two)) {
            assertEquals(404, ordersRead(server, secretKey).status(), "the secret key works, and is now cached");
            assertEquals(404, customerRead(server, accessToken).status(), "the access token works, and is now cached");
        }
        cli(one, "merchants", "disable", "Vazada");
        assertTrue(cli(one, "merchants", "list").out().contains("disabled"));
        for (var server : List.of(one, two)) {
            assertEquals(401, server.token(clientId, newSecret).status());
            refusedWithinTheBound(server, beforeDisable);
            merchantKeyRefusedWithinTheBound(server, newKey);
            staticKeysRefusedWithinTheBound(server, secretKey, accessToken);
        }
        cli(one, "merchants", "enable", "Vazada");
        assertTrue(merchantKeyWorks(two, newKey));
        assertEquals(404, bearerStatus(two, bearer(one, clientId, newSecret)));
        for (var server : List.of(one, two)) {
            assertEquals(404, ordersRead(server, secretKey).status(), "enabled: the secret key works again at once");
            assertEquals(404, customerRead(server, accessToken).status(), "enabled: the access token works again at once");
        }

        var actions = one.wiring().auditTrail().of(merchant)
                .filter(e -> e.action().startsWith("merchant.")).map(AuditEvent::action).toJavaList();
        assertEquals(List.of("merchant.revoke-access-tokens", "merchant.rotate-client-secret",
                "merchant.rotate-merchant-key", "merchant.disable", "merchant.enable"), actions);
    }

    @Test
    @OnPostgres
    void every_server_on_one_PostgreSQL_obeys_a_rotation_revocation_or_disabling_within_the_bound(@TempDir Path dir) {
        String schema = "controls_" + Long.toHexString(System.nanoTime());
        try (var one = new RunningCofre(dir.resolve("one"), POSTGRES, schema, RunningCofre.SEED_TIME);
             var two = new RunningCofre(dir.resolve("two"), POSTGRES, schema, RunningCofre.SEED_TIME,
                     Map.of("COFRE_KEY_FILE", dir.resolve("one").resolve("cofre.keys").toString()))) {
            controls(one, two);
        }
    }

    @Test
    void the_server_on_a_SQLite_file_obeys_the_commands_run_beside_it(@TempDir Path dir) {
        try (var one = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME)) {
            controls(one, one);
        }
    }

    @Test
    void an_unknown_merchant_is_named_and_nothing_changes(@TempDir Path dir) {
        try (var one = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME)) {
            var refused = CommandLineRun.of(one::settings, "merchants", "disable", "Ninguém");
            assertEquals(2, refused.exit());
            assertTrue(refused.err().contains("No single merchant has id or name 'Ninguém'"));
        }
    }
}
