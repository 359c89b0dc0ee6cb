package dev.cofre.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.charge.AuthorizeCharge;
import dev.cofre.application.charge.CardInput;
import dev.cofre.application.charge.ChargeStores;
import dev.cofre.application.charge.Charging;
import dev.cofre.application.charge.ReconcileCharges;
import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.application.customer.SealingCardTokens;
import dev.cofre.application.inmemory.InMemoryCryptogramHasher;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.AcquirerFields;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeFixtures;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.charge.TransactionStatus;
import dev.cofre.domain.merchant.Merchant;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Two servers (two {@link Database}s, each with its own pool and its own reconciler) on one
 * PostgreSQL schema reconcile the same backlog at the same time: every transaction is settled, and
 * the acquirer is asked about each exactly once, never by both at once.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED)
class ReconcileAcrossServersTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");
    private static final int BACKLOG = 24;

    /** Times out every authorization; answers "approved" to queries, slowly, counting who asks what and when. */
    static final class CountingAcquirer implements Acquirer {
        final Map<TransactionId, AtomicInteger> queries = new ConcurrentHashMap<>();
        final Map<TransactionId, AtomicInteger> inFlight = new ConcurrentHashMap<>();
        final AtomicInteger overlaps = new AtomicInteger();
        private final AtomicInteger sequence = new AtomicInteger();

        @Override
        public AcquirerAnswer authorize(AuthorizationRequest request) {
            return new AcquirerAnswer.Unknown("timeout");
        }

        @Override
        public AcquirerAnswer capture(FollowUpRequest request) {
            return new AcquirerAnswer.Unknown("timeout");
        }

        @Override
        public AcquirerAnswer voidAuthorization(FollowUpRequest request) {
            return new AcquirerAnswer.Unknown("timeout");
        }

        @Override
        public AcquirerAnswer refund(FollowUpRequest request) {
            return new AcquirerAnswer.Unknown("timeout");
        }

        @Override
        public AcquirerAnswer query(TransactionId operation) {
            queries.computeIfAbsent(operation, id -> new AtomicInteger()).incrementAndGet();
            if (inFlight.computeIfAbsent(operation, id -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.sleep(20); // a slow acquirer widens the window for a second asker
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.get(operation).decrementAndGet();
            }
            int n = sequence.incrementAndGet();
            return new AcquirerAnswer.Approved(new AcquirerFields("counting", String.format("%09d", n),
                    String.format("%05d", n), "123", "00", "Transação autorizada com sucesso"));
        }
    }

    @Test
    void two_servers_reconciling_one_backlog_never_ask_the_acquirer_twice_about_a_transaction() throws Exception {
        String schema = TestDatabases.randomSchema();
        var acquirer = new CountingAcquirer();
        var clock = Clock.fixed(NOW, ZoneOffset.UTC);
        Merchant merchant = ChargeFixtures.gateway();
        try (var one = Database.open(TestDatabases.postgresUrl(), schema);
             var two = Database.open(TestDatabases.postgresUrl(), schema)) {
            one.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
            Charging first = charging(one, acquirer, clock);
            Charging second = charging(two, acquirer, clock);
            List<Charge> backlog = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                backlog.add(first.authorize().authorize(merchant, new AuthorizeCharge.Command("order-" + i,
                        List.of(new AuthorizeCharge.Item("Chaveiro do Tesseract", 2990L, 1)),
                        new CardInput.PresentedCard("4000000000000010", "Tony Stark", 1, 30, "353"), null)).get());
            }
            assertEquals(BACKLOG, one.charges().inDoubt().size());

            List<ReconcileCharges.Report> reports = race(List.of(first, first, second, second));

            assertEquals(0, acquirer.overlaps.get(), "no transaction was asked about by two at once");
            assertEquals(BACKLOG, acquirer.queries.size());
            acquirer.queries.forEach((id, n) -> assertEquals(1, n.get(), id + " was asked about once"));
            assertEquals(BACKLOG, reports.stream().mapToInt(ReconcileCharges.Report::moved).sum());
            assertTrue(one.charges().inDoubt().isEmpty());
            for (Charge charge : backlog) {
                assertEquals(TransactionStatus.CAPTURED,
                        two.charges().find(merchant.id(), charge.id()).get().lastTransaction().status());
            }
        } finally {
            TestDatabases.dropSchema(schema);
        }
    }

    private static Charging charging(Database db, Acquirer acquirer, Clock clock) {
        var stores = new ChargeStores(db.charges(), db.tokens(), new SealingCardTokens(db.cardTokens(), new TestCardCipher()), db.spentCryptograms(),
                db.idempotencyKeys(), db.reconcileLeases(), db.transactions(), db.customers(),
                db.savedCards());
        return Charging.create(stores, new TestCardCipher(), new InMemoryCryptogramHasher(), acquirer, clock,
                new SecureIds(), Duration.ZERO);
    }

    private static List<ReconcileCharges.Report> race(List<Charging> servers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(servers.size());
        try {
            var start = new CyclicBarrier(servers.size());
            var futures = new ArrayList<Future<ReconcileCharges.Report>>();
            for (Charging server : servers) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return server.reconcile().reconcile();
                }));
            }
            var reports = new ArrayList<ReconcileCharges.Report>();
            for (var f : futures) {
                reports.add(f.get(120, TimeUnit.SECONDS));
            }
            return reports;
        } finally {
            pool.shutdownNow();
        }
    }
}
