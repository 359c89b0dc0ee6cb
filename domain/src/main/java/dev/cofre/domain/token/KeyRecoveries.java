package dev.cofre.domain.token;

import dev.cofre.domain.merchant.MerchantId;

/** Where each merchant's {@link KeyRecoveryAttempts} are kept. */
public interface KeyRecoveries {

    KeyRecoveryAttempts of(MerchantId merchant);

    void save(KeyRecoveryAttempts attempts);

    /**
     * Takes one attempt for {@code merchant} before it is evaluated, in one atomic step: counts it
     * as a failure (locking the method when it is the {@link KeyRecoveryAttempts#LIMIT}th) and
     * answers the attempts after it, or none when the method is already locked. However many
     * attempts race, on however many servers, at most {@code LIMIT} are ever taken before the lock;
     * an attempt that then succeeds resets the count with {@link #save}.
     */
    io.vavr.control.Option<KeyRecoveryAttempts> take(MerchantId merchant);
}
