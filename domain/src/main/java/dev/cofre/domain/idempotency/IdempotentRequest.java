package dev.cofre.domain.idempotency;

import dev.cofre.domain.merchant.MerchantId;

/**
 * A request made under an idempotency key: whose it is, which key space it uses (e.g. tokenize,
 * charges) and what it asked. Keys are unique per (merchant, scope).
 */
public record IdempotentRequest(MerchantId merchant, String scope, IdempotencyKey key,
                                RequestFingerprint fingerprint) {

    public IdempotentRequest {
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(scope, "scope");
        java.util.Objects.requireNonNull(key, "key");
        java.util.Objects.requireNonNull(fingerprint, "fingerprint");
    }
}
