package dev.cofre.domain;

import dev.cofre.domain.merchant.MerchantId;

/**
 * Remembers the outcome of a retryable request under the merchant's idempotency key, so that a
 * retry returns the first outcome instead of doing the work again. Unique per (merchant, scope,
 * key) in the store, across every server that shares it.
 */
public interface IdempotencyKeys {

    /**
     * One remembered request: {@code requestHash} identifies what was asked (a retry must ask the
     * same), {@code outcome} is what the use case needs to answer again (e.g. a token reference).
     */
    record Entry(MerchantId merchant, String scope, String key, String requestHash, String outcome) {
    }

    /** Stores {@code entry} unless one exists for its (merchant, scope, key); returns the one that is stored. */
    Entry putIfAbsent(Entry entry);
}
