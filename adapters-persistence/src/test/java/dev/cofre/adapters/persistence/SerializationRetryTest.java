package dev.cofre.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.charge.CryptogramDigest;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * A serialization failure (SQLSTATE 40001, what PostgreSQL-compatible distributed engines answer
 * to conflicting writes) rolls the unit of work back and runs it again; the writes of the failed
 * attempt are gone, so nothing happens twice. Other errors are not retried. Under SERIALIZABLE,
 * overlapping read-modify-write transactions are aborted by PostgreSQL itself and each commits once.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED)
class SerializationRetryTest {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    private String schema;
    private Database db;

    @BeforeEach
    void open() {
        schema = TestDatabases.randomSchema();
        db = Database.open(TestDatabases.postgresUrl(), schema);
    }

    @AfterEach
    void close() {
        db.close();
        TestDatabases.dropSchema(schema);
    }

    private void fail(String errcode) {
        ((Sessions) db.transactions()).write(h -> h.execute(
                "DO $$ BEGIN RAISE EXCEPTION 'simulated' USING ERRCODE = '" + errcode + "'; END $$"));
    }

    @Test
    void a_unit_of_work_that_meets_a_serialization_failure_runs_again_and_its_first_writes_are_rolled_back() {
        var digest = new CryptogramDigest("c".repeat(64));
        var attempts = new AtomicInteger();

        boolean firstUse = db.transactions().inTransaction(() -> {
            boolean spent = db.spentCryptograms().spend(digest, NOW);
            if (attempts.incrementAndGet() < 3) {
                fail("40001");
            }
            return spent;
        });

        assertEquals(3, attempts.get());
        assertTrue(firstUse, "the failed attempts' writes were rolled back");
        assertFalse(db.spentCryptograms().spend(digest, NOW), "spent once, by the attempt that committed");
    }

    @Test
    void other_errors_are_not_retried_and_roll_back() {
        var digest = new CryptogramDigest("d".repeat(64));
        var attempts = new AtomicInteger();

        assertThrows(RuntimeException.class, () -> db.transactions().inTransaction(() -> {
            db.spentCryptograms().spend(digest, NOW);
            attempts.incrementAndGet();
            fail("P0001");
            return null;
        }));

        assertEquals(1, attempts.get());
        assertTrue(db.spentCryptograms().spend(digest, NOW));
    }

    @Test
    void a_failure_that_persists_gives_up_after_a_few_retries() {
        var attempts = new AtomicInteger();

        assertThrows(RuntimeException.class, () -> db.transactions().inTransaction(() -> {
            attempts.incrementAndGet();
            fail("40001");
            return null;
        }));

        assertEquals(PostgresSessions.SERIALIZATION_RETRIES + 1, attempts.get());
    }

    @Test
    void overlapping_serializable_transactions_are_retried_until_each_commits_once() throws Exception {
        int threads = 4;
        int increments = 25;
        String serializable = TestDatabases.randomSchema();
        var sdb = Database.open(TestDatabases.serializablePostgresUrl(), serializable);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
        try {
            var sessions = (Sessions) sdb.transactions();
            sessions.write(h -> h.execute("CREATE TABLE counter (id INT PRIMARY KEY, n INT NOT NULL)"));
            sessions.write(h -> h.execute("INSERT INTO counter VALUES (1, 0)"));
            var attempts = new AtomicInteger();
            var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    for (int i = 0; i < increments; i++) {
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
                f.get(2, java.util.concurrent.TimeUnit.MINUTES);
            }
            int total = sessions.read(h -> h.createQuery("SELECT n FROM counter WHERE id = 1").mapTo(Integer.class).one());
            System.out.printf("serializable retries: %d increments took %d attempts%n", threads * increments,
                    attempts.get());
            assertEquals(threads * increments, total, "no increment lost, none applied twice");
            assertTrue(attempts.get() > threads * increments, "the overlapping transactions were retried");
        } finally {
            pool.shutdownNow();
            sdb.close();
            TestDatabases.dropSchema(serializable);
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
