package dev.cofre.domain.charge;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * One operation on a charge as the acquirer saw it: an authorization, a capture, a void or a
 * refund, with the status it reached. Only an in-doubt transaction ever changes status again.
 *
 * @param before the status of the charge's last transaction when this one started (none for an
 *               authorization): where a declined capture, void or refund sends the charge back
 * @param answer the kind of the acquirer's latest answer about it; none before the first
 */
public record Transaction(TransactionId id, Move move, Amount amount,
                          TransactionStatus status, Option<TransactionStatus> before,
                          Option<AcquirerFields> acquirer, Option<AcquirerAnswer.Kind> answer,
                          Option<Rejection> rejection,
                          Instant createdAt, Instant updatedAt) {

    public Transaction {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(move, "move");
        java.util.Objects.requireNonNull(amount, "amount");
        java.util.Objects.requireNonNull(status, "status");
        java.util.Objects.requireNonNull(before, "before");
        java.util.Objects.requireNonNull(acquirer, "acquirer");
        java.util.Objects.requireNonNull(answer, "answer");
        java.util.Objects.requireNonNull(rejection, "rejection");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
        java.util.Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The transaction's id as a GUID (seed 002's gateway_id, JustClick's BraspagTransactionId), the same on every call. */
    public java.util.UUID gatewayId() {
        return java.util.UUID.nameUUIDFromBytes(id.value().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public TransactionKind kind() {
        return move.kind();
    }

    /**
     * The acquirer did what this transaction asked: it approved it, and the transaction is in its
     * move's approved status. A capture, void or refund that was declined and went back to the
     * charge's earlier status did not (that status may look the same: a declined partial refund
     * goes back to partial_refunded); an in-doubt one has not yet. Only such transactions count in
     * a charge's money. (seed 002's {@code success}.)
     */
    public boolean tookEffect() {
        return answer.contains(AcquirerAnswer.Kind.APPROVED) && status == TransitionTable.approved(move);
    }

    Transaction movedTo(TransactionStatus to, AcquirerAnswer answered, Instant at) {
        return new Transaction(id, move, amount, to, before, answered.receipt().orElse(acquirer),
                Option.some(answered.kind()), rejection, createdAt, at);
    }
}
