package dev.cofre.adapters.persistence;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static dev.cofre.application.contract.VaultFixtures.alias;
import static dev.cofre.application.contract.VaultFixtures.sealedPan;
import static dev.cofre.application.contract.VaultFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.domain.audit.AuditEvent;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import io.vavr.control.Option;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SQLite single writer: group commit, savepoint per unit, readers beside it, durability of the file. */
class SqliteTransactionsTest {

    private Database db;
    private ExecutorService threads;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite();
        threads = Executors.newFixedThreadPool(16);
    }

    @AfterEach
    void close() {
        threads.shutdownNow();
        db.close();
        TestDatabases.deleteSqlite(db);
    }

    private MerchantId givenMerchant(Database database) {
        var merchant = VaultFixtures.merchant();
        database.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
        return merchant.id();
    }

    @Test
    void a_unit_that_throws_is_rolled_back_alone_while_the_rest_of_its_batch_commits() throws Exception {
        var merchant = givenMerchant(db);
        var writerBusy = new CountDownLatch(1);
        var release = new CountDownLatch(1);
        // Hold the writer so that the next units queue up and are committed as one batch.
        Future<?> holder = threads.submit(() -> db.transactions().inTransaction(() -> {
            writerBusy.countDown();
            await(release);
            return null;
        }));
        writerBusy.await();
        var doomed = token(merchant, Option.none());
        var kept = token(merchant, Option.none());
        var failure = new IllegalStateException("the use case broke an invariant");
        Future<Object> failing = threads.submit(() -> db.transactions().inTransaction(() -> {
            db.tokens().add(doomed, sealedPan(1));
            throw failure;
        }));
        Future<Object> succeeding = threads.submit(() -> db.transactions().inTransaction(() -> db.tokens().add(kept, sealedPan(1))));
        Thread.sleep(200); // both are queued behind the holder
        release.countDown();
        holder.get(10, TimeUnit.SECONDS);

        var thrown = assertThrows(java.util.concurrent.ExecutionException.class, () -> failing.get(10, TimeUnit.SECONDS));
        assertSame(failure, thrown.getCause());
        assertTrue(succeeding.get(10, TimeUnit.SECONDS) instanceof io.vavr.control.Either<?, ?> e && e.isRight());
        assertEquals(Option.none(), db.tokens().find(merchant, doomed.reference()));
        assertEquals(Option.some(kept), db.tokens().find(merchant, kept.reference()));
    }

    @Test
    void store_calls_inside_a_transaction_see_its_writes_and_a_nested_transaction_joins_it() {
        var merchant = givenMerchant(db);
        var token = token(merchant, Option.some(alias("casa")));

        var seen = db.transactions().inTransaction(() -> {
            db.tokens().add(token, sealedPan(1));
            return db.transactions().inTransaction(() -> db.tokens().findByAlias(merchant, alias("casa")));
        });

        assertEquals(Option.some(token), seen);
    }

    @Test
    void a_transaction_that_throws_leaves_nothing_behind() {
        var merchant = givenMerchant(db);
        var token = token(merchant, Option.none());

        assertThrows(IllegalArgumentException.class, () -> db.transactions().inTransaction(() -> {
            db.tokens().add(token, sealedPan(1));
            db.auditTrail().record(new AuditEvent(NOW, merchant, "tokenize", Option.none(), AuditEvent.Outcome.SUCCEEDED,
                    Option.none(), "vaulted"));
            throw new IllegalArgumentException("boom");
        }));

        assertEquals(Option.none(), db.tokens().find(merchant, token.reference()));
        assertEquals(0, db.auditTrail().of(merchant).size());
    }

    @Test
    void eight_threads_of_two_hundred_tokenize_transactions_all_succeed_while_others_read() throws Exception {
        var merchant = givenMerchant(db);
        var futures = new ArrayList<Future<Integer>>();
        var reads = new AtomicInteger();
        for (int t = 0; t < 8; t++) {
            int thread = t;
            futures.add(threads.submit(() -> {
                int stored = 0;
                for (int i = 0; i < 200; i++) {
                    var token = token(merchant, Option.some(alias("t" + thread + "-" + i)));
                    var added = db.transactions().inTransaction(() -> {
                        var result = db.tokens().add(token, sealedPan(1));
                        db.auditTrail().record(new AuditEvent(NOW, merchant, "tokenize",
                                Option.some(token.reference().toString()), AuditEvent.Outcome.SUCCEEDED, Option.none(), ""));
                        return result;
                    });
                    stored += added.isRight() ? 1 : 0;
                }
                return stored;
            }));
        }
        for (int t = 0; t < 4; t++) {
            threads.submit(() -> {
                while (!Thread.currentThread().isInterrupted()) {
                    db.tokens().findByAlias(merchant, alias("t0-0"));
                    reads.incrementAndGet();
                }
            });
        }
        int stored = 0;
        for (var future : futures) {
            stored += future.get(60, TimeUnit.SECONDS);
        }

        assertEquals(1600, stored);
        assertEquals(1600, db.sealedPans().countWrappedBefore(2));
        assertEquals(1600, db.auditTrail().of(merchant).size());
        assertTrue(reads.get() > 0);
    }

    @Test
    void everything_is_still_there_after_the_file_is_closed_and_opened_again() {
        var merchant = VaultFixtures.merchant();
        var credentials = VaultFixtures.credentialsOf(merchant.id());
        db.merchants().add(merchant, credentials);
        var token = token(merchant.id(), Option.some(alias("casa")));
        var sealed = sealedPan(1);
        db.tokens().add(token, sealed);
        var suspended = token.suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW.plusSeconds(1));
        db.tokens().update(suspended);
        var requestId = UUID.randomUUID();
        db.saveRequests().remember(merchant.id(), requestId, token.reference());
        db.close();

        try (var reopened = Database.openSqlite(db.sqliteFile().get())) {
            assertEquals(Option.some(merchant), reopened.merchants().find(merchant.id()));
            assertEquals(Option.some(credentials), reopened.merchants().findByClientId(credentials.clientId()));
            assertEquals(Option.some(suspended), reopened.tokens().find(merchant.id(), token.reference()));
            assertEquals(Option.some(sealed), reopened.tokens().sealedPan(merchant.id(), token.reference()));
            assertEquals(Option.some(token.reference()), reopened.saveRequests().tokenFor(merchant.id(), requestId));
        }
    }

    @Test
    void a_closed_database_refuses_new_transactions() {
        db.close();
        assertThrows(IllegalStateException.class, () -> db.transactions().inTransaction(() -> 1));
    }

    @Test
    void the_file_is_in_wal_mode_with_foreign_keys_and_full_sync() throws Exception {
        try (var connection = DriverManager.getConnection(db.jdbcUrl());
             var statement = connection.createStatement();
             var rs = statement.executeQuery("PRAGMA journal_mode")) {
            rs.next();
            assertEquals("wal", rs.getString(1));
        }
        int synchronous = db.transactions().inTransaction(() -> ((Sessions) db.transactions())
                .read(h -> h.createQuery("PRAGMA synchronous").mapTo(Integer.class).one()));
        int foreignKeys = db.transactions().inTransaction(() -> ((Sessions) db.transactions())
                .read(h -> h.createQuery("PRAGMA foreign_keys").mapTo(Integer.class).one()));
        assertEquals(2, synchronous, "synchronous=FULL");
        assertEquals(1, foreignKeys);
    }

    @Test
    void a_token_of_an_unknown_merchant_is_refused_by_the_database() {
        var stranger = new MerchantId(UUID.randomUUID());
        assertThrows(RuntimeException.class, () -> db.tokens().add(token(stranger, Option.none()), sealedPan(1)));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
