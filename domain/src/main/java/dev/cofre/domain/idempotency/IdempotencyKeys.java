package dev.cofre.domain.idempotency;

import io.vavr.control.Option;

/**
 * The requests made under idempotency keys, with what each asked and how it ended, unique per
 * (merchant, scope, key) across every server sharing the store. Both methods run inside the
 * caller's transaction, with the request's work, so a key is remembered exactly when the work
 * committed.
 */
public interface IdempotencyKeys {

    /** How an earlier request under the key ended: what it asked, and its outcome (e.g. a token reference). */
    record Remembered(RequestFingerprint fingerprint, String outcome) {
    }

    /**
     * Claims the request's key for this transaction and answers none; or, if a request already
     * committed under the key, answers what it remembered. A concurrent claim of the same key
     * waits until this transaction ends, then sees its outcome (or claims the key if it rolled back).
     */
    Option<Remembered> claim(IdempotentRequest request);

    /** Records the outcome of the request this transaction claimed. */
    void remember(IdempotentRequest request, String outcome);
}
