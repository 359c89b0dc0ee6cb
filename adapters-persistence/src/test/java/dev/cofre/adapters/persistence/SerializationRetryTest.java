package dev.cofre.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Under SERIALIZABLE, read-modify-write transactions that overlap are aborted with SQLSTATE 40001
 * by PostgreSQL; the sessions run each again until it commits, so no increment is lost and no
 * caller sees the failure.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED)
class SerializationRetryTest {

    private static final int THREADS = 4;
    private static final int INCREMENTS = 25;

    @Test
    void overlapping_serializable_transactions_are_retried_until_each_commits_once() throws Exception {
        String schema = TestDatabases.randomSchema();
        var db = Database.open(TestDatabases.serializablePostgresUrl(), schema);
        var pool = Executors.newFixedThreadPool(THREADS);
        try {
            var sessions = (Sessions) db.transactions();
            sessions.write(h -> h.execute("CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL)"));
            sessions.write(h -> h.execute("INSERT INTO counter VALUES (1, 0)"));
            var attempts = new AtomicInteger();
            var done = new ArrayList<Future<?>>();
            for (int t = 0; t < THREADS; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < INCREMENTS; i++) {
                        sessions.write(h -> {
                            attempts.incrementAndGet();
                            int n = h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Integer.class).one();
                            pause();
                            return h.execute("UPDATE counter SET n = ? WHERE id = 1", n + 1);
                        });
                    }
                }));
            }
            for (var f : done) {
                f.get(2, TimeUnit.MINUTES);
            }
            int total = sessions.read(h -> h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Integer.class).one());
            System.out.printf("serializable retries: %d increments took %d attempts%n", THREADS * INCREMENTS,
                    attempts.get());
            assertEquals(THREADS * INCREMENTS, total, "no increment lost, none applied twice");
            assertTrue(attempts.get() > THREADS * INCREMENTS, "the overlapping transactions were retried");
        } finally {
            pool.shutdownNow();
            db.close();
            TestDatabases.dropSchema(schema);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
