package dev.cofre.application.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.merchant.ConfirmedCredentials.Confirmation;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Profile;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The credential cache on its own (issue 13), over a database double that counts its reads, with a
 * wall clock and a monotonic clock the test moves.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConfirmedCredentialsTest {

    private static final long BOUND_MILLIS = AuthenticateMerchant.REVALIDATE_AFTER.toMillis();

    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private volatile long nanos = 0;
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    /** What the database says now, per credential; absent: unknown. */
    private final Map<SecretHash, Confirmation> database = new ConcurrentHashMap<>();
    private final AtomicInteger reads = new AtomicInteger();
    private final ConfirmedCredentials cache = new ConfirmedCredentials(hash -> {
        reads.incrementAndGet();
        return Option.of(database.get(hash));
    }, clock, () -> nanos);

    private static Merchant merchant(String name) {
        return new Merchant(new MerchantId(UUID.randomUUID()), name, Profile.GATEWAY, io.vavr.collection.List.empty(),
                Merchant.Features.NONE, Instant.parse("2025-01-01T00:00:00Z"));
    }

    private void pass(long millis) {
        nanos += millis * 1_000_000;
        now = now.plusMillis(millis);
    }

    @Test
    void a_confirmed_credential_is_served_from_memory_until_the_bound_then_read_again() {
        var m = merchant("Loja");
        var key = SecretHash.of("key");
        database.put(key, Confirmation.untilRevoked(m));
        for (int i = 0; i < 50; i++) {
            assertEquals(m, cache.merchantOf(key).get());
        }
        pass(BOUND_MILLIS - 1);
        assertEquals(m, cache.merchantOf(key).get());
        assertEquals(1, reads.get());
        pass(1);
        assertEquals(m, cache.merchantOf(key).get());
        assertEquals(2, reads.get(), "read again once the bound has passed, not later");
    }

    @Test
    void a_change_in_the_database_is_seen_at_most_the_bound_later() {
        var key = SecretHash.of("key");
        database.put(key, Confirmation.untilRevoked(merchant("Loja")));
        assertTrue(cache.merchantOf(key).isDefined());
        database.remove(key);
        pass(BOUND_MILLIS - 1);
        assertTrue(cache.merchantOf(key).isDefined(), "the stated staleness: up to the bound");
        pass(1);
        assertTrue(cache.merchantOf(key).isEmpty());
        assertEquals(0, cache.size(), "a negative answer is not kept");
    }

    @Test
    void a_credential_is_never_served_past_its_own_validity() {
        var key = SecretHash.of("bearer");
        database.put(key, new Confirmation(merchant("Loja"), now.plusSeconds(10)));
        assertTrue(cache.merchantOf(key).isDefined());
        now = now.plusSeconds(10); // the monotonic clock does not move: only the validity decides
        database.remove(key);
        assertTrue(cache.merchantOf(key).isEmpty());
        assertEquals(2, reads.get());
    }

    @Test
    void an_unknown_credential_asks_the_database_every_time() {
        var key = SecretHash.of("unknown");
        for (int i = 0; i < 5; i++) {
            assertTrue(cache.merchantOf(key).isEmpty());
        }
        assertEquals(5, reads.get());
        assertEquals(0, cache.size());
    }

    @Test
    void forgetting_a_merchant_drops_its_entries_only() {
        var gone = merchant("Vazada");
        var kept = merchant("Outra");
        database.put(SecretHash.of("a"), Confirmation.untilRevoked(gone));
        database.put(SecretHash.of("b"), Confirmation.untilRevoked(gone));
        database.put(SecretHash.of("c"), Confirmation.untilRevoked(kept));
        List.of("a", "b", "c").forEach(k -> cache.merchantOf(SecretHash.of(k)));
        database.remove(SecretHash.of("a"));
        cache.forget(gone.id());
        assertEquals(1, cache.size());
        assertTrue(cache.merchantOf(SecretHash.of("a")).isEmpty(), "asked again at once");
        assertEquals(kept, cache.merchantOf(SecretHash.of("c")).get());
        assertEquals(4, reads.get());
    }

    @Test
    void the_cache_holds_a_bounded_number_of_credentials_dropping_unusable_ones_first() {
        var m = merchant("Loja");
        for (int i = 0; i < ConfirmedCredentials.ENTRIES - 1; i++) {
            database.put(SecretHash.of("old" + i), Confirmation.untilRevoked(m));
            cache.merchantOf(SecretHash.of("old" + i));
        }
        pass(BOUND_MILLIS);
        var fresh = SecretHash.of("fresh");
        database.put(fresh, Confirmation.untilRevoked(m));
        cache.merchantOf(fresh);
        assertEquals(ConfirmedCredentials.ENTRIES, cache.size());
        database.put(SecretHash.of("one more"), Confirmation.untilRevoked(m));
        cache.merchantOf(SecretHash.of("one more"));
        assertEquals(2, cache.size(), "the entries past the bound went, the fresh one stayed");
        for (int i = 0; i < ConfirmedCredentials.ENTRIES + 10; i++) {
            database.put(SecretHash.of("new" + i), Confirmation.untilRevoked(m));
            assertTrue(cache.merchantOf(SecretHash.of("new" + i)).isDefined());
            assertTrue(cache.size() <= ConfirmedCredentials.ENTRIES);
        }
    }

    /** A database double whose reads, once {@code blocking}, wait until released; it counts them. */
    private final class Blocking {
        final CountDownLatch release = new CountDownLatch(1);
        final CountDownLatch reading = new CountDownLatch(1);
        final AtomicInteger count = new AtomicInteger();
        final AtomicReference<RuntimeException> failWith = new AtomicReference<>();
        volatile boolean blocking = true;
        final ConfirmedCredentials cache = new ConfirmedCredentials(hash -> {
            count.incrementAndGet();
            if (!blocking) {
                return Option.of(database.get(hash));
            }
            reading.countDown();
            try {
                assertTrue(release.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            if (failWith.get() != null) {
                throw failWith.get();
            }
            return Option.of(database.get(hash));
        }, clock, () -> nanos);
    }

    /** {@code callers} threads ask for {@code key} at once; returns what each got or threw. */
    private static List<Future<Option<Merchant>>> askAtOnce(Blocking db, SecretHash key, int callers)
            throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            var start = new CountDownLatch(1);
            var asking = new CountDownLatch(callers);
            var futures = new ArrayList<Future<Option<Merchant>>>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    asking.countDown();
                    return db.cache.merchantOf(key);
                }));
            }
            start.countDown();
            assertTrue(db.reading.await(10, TimeUnit.SECONDS));
            assertTrue(asking.await(10, TimeUnit.SECONDS));
            Thread.sleep(200); // every caller is a few instructions from the cache: let them reach it
            db.release.countDown();
            return futures;
        } finally {
            pool.shutdown();
            assertTrue(pool.awaitTermination(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void thirty_two_callers_of_one_stale_credential_cause_one_database_read() throws Exception {
        var m = merchant("Loja");
        var key = SecretHash.of("key");
        database.put(key, Confirmation.untilRevoked(m));
        var db = new Blocking();
        db.blocking = false;
        assertEquals(m, db.cache.merchantOf(key).get());
        pass(BOUND_MILLIS);
        db.blocking = true;
        for (var answer : askAtOnce(db, key, 32)) {
            assertEquals(m, answer.get().get());
        }
        assertEquals(2, db.count.get(), "one read to fill the cache, then one for the 32 callers of the stale entry");
        assertEquals(m, db.cache.merchantOf(key).get());
        assertEquals(2, db.count.get(), "the new answer is kept");
    }

    @Test
    void a_failed_read_reaches_every_waiting_caller_and_the_next_call_asks_again() throws Exception {
        var key = SecretHash.of("key");
        var m = merchant("Loja");
        database.put(key, Confirmation.untilRevoked(m));
        var db = new Blocking();
        var failure = new IllegalStateException("database unavailable");
        db.failWith.set(failure);
        for (var answer : askAtOnce(db, key, 32)) {
            var thrown = assertThrows(ExecutionException.class, answer::get);
            assertSame(failure, thrown.getCause());
        }
        assertEquals(1, db.count.get());
        assertEquals(0, db.cache.size(), "the failure is not kept");
        db.failWith.set(null);
        assertEquals(m, db.cache.merchantOf(key).get());
        assertEquals(2, db.count.get());
    }

    /**
     * Whatever the pattern of requests and of changes in the database, the cache reads the database
     * exactly when its last read is the bound old, and never answers from a read older than that.
     */
    @Property(tries = 200)
    void the_database_is_read_exactly_when_the_last_read_is_the_bound_old(
            @ForAll @Size(max = 60) List<@IntRange(max = 1500) Integer> pauses,
            @ForAll @Size(max = 60) List<Boolean> knownAt) {
        var db = new AtomicInteger();
        var cache = new ConfirmedCredentials(hash -> {
            db.incrementAndGet();
            return Option.of(database.get(hash));
        }, clock, () -> nanos);
        var m = merchant("Loja");
        var key = SecretHash.of("key");
        long lastRead = 0;
        boolean cached = false;
        int expectedReads = 0;
        for (int i = 0; i < pauses.size(); i++) {
            pass(pauses.get(i));
            boolean known = i < knownAt.size() && knownAt.get(i);
            if (known) {
                database.put(key, Confirmation.untilRevoked(m));
            } else {
                database.remove(key);
            }
            boolean fresh = cached && nanos - lastRead < AuthenticateMerchant.REVALIDATE_AFTER.toNanos();
            var answer = cache.merchantOf(key);
            if (fresh) {
                assertTrue(answer.isDefined(), "a confirmation within the bound is served");
            } else {
                expectedReads++;
                lastRead = nanos;
                cached = known;
                assertEquals(known, answer.isDefined(), "a read answers what the database says now");
            }
            assertEquals(expectedReads, db.get());
        }
    }
}
