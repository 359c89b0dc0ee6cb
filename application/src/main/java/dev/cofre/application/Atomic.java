package dev.cofre.application;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.Transactions;
import io.vavr.control.Either;
import java.util.function.Supplier;

/**
 * Runs a use case's work in one transaction where a business refusal (a Left) undoes every write
 * the work made: a refused request changes nothing.
 */
public final class Atomic {

    private Atomic() {
    }

    /** Carries a refusal out of the transaction so the store rolls it back. No stack trace: it is not a fault. */
    private static final class Refused extends RuntimeException {
        private final transient DomainError error;

        Refused(DomainError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    public static <T> Either<DomainError, T> run(Transactions transactions,
                                                 Supplier<? extends Either<? extends DomainError, ? extends T>> work) {
        try {
            return transactions.inTransaction(() -> {
                Either<? extends DomainError, ? extends T> result = work.get();
                if (result.isLeft()) {
                    throw new Refused(result.getLeft());
                }
                return Either.<DomainError, T>right(result.get());
            });
        } catch (Refused refused) {
            return Either.left(refused.error);
        }
    }
}
