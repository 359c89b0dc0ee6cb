package dev.cofre.domain.token;

import dev.cofre.domain.merchant.MerchantId;

/**
 * GetJustClickKey's guard (seed 004): five consecutive unknown SaveCreditCardRequestIds lock the
 * method for the merchant until an operator unlocks it; a success resets the count.
 */
public record KeyRecoveryAttempts(MerchantId merchant, int consecutiveFailures, boolean locked) {

    public static final int LIMIT = 5;

    public static KeyRecoveryAttempts fresh(MerchantId merchant) {
        return new KeyRecoveryAttempts(merchant, 0, false);
    }

    public KeyRecoveryAttempts failed() {
        int failures = consecutiveFailures + 1;
        return new KeyRecoveryAttempts(merchant, failures, failures >= LIMIT);
    }

    public KeyRecoveryAttempts succeeded() {
        return fresh(merchant);
    }

    public KeyRecoveryAttempts unlocked() {
        return fresh(merchant);
    }
}
