package dev.cofre.application.customer;

import dev.cofre.domain.charge.CardTokens;
import java.time.Clock;

/**
 * Deletes expired card tokens, spent or not, with whatever sealed secrets they still hold. Safe to
 * run on every server at once: each deletion is one idempotent statement.
 */
public final class SweepCardTokens {

    private final CardTokens cardTokens;
    private final Clock clock;

    SweepCardTokens(CardTokens cardTokens, Clock clock) {
        this.cardTokens = cardTokens;
        this.clock = clock;
    }

    /** How many were deleted. */
    public int sweep() {
        return cardTokens.sweepExpired(clock.instant());
    }
}
