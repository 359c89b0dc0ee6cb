package dev.cofre.domain.idempotency;

import dev.cofre.domain.DomainError;

/** Why a request under an idempotency key was refused. The one error for it in every API. */
public sealed interface IdempotencyError extends DomainError {

    /** The key was used before for a request that asked something else. */
    record KeyReused() implements IdempotencyError {
        public int code() { return 765; }
        public String message() { return "Idempotency key was already used for a different request"; }
    }
}
