package dev.cofre.domain.token;

import dev.cofre.domain.merchant.MerchantId;

/** Where each merchant's {@link KeyRecoveryAttempts} are kept. */
public interface KeyRecoveries {

    KeyRecoveryAttempts of(MerchantId merchant);

    void save(KeyRecoveryAttempts attempts);
}
