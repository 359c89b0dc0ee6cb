package dev.cofre.domain.charge;

import dev.cofre.domain.DomainError;
import io.vavr.control.Option;

/**
 * Why a charge operation was refused; nothing was changed. Codes 800-849 are the charge engine's:
 * 800-809 lookups and stored card data (803 is retired: a reused idempotency key is
 * {@link dev.cofre.domain.idempotency.IdempotencyError.KeyReused}); 810-819 the state machine and amounts;
 * 820-829 {@link Rejection}s (refusals that still record a failed transaction); 830-849 free.
 * Field errors are {@link dev.cofre.domain.InvalidInput} (799).
 */
public sealed interface ChargeError extends DomainError {

    /** Unknown, or another merchant's: the two are indistinguishable on purpose. */
    record ChargeNotFound() implements ChargeError {
        public int code() { return 800; }
        public String message() { return "Charge not found"; }
    }

    /** card_id names no token of this merchant. */
    record CardNotFound() implements ChargeError {
        public int code() { return 801; }
        public String message() { return "Card not found"; }
    }

    /** card_token is unknown, another merchant's, already used or expired. */
    record CardTokenNotFound() implements ChargeError {
        public int code() { return 802; }
        public String message() { return "Card token not found, expired or already used"; }
    }

    /** Someone changed the charge first; read it again and retry. */
    record ConcurrentUpdate() implements ChargeError {
        public int code() { return 804; }
        public String message() { return "Charge was changed concurrently; retry"; }
    }

    /** The vaulted card's number could not be opened. */
    record CardUnreadable() implements ChargeError {
        public int code() { return 805; }
        public String message() { return "Stored card data could not be read"; }
    }

    /** The move is not in the state table from the charge's current status. */
    record NotAllowed(Option<TransactionStatus> from, Move move) implements ChargeError {
        public int code() { return 810; }
        public String message() {
            return "Cannot " + move.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " a charge "
                    + from.fold(() -> "that does not exist yet", s -> "whose last transaction is " + s.wireName());
        }
    }

    /** More than what is available: capture or void beyond the authorization, refund beyond the capture. */
    record AmountExceedsAvailable(TransactionKind operation, Amount available) implements ChargeError {
        public int code() { return 811; }
        public String message() {
            return "Amount exceeds what is available to " + operation.name().toLowerCase(java.util.Locale.ROOT)
                    + " (" + available.cents() + ")";
        }
    }

    record AmountNotPositive() implements ChargeError {
        public int code() { return 812; }
        public String message() { return "Amount must be greater than zero"; }
    }

    /** The reconciled or settled transaction is no longer the one in doubt. */
    record NothingInDoubt() implements ChargeError {
        public int code() { return 813; }
        public String message() { return "The charge has no transaction awaiting an answer"; }
    }
}
