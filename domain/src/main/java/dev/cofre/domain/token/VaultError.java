package dev.cofre.domain.token;

import dev.cofre.domain.DomainError;

/** The vault's expected failures. Codes are seed 004's where it has one; 760-779 are Cofre's own. */
public sealed interface VaultError extends DomainError {

    /** Unknown, or another merchant's: the two are indistinguishable on purpose. */
    record TokenNotFound() implements VaultError {
        public int code() { return 724; }
        public String message() { return "Credit card not exists for merchant"; }
    }

    record AliasNotFound() implements VaultError {
        public int code() { return 724; }
        public String message() { return "No active token has this alias for merchant"; }
    }

    record AliasInUse(Alias alias) implements VaultError {
        public int code() { return 749; }
        public String message() { return "JustClickAlias Already Exists"; }
    }

    /** The token is not in a status that allows the operation (e.g. reactivate an ACTIVE token). */
    record InvalidTransition(TokenStatus from, String operation) implements VaultError {
        public int code() { return 761; }
        public String message() {
            return "Cannot " + operation + " a token that is " + from.displayName();
        }
    }

    /** The card can be read or charged only while its token is ACTIVE. */
    record TokenNotActive(TokenStatus status) implements VaultError {
        public int code() { return 760; }
        public String message() { return "Token is " + status.displayName() + ", not Active"; }
    }

    /** Someone else changed the token first; read it again and retry. */
    record ConcurrentUpdate() implements VaultError {
        public int code() { return 762; }
        public String message() { return "Token was changed concurrently; retry"; }
    }

    /** A sealed card number failed its integrity check: tampered, or moved from another row. */
    record SealBroken() implements VaultError {
        public int code() { return 763; }
        public String message() { return "Stored card data failed its integrity check"; }
    }

    record RequestIdAlreadyUsed() implements VaultError {
        public int code() { return 735; }
        public String message() { return "Save Credit Card Request Id Already Exists"; }
    }

    record SaveRequestIdNotFound() implements VaultError {
        public int code() { return 733; }
        public String message() { return "SaveCreditCardRequestId not found for this Merchant"; }
    }

    record KeyRecoveryLocked() implements VaultError {
        public int code() { return 734; }
        public String message() { return "Numbers of attempts to Recovery JustClickKey exceeded"; }
    }

    record IpNotAllowed() implements VaultError {
        public int code() { return 731; }
        public String message() { return "Invalid IP address"; }
    }

    record CardExpired() implements VaultError {
        public int code() { return 764; }
        public String message() { return "Card is expired"; }
    }
}
