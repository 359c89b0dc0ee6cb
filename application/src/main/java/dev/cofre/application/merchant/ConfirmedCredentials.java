package dev.cofre.application.merchant;

import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One process's memory of what the database last said about presented credentials (bearer tokens,
 * MerchantKeys, secret keys): credential hash → merchant, trusted for at most
 * {@link AuthenticateMerchant#REVALIDATE_AFTER} after the database confirmed it, and never past the
 * credential's own validity.
 *
 * <p>When an entry is missing or too old, one caller per credential asks the database and every
 * concurrent caller for the same credential waits for that answer, instead of all of them reading
 * at once (issue 13: the herd after each expiry). A stale entry is never served. Only positive
 * answers are kept: an unknown credential asks the database every time. A lookup that throws
 * reaches every caller waiting for it as that exception, and the next caller asks again.
 */
final class ConfirmedCredentials {

    /** What the database says a credential stands for, and until when (wall clock) it is valid. */
    record Confirmation(Merchant merchant, Instant validUntil) {
        /** A credential that does not expire by itself (MerchantKey, secret key). */
        static Confirmation untilRevoked(Merchant merchant) {
            return new Confirmation(merchant, Instant.MAX);
        }
    }

    /** At most this many credentials are kept; when full, unusable entries go, then all of them. */
    static final int ENTRIES = 10_000;

    private sealed interface Slot permits Known, Asking {
    }

    /** A confirmation, and when (monotonic nanoseconds) the database was asked for it. */
    private record Known(Confirmation confirmation, long askedAtNanos) implements Slot {
    }

    /** A question to the database under way; {@code forgetsBefore} tells whether a forget overtook it. */
    private record Asking(CompletableFuture<Option<Known>> answer, long forgetsBefore) implements Slot {
    }

    private static final long TRUSTED_NANOS = AuthenticateMerchant.REVALIDATE_AFTER.toNanos();

    private final Function<SecretHash, Option<Confirmation>> database;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<SecretHash, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong forgets = new AtomicLong();

    /**
     * {@code database} answers for one credential hash (none: unknown or no longer valid); {@code nanoTime}
     * measures the age of entries (tests give one they can advance).
     */
    ConfirmedCredentials(Function<SecretHash, Option<Confirmation>> database, Clock clock, LongSupplier nanoTime) {
        this.database = database;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** The merchant behind the credential, as the database said at most the bound ago. */
    Option<Merchant> merchantOf(SecretHash credential) {
        while (true) {
            Slot slot = slots.get(credential);
            if (slot instanceof Known known) {
                if (trusted(known)) {
                    return Option.some(known.confirmation().merchant());
                }
                var asking = asking();
                if (slots.replace(credential, known, asking)) {
                    return ask(credential, asking);
                }
            } else if (slot instanceof Asking asking) {
                Option<Known> answer = await(asking);
                if (answer.isEmpty()) {
                    return Option.none();
                }
                if (trusted(answer.get())) {
                    return Option.some(answer.get().confirmation().merchant());
                }
                // The question took longer than the bound: its answer is already too old to serve.
            } else {
                makeRoom();
                var asking = asking();
                if (slots.putIfAbsent(credential, asking) == null) {
                    return ask(credential, asking);
                }
            }
        }
    }

    /**
     * Drops the merchant's entries, and every question under way (it may have read the database before
     * the change): this process changed the merchant's credentials, and its next request asks again.
     */
    void forget(MerchantId merchant) {
        forgets.incrementAndGet();
        slots.values().removeIf(slot -> slot instanceof Asking
                || slot instanceof Known known && known.confirmation().merchant().id().equals(merchant));
    }

    /** How many credentials are remembered or being asked about now. */
    int size() {
        return slots.size();
    }

    private Asking asking() {
        return new Asking(new CompletableFuture<>(), forgets.get());
    }

    private boolean trusted(Known known) {
        return nanoTime.getAsLong() - known.askedAtNanos() < TRUSTED_NANOS
                && clock.instant().isBefore(known.confirmation().validUntil());
    }

    /** Asks the database for everyone waiting on {@code asking}; only a positive answer stays. */
    private Option<Merchant> ask(SecretHash credential, Asking asking) {
        // Measured before the read: the answer is at least this fresh, never fresher than it is.
        long askedAt = nanoTime.getAsLong();
        Option<Known> answer;
        try {
            answer = database.apply(credential).map(c -> new Known(c, askedAt));
        } catch (Throwable failure) {
            slots.remove(credential, asking);
            asking.answer().completeExceptionally(failure);
            throw failure;
        }
        if (answer.isEmpty()) {
            slots.remove(credential, asking);
        } else if (slots.replace(credential, asking, answer.get()) && forgets.get() != asking.forgetsBefore()) {
            // A forget ran while the database was read: this answer may predate the change.
            slots.remove(credential, answer.get());
        }
        asking.answer().complete(answer);
        return answer.map(known -> known.confirmation().merchant());
    }

    private static Option<Known> await(Asking asking) {
        try {
            return asking.answer().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            if (e.getCause() instanceof Error cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** Keeps at most {@link #ENTRIES}: unusable entries go first, then every answered one. */
    private void makeRoom() {
        if (slots.size() < ENTRIES) {
            return;
        }
        slots.values().removeIf(slot -> slot instanceof Known known && !trusted(known));
        if (slots.size() >= ENTRIES) {
            slots.values().removeIf(slot -> slot instanceof Known);
        }
    }
}
