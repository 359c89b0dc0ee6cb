package dev.cofre.domain.charge;

import dev.cofre.domain.WireName;

/**
 * The 14 statuses of a credit-card transaction (seed 002), each with the charge status it means.
 * Which status may follow which is {@link TransitionTable}'s business.
 */
public enum TransactionStatus implements WireName {
    AUTHORIZED_PENDING_CAPTURE(ChargeStatus.PENDING),
    NOT_AUTHORIZED(ChargeStatus.FAILED),
    CAPTURED(ChargeStatus.PAID),
    PARTIAL_CAPTURE(ChargeStatus.PAID),
    WAITING_CAPTURE(ChargeStatus.PROCESSING),
    REFUNDED(ChargeStatus.CANCELED),
    VOIDED(ChargeStatus.CANCELED),
    PARTIAL_REFUNDED(ChargeStatus.PAID),
    PARTIAL_VOID(ChargeStatus.CANCELED),
    ERROR_ON_VOIDING(ChargeStatus.PROCESSING),
    ERROR_ON_REFUNDING(ChargeStatus.PROCESSING),
    WAITING_CANCELLATION(ChargeStatus.PROCESSING),
    WITH_ERROR(ChargeStatus.PROCESSING),
    FAILED(ChargeStatus.FAILED);

    private final ChargeStatus chargeStatus;

    TransactionStatus(ChargeStatus chargeStatus) {
        this.chargeStatus = chargeStatus;
    }

    /** The status of a charge whose last transaction has this status. */
    public ChargeStatus chargeStatus() {
        return chargeStatus;
    }

    /**
     * The outcome is not known yet (with_error, waiting_*, error_on_*): only reconciliation, which
     * asks the acquirer, moves the transaction on.
     */
    public boolean isInDoubt() {
        return this == WITH_ERROR || this == WAITING_CAPTURE || this == WAITING_CANCELLATION
                || this == ERROR_ON_VOIDING || this == ERROR_ON_REFUNDING;
    }

    /**
     * Nothing can happen to the charge any more. partial_void is terminal because the state table
     * has no move out of it: the part of the authorization that was not voided is left to expire.
     */
    public boolean isTerminal() {
        return this == NOT_AUTHORIZED || this == REFUNDED || this == VOIDED || this == PARTIAL_VOID
                || this == FAILED;
    }
}
