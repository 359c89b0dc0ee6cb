package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.adapters.acquirer.AcquirerSimulator;
import dev.cofre.bootstrap.RunningCofre.Reply;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.TransactionId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two running servers on one PostgreSQL schema, each with its own reconciler, settle one backlog of
 * timed-out orders made over HTTP: every charge ends paid, read through either server, and the
 * acquirer is asked about each authorization exactly once, never by both servers at the same time.
 * (The Database-level race is {@code ReconcileAcrossServersTest} in adapters-persistence.)
 */
@OnPostgres
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OrdersReconcileAcrossServersTest {

    static final int BACKLOG = 12;

    /** One server's way to the one simulator both share, counting who asks about what, and when. */
    static final class Counting implements Acquirer {
        final AcquirerSimulator simulator;
        final Map<TransactionId, AtomicInteger> queries;
        final Map<TransactionId, AtomicInteger> inFlight;
        final AtomicInteger overlaps;

        Counting(AcquirerSimulator simulator, Map<TransactionId, AtomicInteger> queries,
                 Map<TransactionId, AtomicInteger> inFlight, AtomicInteger overlaps) {
            this.simulator = simulator;
            this.queries = queries;
            this.inFlight = inFlight;
            this.overlaps = overlaps;
        }

        @Override
        public AcquirerAnswer authorize(AuthorizationRequest request) {
            return simulator.authorize(request);
        }

        @Override
        public AcquirerAnswer capture(FollowUpRequest request) {
            return simulator.capture(request);
        }

        @Override
        public AcquirerAnswer voidAuthorization(FollowUpRequest request) {
            return simulator.voidAuthorization(request);
        }

        @Override
        public AcquirerAnswer refund(FollowUpRequest request) {
            return simulator.refund(request);
        }

        @Override
        public AcquirerAnswer query(TransactionId operation) {
            queries.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet();
            if (inFlight.computeIfAbsent(operation, o -> new AtomicInteger()).incrementAndGet() > 1) {
                overlaps.incrementAndGet();
            }
            try {
                Thread.sleep(25); // a slow acquirer widens the window in which two servers could both ask
                return simulator.query(operation);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new AcquirerAnswer.Unknown("interrupted");
            } finally {
                inFlight.get(operation).decrementAndGet();
            }
        }
    }

    @Test
    void two_servers_reconcile_one_backlog_asking_about_each_authorization_once(@TempDir Path dir) throws Exception {
        String schema = "orders_reconcile_" + Long.toHexString(System.nanoTime());
        var simulator = new AcquirerSimulator();
        var queries = new ConcurrentHashMap<TransactionId, AtomicInteger>();
        var inFlight = new ConcurrentHashMap<TransactionId, AtomicInteger>();
        var overlaps = new AtomicInteger();
        Map<String, String> onDemand = Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0", "COFRE_RECONCILE_GRACE_SECONDS", "0");
        Path shared = Files.createDirectories(dir.resolve("shared"));
        try (var a = new RunningCofre(shared, OnPostgres.URL, schema, RunningCofre.SEED_TIME, onDemand,
                new Counting(simulator, queries, inFlight, overlaps));
             var b = new RunningCofre(shared, OnPostgres.URL, schema, RunningCofre.SEED_TIME, onDemand,
                     new Counting(simulator, queries, inFlight, overlaps))) {
            var merchant = a.merchant("Two servers");
            String secretKey = a.wiring().secretKeys().issue(merchant.merchant().id());
            var headers = Map.of("Authorization", OrdersServerContract.basic(secretKey),
                    "Content-Type", "application/json");
            List<String> charges = new ArrayList<>();
            for (int i = 0; i < BACKLOG; i++) {
                RunningCofre server = i % 2 == 0 ? a : b;
                var keyed = new java.util.HashMap<>(headers);
                keyed.put("idempotency-key", UUID.randomUUID().toString());
                Reply r = server.send("POST", "/core/v5/orders",
                        OrdersServerContract.SEED_CARD.replace("4000000000000010", "4000000000000036"), keyed);
                assertEquals(200, r.status(), r.body());
                assertEquals("with_error", r.json().get("charges").get(0).get("last_transaction").get("status").asText());
                charges.add(r.json().get("charges").get(0).get("id").asText());
            }

            var pool = Executors.newFixedThreadPool(4);
            var start = new CountDownLatch(1);
            List<Future<?>> runs = new ArrayList<>();
            for (RunningCofre server : List.of(a, b, a, b)) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return server.wiring().charging().reconcile().reconcile();
                }));
            }
            start.countDown();
            for (Future<?> run : runs) {
                run.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();

            for (String id : charges) {
                Reply read = b.send("GET", "/core/v5/charges/" + id, null, headers);
                assertEquals("paid", read.json().get("status").asText(), read.body());
                assertEquals("captured", read.json().get("last_transaction").get("status").asText());
            }
            assertEquals(BACKLOG, queries.size(), "every authorization was asked about");
            assertTrue(queries.values().stream().allMatch(n -> n.get() == 1), "each exactly once: " + queries);
            assertEquals(0, overlaps.get(), "never by both servers at once");
        }
    }
}
