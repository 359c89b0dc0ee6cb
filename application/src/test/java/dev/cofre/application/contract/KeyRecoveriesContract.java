package dev.cofre.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.token.KeyRecoveryAttempts;
import org.junit.jupiter.api.Test;

/** What every {@link dev.cofre.domain.token.KeyRecoveries} must do (the GetJustClickKey lockout). */
public abstract class KeyRecoveriesContract extends StoreContract {

    @Test
    void a_merchant_that_never_failed_starts_fresh() {
        var merchant = givenMerchant();
        assertEquals(KeyRecoveryAttempts.fresh(merchant), stores.keyRecoveries().of(merchant));
    }

    @Test
    void failures_are_counted_across_reads_until_the_method_locks() {
        var merchant = givenMerchant();
        for (int i = 0; i < KeyRecoveryAttempts.LIMIT; i++) {
            stores.keyRecoveries().save(stores.keyRecoveries().of(merchant).failed());
        }

        var attempts = stores.keyRecoveries().of(merchant);
        assertEquals(KeyRecoveryAttempts.LIMIT, attempts.consecutiveFailures());
        assertTrue(attempts.locked());
    }

    @Test
    void an_unlock_resets_the_counter() {
        var merchant = givenMerchant();
        stores.keyRecoveries().save(new KeyRecoveryAttempts(merchant, 5, true));
        stores.keyRecoveries().save(stores.keyRecoveries().of(merchant).unlocked());

        assertFalse(stores.keyRecoveries().of(merchant).locked());
        assertEquals(0, stores.keyRecoveries().of(merchant).consecutiveFailures());
    }

    @Test
    void one_merchants_failures_do_not_count_against_another() {
        var one = givenMerchant();
        var other = givenMerchant();
        stores.keyRecoveries().save(new KeyRecoveryAttempts(one, 4, false));

        assertEquals(KeyRecoveryAttempts.fresh(other), stores.keyRecoveries().of(other));
    }

    @Test
    void each_attempt_is_taken_as_a_failure_until_the_fifth_locks_and_then_none_is_taken() {
        var merchant = givenMerchant();
        for (int i = 1; i <= KeyRecoveryAttempts.LIMIT; i++) {
            var taken = stores.keyRecoveries().take(merchant);
            assertTrue(taken.isDefined(), "attempt " + i + " is taken");
            assertEquals(i, taken.get().consecutiveFailures());
            assertEquals(i == KeyRecoveryAttempts.LIMIT, taken.get().locked());
        }
        assertTrue(stores.keyRecoveries().take(merchant).isEmpty(), "locked: nothing more is taken");
        assertEquals(KeyRecoveryAttempts.LIMIT, stores.keyRecoveries().of(merchant).consecutiveFailures());
    }

    @Test
    void a_success_after_a_taken_attempt_resets_the_count() {
        var merchant = givenMerchant();
        stores.keyRecoveries().take(merchant);
        var taken = stores.keyRecoveries().take(merchant).get();
        stores.keyRecoveries().save(taken.succeeded());
        assertEquals(1, stores.keyRecoveries().take(merchant).get().consecutiveFailures());
    }
}
