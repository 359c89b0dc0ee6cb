package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cofre.application.charge.AuthorizeCharge;
import dev.cofre.application.charge.CardInput;
import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.TransactionStatus;
import dev.cofre.domain.merchant.Merchant;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reconciler as an operator meets it: the server's background runs and the {@code charges
 * reconcile} command settle a charge the simulator timed out on (test card 4000000000000036), on
 * SQLite and on PostgreSQL, through the wiring the jar uses (the configured simulator acquirer).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ReconcilerTest {

    private static final String POSTGRES = OnPostgres.URL;
    private static final String TIMEOUT_CARD = "4000000000000036";

    private static Merchant merchant(RunningCofre cofre) {
        return cofre.wiring().accounts().register()
                .register(new RegisterMerchant.Command("Stark Industries", List.of(), true, true, null, null))
                .get().merchant();
    }

    private static Charge charge(RunningCofre cofre, Merchant merchant, String number, String key) {
        return cofre.wiring().charging().authorize().authorize(merchant, new AuthorizeCharge.Command(key,
                List.of(new AuthorizeCharge.Item("Chaveiro do Tesseract", 2990L, 1)),
                new CardInput.PresentedCard(number, "Tony Stark", 1, 30, "353"), null)).get();
    }

    private static TransactionStatus status(RunningCofre cofre, Charge charge) {
        return cofre.wiring().charging().get().get(charge.merchant(), charge.id().value()).get()
                .lastTransaction().status();
    }

    private static String reconcileCommand(RunningCofre cofre) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Cli.run(cofre::settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "charges", "reconcile");
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }

    private void theCommandSettlesWhatTheServerLeftInDoubt(RunningCofre cofre) {
        Merchant merchant = merchant(cofre);
        Charge timedOut = charge(cofre, merchant, TIMEOUT_CARD, "order-1");
        Charge approved = charge(cofre, merchant, "4000000000000010", "order-2");
        assertEquals(TransactionStatus.WITH_ERROR, timedOut.lastTransaction().status(), "a timeout is never a decline");

        String out = reconcileCommand(cofre); // another wiring, another simulator: as another process would

        assertTrue(out.contains(timedOut.id() + " " + timedOut.lastTransaction().id() + " with_error -> captured"), out);
        assertTrue(out.contains("Reconciled: asked=1 settled=1 still_in_doubt=0"), out);
        assertTrue(!out.contains(approved.id().value()), "only what was in doubt is asked about: " + out);
        assertEquals(TransactionStatus.CAPTURED, status(cofre, timedOut));
        assertTrue(reconcileCommand(cofre).contains("Reconciled: asked=0 settled=0"), "nothing left to do");
    }

    private void theServerSettlesItInTheBackground(RunningCofre cofre) throws InterruptedException {
        Merchant merchant = merchant(cofre);
        Charge timedOut = charge(cofre, merchant, TIMEOUT_CARD, "order-1");
        assertEquals(TransactionStatus.WITH_ERROR, timedOut.lastTransaction().status());

        long deadline = System.nanoTime() + 15_000_000_000L;
        while (status(cofre, timedOut) == TransactionStatus.WITH_ERROR && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertEquals(TransactionStatus.CAPTURED, status(cofre, timedOut));
    }

    private static Map<String, String> onDemandOnly() {
        return Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0", "COFRE_RECONCILE_GRACE_SECONDS", "0");
    }

    private static Map<String, String> everySecond() {
        return Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "1", "COFRE_RECONCILE_GRACE_SECONDS", "0");
    }

    @Test
    void charges_reconcile_settles_a_timed_out_charge_and_prints_what_it_resolved_on_SQLite(@TempDir Path dir) {
        try (var cofre = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME, onDemandOnly())) {
            theCommandSettlesWhatTheServerLeftInDoubt(cofre);
        }
    }

    @Test
    void charges_reconcile_settles_a_timed_out_charge_and_prints_what_it_resolved_on_PostgreSQL(@TempDir Path dir)
            throws Exception {
        assumeTrue(POSTGRES != null, "set COFRE_TEST_POSTGRES_URL to run the PostgreSQL tests");
        String schema = "reconcile_" + Long.toHexString(System.nanoTime());
        try (var cofre = new RunningCofre(dir, POSTGRES, schema, RunningCofre.SEED_TIME, onDemandOnly())) {
            theCommandSettlesWhatTheServerLeftInDoubt(cofre);
        } finally {
            dropSchema(schema);
        }
    }

    @Test
    void the_server_reconciles_in_the_background_on_its_interval_on_SQLite(@TempDir Path dir) throws Exception {
        try (var cofre = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME, everySecond())) {
            theServerSettlesItInTheBackground(cofre);
        }
    }

    @Test
    void the_server_reconciles_in_the_background_on_its_interval_on_PostgreSQL(@TempDir Path dir) throws Exception {
        assumeTrue(POSTGRES != null, "set COFRE_TEST_POSTGRES_URL to run the PostgreSQL tests");
        String schema = "reconcile_" + Long.toHexString(System.nanoTime());
        try (var cofre = new RunningCofre(dir, POSTGRES, schema, RunningCofre.SEED_TIME, everySecond())) {
            theServerSettlesItInTheBackground(cofre);
        } finally {
            dropSchema(schema);
        }
    }

    @Test
    void an_unknown_acquirer_is_refused_at_start() {
        var refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> Settings.from(Map.of("COFRE_ACQUIRER", "cielo")));
        assertEquals("COFRE_ACQUIRER must be one of: simulator", refused.getMessage());
        assertEquals(Acquirers.Kind.SIMULATOR, Settings.from(Map.of()).charges().acquirer());
    }

    private static void dropSchema(String schema) throws Exception {
        try (var connection = DriverManager.getConnection(POSTGRES);
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
