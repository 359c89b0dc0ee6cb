package dev.cofre.application.token;

import dev.cofre.domain.charge.SealedCardToken;
import dev.cofre.domain.charge.StoredCardTokens;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.SealedPans;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.BiPredicate;
import java.util.function.Function;
import java.util.function.IntToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Key rotation: re-wraps every data key still wrapped under a key-encryption key older than the
 * cipher's current one, batch by batch, while the vault keeps serving: the vault's sealed numbers,
 * then the card tokens' data keys (so that the retired key-encryption key is needed by nothing).
 * Card ciphertexts are not touched.
 *
 * <p>Each row is swapped with a compare-and-set ({@link SealedPans#replace}), so a token removed
 * or changed meanwhile is skipped, never resurrected. The progress lives in the rows themselves
 * (their key version), so a rotation stopped anywhere (interrupt the thread that runs it)
 * continues where it was when run again, and a finished one has nothing left to do.
 *
 * <p>A row whose key cannot be unwrapped (tampered, or its key version dropped from the key ring)
 * is counted as unreadable and left as it is. Because such rows keep showing up in
 * {@link SealedPans#wrappedBefore}, the run gives up after {@code batchSize} of them rather than
 * reading ever larger batches: that many broken seals needs an operator, not a retry loop.
 */
public final class RotateKeys {

    public static final int DEFAULT_BATCH_SIZE = 500;
    private static final Logger LOG = LoggerFactory.getLogger(RotateKeys.class);

    /** Rows handled so far out of those that were, or still are, to be re-wrapped. */
    public record Progress(long done, long total) {
    }

    @FunctionalInterface
    public interface ProgressListener {
        /** Called after every batch, on the thread that runs the rotation. */
        void onProgress(Progress progress);

        ProgressListener NONE = progress -> { };
    }

    /** Why a run ended. */
    public enum Ending {
        /** Every readable row is wrapped under {@link Rotation#toVersion()}. */
        DONE,
        /** The thread was interrupted; run again to continue. */
        INTERRUPTED,
        /** As many unreadable rows as a batch: see the log, fix the key ring or the rows, run again. */
        TOO_MANY_UNREADABLE
    }

    /**
     * What a run did: rows re-wrapped, rows skipped because they changed or went away meanwhile,
     * rows whose key could not be unwrapped, and how long it took.
     */
    public record Rotation(int toVersion, long rewrapped, long skipped, long unreadable, Ending ending,
                           Duration took) {
    }

    private final CardCipher cipher;
    private final List<Rows<?, ?>> rows;
    private final Clock clock;
    private final int batchSize;

    /** Re-wraps the vault's sealed numbers and the card tokens' data keys, in that order. */
    public RotateKeys(CardCipher cipher, SealedPans sealedPans, StoredCardTokens cardTokens, Clock clock,
                      int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("a batch has at least one row");
        }
        this.cipher = Objects.requireNonNull(cipher, "cipher");
        Objects.requireNonNull(sealedPans, "sealedPans");
        this.rows = cardTokens == null ? List.of(pans(sealedPans)) : List.of(pans(sealedPans), cardTokens(cardTokens));
        this.clock = Objects.requireNonNull(clock, "clock");
        this.batchSize = batchSize;
    }

    public RotateKeys(CardCipher cipher, SealedPans sealedPans, StoredCardTokens cardTokens, Clock clock) {
        this(cipher, sealedPans, cardTokens, clock, DEFAULT_BATCH_SIZE);
    }

    /** The vault's sealed numbers only (a store with no card tokens). */
    public RotateKeys(CardCipher cipher, SealedPans sealedPans, Clock clock, int batchSize) {
        this(cipher, sealedPans, null, clock, batchSize);
    }

    public RotateKeys(CardCipher cipher, SealedPans sealedPans, Clock clock) {
        this(cipher, sealedPans, null, clock, DEFAULT_BATCH_SIZE);
    }

    /**
     * One kind of row whose data key is wrapped under a key-encryption key: how to find those
     * wrapped under an older one, re-wrap one ({@code S} as stored, {@code R} as re-wrapped), and
     * swap it in with a compare-and-set.
     */
    private record Rows<S, R>(BiFunction<Integer, Integer, List<S>> wrappedBefore,
                              IntToLongFunction countWrappedBefore, Function<S, Either<?, R>> rewrap,
                              BiPredicate<S, R> replace) {
    }

    private Rows<SealedPans.Stored, SealedPan> pans(SealedPans store) {
        return new Rows<>(store::wrappedBefore, store::countWrappedBefore, stored -> cipher.rewrap(stored.sealed()),
                store::replace);
    }

    private Rows<StoredCardTokens.Wrapped, SealedCardToken> cardTokens(StoredCardTokens store) {
        return new Rows<>(store::wrappedBefore, store::countWrappedBefore, stored -> cipher.rewrap(stored.sealed()),
                store::replace);
    }

    public Rotation rotate(ProgressListener listener) {
        Instant start = clock.instant();
        int target = cipher.currentKeyVersion();
        var run = new Run(target);
        listener.onProgress(run.progress());
        Ending ending = Ending.DONE;
        for (Rows<?, ?> kind : rows) {
            ending = rotate(kind, run, listener);
            if (ending != Ending.DONE) {
                break;
            }
        }
        var rotation = new Rotation(target, run.rewrapped, run.skipped, run.unreadable.size(), ending,
                Duration.between(start, clock.instant()));
        if (rotation.unreadable() > 0) {
            LOG.error("Key rotation to version {}: {} sealed card numbers or card tokens could not be unwrapped"
                    + " (tampered, or wrapped under a key version missing from the key ring); they were left as they are",
                    target, rotation.unreadable());
        }
        LOG.info("Key rotation to version {} {}: {} re-wrapped, {} skipped (changed or removed meanwhile),"
                + " {} unreadable, in {}", target, ending, rotation.rewrapped(), rotation.skipped(),
                rotation.unreadable(), rotation.took());
        return rotation;
    }

    private <S, R> Ending rotate(Rows<S, R> kind, Run run, ProgressListener listener) {
        while (true) {
            if (Thread.currentThread().isInterrupted()) { // the flag stays set for the caller
                return Ending.INTERRUPTED;
            }
            if (run.unreadable.size() >= batchSize) {
                return Ending.TOO_MANY_UNREADABLE;
            }
            // Unreadable rows stay behind; ask for enough rows to get past them.
            List<S> batch = kind.wrappedBefore().apply(run.target, batchSize + run.unreadable.size())
                    .filter(stored -> !run.unreadable.contains(stored))
                    .take(batchSize);
            if (batch.isEmpty()) {
                return Ending.DONE;
            }
            batch.forEach(stored -> run.rewrap(kind, stored));
            listener.onProgress(run.progress());
        }
    }

    /** The counters of one run. */
    private final class Run {
        final int target;
        final Set<Object> unreadable = new HashSet<>();
        long rewrapped;
        long skipped;

        Run(int target) {
            this.target = target;
        }

        <S, R> void rewrap(Rows<S, R> kind, S stored) {
            Either<?, R> again = kind.rewrap().apply(stored);
            if (again.isLeft()) {
                unreadable.add(stored);
            } else if (kind.replace().test(stored, again.get())) {
                rewrapped++;
            } else {
                skipped++;
            }
        }

        /** Rows still to do are counted afresh each time: tokens are removed while the vault serves. */
        Progress progress() {
            long handled = rewrapped + skipped;
            return new Progress(handled + unreadable.size(),
                    handled + rows.map(kind -> kind.countWrappedBefore().applyAsLong(target)).sum().longValue());
        }
    }
}
