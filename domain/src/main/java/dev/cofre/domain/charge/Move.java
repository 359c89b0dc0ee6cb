package dev.cofre.domain.charge;

/**
 * The operations of the charge state machine, split where the table gives them different results:
 * a full and a partial capture land in different statuses, and so do a refund that completes the
 * refunded amount and one that does not.
 */
public enum Move {
    /** operation_type auth_only or pre_auth. */
    AUTHORIZE_ONLY(TransactionKind.AUTHORIZATION),
    /** operation_type auth_and_capture. */
    AUTHORIZE_AND_CAPTURE(TransactionKind.AUTHORIZATION),
    CAPTURE_FULL(TransactionKind.CAPTURE),
    CAPTURE_PARTIAL(TransactionKind.CAPTURE),
    VOID_FULL(TransactionKind.VOID),
    VOID_PARTIAL(TransactionKind.VOID),
    /** A refund after which everything captured is refunded. */
    REFUND_REST(TransactionKind.REFUND),
    /** A refund that leaves part of the captured amount unrefunded. */
    REFUND_PART(TransactionKind.REFUND);

    private final TransactionKind kind;

    Move(TransactionKind kind) {
        this.kind = kind;
    }

    public TransactionKind kind() {
        return kind;
    }
}
