package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.application.merchant.RegisterMerchant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
 * Issue 14, "the GetJustClickKey count can be raced": 50 simultaneous attempts with unknown
 * SaveCreditCardRequestIds are evaluated exactly five times (733), and every other one meets the
 * lock (734), on one server or spread over two sharing PostgreSQL.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JustClickKeyRaceTest {

    private static final int ATTEMPTS = 50;

    @Test
    void fifty_racing_bad_attempts_on_one_sqlite_server_evaluate_exactly_five(@TempDir Path dir) throws Exception {
        try (var cofre = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME)) {
            var m = cofre.merchant("Raced");
            assertExactlyFiveEvaluated(race(m, List.of(cofre)));
        }
    }

    @Test
    @OnPostgres
    void fifty_racing_bad_attempts_on_two_servers_sharing_postgresql_evaluate_exactly_five(@TempDir Path dir)
            throws Exception {
        String url = OnPostgres.URL;
        String schema = "jck_race_" + Long.toHexString(System.nanoTime());
        var sameKeys = Map.of("COFRE_KEY_FILE", dir.resolve("one").resolve("cofre.keys").toString());
        try (var one = new RunningCofre(dir.resolve("one"), url, schema, RunningCofre.SEED_TIME);
             var two = new RunningCofre(dir.resolve("two"), url, schema, RunningCofre.SEED_TIME, sameKeys)) {
            var m = one.merchant("Raced on two");
            assertExactlyFiveEvaluated(race(m, List.of(one, two)));
        }
    }

    /** The error codes of {@value #ATTEMPTS} attempts released at once, alternating between the servers. */
    private static Map<Integer, AtomicInteger> race(RegisterMerchant.Registered m, List<RunningCofre> servers)
            throws Exception {
        String ask = "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"SaveCreditCardRequestId\":\"%s\"}";
        var codes = new ConcurrentHashMap<Integer, AtomicInteger>();
        var go = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(ATTEMPTS);
        try {
            var done = new ArrayList<Future<?>>();
            for (int i = 0; i < ATTEMPTS; i++) {
                var server = servers.get(i % servers.size());
                done.add(pool.submit(() -> {
                    go.await();
                    var r = server.justClick("GetJustClickKey", ask.formatted(RunningCofre.guid()));
                    codes.computeIfAbsent(r.json().at("/ErrorReportCollection/0/ErrorCode").asInt(),
                            c -> new AtomicInteger()).incrementAndGet();
                    return null;
                }));
            }
            go.countDown();
            for (var f : done) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        return codes;
    }

    private static void assertExactlyFiveEvaluated(Map<Integer, AtomicInteger> codes) {
        System.out.println("GetJustClickKey race: " + codes);
        assertEquals(5, codes.getOrDefault(733, new AtomicInteger()).get(), "evaluated (unknown id): " + codes);
        assertEquals(ATTEMPTS - 5, codes.getOrDefault(734, new AtomicInteger()).get(), "locked: " + codes);
    }
}
