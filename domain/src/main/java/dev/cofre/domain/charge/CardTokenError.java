package dev.cofre.domain.charge;

import dev.cofre.domain.DomainError;

/** Why a card token cannot be used. Codes 850-859. */
public sealed interface CardTokenError extends DomainError {

    /** Unknown, swept away after expiring, or another merchant's: indistinguishable on purpose. */
    record NotFound() implements CardTokenError {
        public int code() { return 850; }
        public String message() { return "Card token not found"; }
    }

    /** Used once already: a card token is single-use. */
    record Spent() implements CardTokenError {
        public int code() { return 851; }
        public String message() { return "Card token was already used"; }
    }

    record Expired() implements CardTokenError {
        public int code() { return 852; }
        public String message() { return "Card token has expired"; }
    }

    /** Its sealed number or code failed the integrity check: tampered, or moved from another row. */
    record Unreadable() implements CardTokenError {
        public int code() { return 853; }
        public String message() { return "Stored card data failed its integrity check"; }
    }
}
