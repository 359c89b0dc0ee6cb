package dev.cofre.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.domain.IdempotencyKeys.Entry;
import org.junit.jupiter.api.Test;

/** What every {@link dev.cofre.domain.IdempotencyKeys} must do. */
public abstract class IdempotencyKeysContract extends StoreContract {

    @Test
    void the_first_entry_under_a_key_is_stored_and_returned() {
        var entry = new Entry(givenMerchant(), "tokenize", "key-1", "hash-a", "token-a");

        assertEquals(entry, stores.idempotencyKeys().putIfAbsent(entry));
    }

    @Test
    void a_retry_under_the_same_key_gets_the_first_entry_back() {
        var merchant = givenMerchant();
        var first = new Entry(merchant, "tokenize", "key-1", "hash-a", "token-a");
        stores.idempotencyKeys().putIfAbsent(first);

        assertEquals(first, stores.idempotencyKeys().putIfAbsent(new Entry(merchant, "tokenize", "key-1", "hash-b", "token-b")));
    }

    @Test
    void the_same_key_in_another_scope_or_for_another_merchant_is_a_different_request() {
        var one = givenMerchant();
        var other = givenMerchant();
        stores.idempotencyKeys().putIfAbsent(new Entry(one, "tokenize", "key-1", "hash-a", "token-a"));

        var otherScope = new Entry(one, "capture", "key-1", "hash-c", "capture-c");
        var otherMerchant = new Entry(other, "tokenize", "key-1", "hash-d", "token-d");
        assertEquals(otherScope, stores.idempotencyKeys().putIfAbsent(otherScope));
        assertEquals(otherMerchant, stores.idempotencyKeys().putIfAbsent(otherMerchant));
    }

    @Test
    void a_retry_inside_a_transaction_gets_the_first_entry_and_the_transaction_goes_on() {
        var merchant = givenMerchant();
        var first = new Entry(merchant, "tokenize", "key-1", "hash-a", "token-a");
        var other = new Entry(merchant, "tokenize", "key-2", "hash-b", "token-b");

        var seen = stores.transactions().inTransaction(() -> {
            stores.idempotencyKeys().putIfAbsent(first);
            var again = stores.idempotencyKeys().putIfAbsent(new Entry(merchant, "tokenize", "key-1", "hash-z", "token-z"));
            stores.idempotencyKeys().putIfAbsent(other);
            return again;
        });

        assertEquals(first, seen);
        assertEquals(other, stores.idempotencyKeys().putIfAbsent(new Entry(merchant, "tokenize", "key-2", "x", "y")));
    }
}
