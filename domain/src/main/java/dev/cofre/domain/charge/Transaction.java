package dev.cofre.domain.charge;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * One operation on a charge as the acquirer saw it: an authorization, a capture, a void or a
 * refund, with the status it reached. Only an in-doubt transaction ever changes status again.
 *
 * @param before the status of the charge's last transaction when this one started (none for an
 *               authorization): where a declined capture, void or refund sends the charge back
 */
public record Transaction(TransactionId id, IdempotencyKey key, Move move, Amount amount,
                          TransactionStatus status, Option<TransactionStatus> before,
                          Option<AcquirerFields> acquirer, Option<Rejection> rejection,
                          Instant createdAt, Instant updatedAt) {

    public Transaction {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(move, "move");
        java.util.Objects.requireNonNull(amount, "amount");
        java.util.Objects.requireNonNull(status, "status");
        java.util.Objects.requireNonNull(before, "before");
        java.util.Objects.requireNonNull(acquirer, "acquirer");
        java.util.Objects.requireNonNull(rejection, "rejection");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
        java.util.Objects.requireNonNull(updatedAt, "updatedAt");
    }

    public TransactionKind kind() {
        return move.kind();
    }

    /** seed 002's {@code success}: the operation did what was asked. */
    public boolean success() {
        return !status.isInDoubt() && status != TransactionStatus.FAILED && status != TransactionStatus.NOT_AUTHORIZED
                && !before.contains(status);
    }

    Transaction movedTo(TransactionStatus to, Option<AcquirerFields> fields, Instant at) {
        return new Transaction(id, key, move, amount, to, before, fields.orElse(acquirer), rejection, createdAt, at);
    }
}
