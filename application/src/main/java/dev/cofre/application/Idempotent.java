package dev.cofre.application;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.idempotency.IdempotencyError;
import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.idempotency.IdempotentRequest;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a retryable request's work at most once per idempotency key. The key is claimed, the work
 * done and its outcome remembered in one transaction, so that:
 * <ul>
 * <li>a retry (same key, same request) gets the first outcome back, and the work does not run again;</li>
 * <li>the same key with another request is refused ({@link IdempotencyError.KeyReused});</li>
 * <li>two concurrent requests with one key never both run: the second waits for the first's
 *     transaction, then replays its outcome;</li>
 * <li>a refused request (a Left) remembers nothing: its key is free for a corrected retry.</li>
 * </ul>
 * A request without a key simply runs.
 */
public final class Idempotent {

    private Idempotent() {
    }

    /**
     * How a request's result is remembered and answered again.
     *
     * @param outcome what to remember of a success (an id, typically)
     * @param replay  the answer to a retry, from what was remembered
     */
    public record Memory<T>(Function<? super T, String> outcome,
                            Function<String, ? extends Either<? extends DomainError, ? extends T>> replay) {
    }

    /** The work and its key in a transaction of their own; a refusal rolls back every write. */
    public static <T> Either<DomainError, T> run(Transactions transactions, IdempotencyKeys keys,
                                                 Option<IdempotentRequest> request, Memory<T> memory,
                                                 Supplier<? extends Either<? extends DomainError, ? extends T>> work) {
        return Atomic.run(transactions, () -> within(keys, request, memory, work));
    }

    /**
     * The same inside the caller's transaction, which must roll back on a Left (as {@link Atomic}
     * does) so that a refused request's claim is not kept.
     */
    public static <T> Either<DomainError, T> within(IdempotencyKeys keys, Option<IdempotentRequest> request,
                                                    Memory<T> memory,
                                                    Supplier<? extends Either<? extends DomainError, ? extends T>> work) {
        if (request.isEmpty()) {
            return narrow(work.get());
        }
        IdempotentRequest r = request.get();
        Option<IdempotencyKeys.Remembered> earlier = keys.claim(r);
        if (earlier.isDefined()) {
            return earlier.get().fingerprint().equals(r.fingerprint())
                    ? narrow(memory.replay().apply(earlier.get().outcome()))
                    : Either.left(new IdempotencyError.KeyReused());
        }
        Either<DomainError, T> done = narrow(work.get());
        done.forEach(result -> keys.remember(r, memory.outcome().apply(result)));
        return done;
    }

    private static <T> Either<DomainError, T> narrow(Either<? extends DomainError, ? extends T> either) {
        return either.fold(Either::left, Either::right);
    }
}
