package dev.cofre.domain.merchant;

import dev.cofre.domain.DomainError;

/** Why a merchant could not authenticate. Codes 780-789 are Cofre's own (seed 004 has none for OAuth). */
public sealed interface MerchantError extends DomainError {

    /** Unknown client id or wrong secret: the two are indistinguishable on purpose. */
    record InvalidClient() implements MerchantError {
        public int code() { return 780; }
        public String message() { return "Client authentication failed"; }
    }

    /** Too many wrong secrets for one client id within the throttle window. */
    record TooManyFailures(long retryAfterSeconds) implements MerchantError {
        public int code() { return 781; }
        public String message() { return "Too many failed attempts; retry later"; }
    }
}
