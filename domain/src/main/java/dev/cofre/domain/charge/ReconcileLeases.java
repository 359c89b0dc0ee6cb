package dev.cofre.domain.charge;

import java.time.Duration;
import java.time.Instant;

/**
 * Who may ask the acquirer about a transaction in doubt right now. Shared by every server on one
 * database, so two servers never query the acquirer about the same transaction at the same time.
 * A lease that was never released (its holder died) may be taken once it has expired.
 */
public interface ReconcileLeases {

    /** Takes the lease on {@code transaction} for {@code holder} until {@code now + length}; false if another holds it. */
    boolean acquire(TransactionId transaction, String holder, Instant now, Duration length);

    /** Gives the lease back, if {@code holder} still holds it. */
    void release(TransactionId transaction, String holder);
}
