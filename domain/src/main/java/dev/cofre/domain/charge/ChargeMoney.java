package dev.cofre.domain.charge;

/**
 * Where a charge's money stands, derived from its settled transactions; in-doubt ones count for
 * nothing until reconciled. Invariants: captured <= authorized, voided <= authorized - captured,
 * refunded <= captured.
 *
 * @param released what a partial capture gave back to the card holder: authorized - captured
 */
public record ChargeMoney(Amount authorized, Amount captured, Amount voided, Amount refunded, Amount released) {

    public ChargeMoney {
        if (captured.exceeds(authorized) || voided.exceeds(authorized.minus(captured))
                || refunded.exceeds(captured)) {
            throw new IllegalStateException("money was created or lost: " + authorized + " authorized, "
                    + captured + " captured, " + voided + " voided, " + refunded + " refunded");
        }
    }

    /** What may still be refunded. */
    public Amount refundable() {
        return captured.minus(refunded);
    }
}
