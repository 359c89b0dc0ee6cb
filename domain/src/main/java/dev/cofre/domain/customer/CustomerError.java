package dev.cofre.domain.customer;

import dev.cofre.domain.DomainError;

/**
 * Why a customer operation was refused; nothing was changed. Codes 870-879 are the customers'.
 * Field errors are {@link dev.cofre.domain.InvalidInput} (799).
 */
public sealed interface CustomerError extends DomainError {

    /** Unknown, or another merchant's: the two are indistinguishable on purpose. */
    record CustomerNotFound() implements CustomerError {
        public int code() { return 870; }
        public String message() { return "Customer not found"; }
    }

    /** Another customer of this merchant has this e-mail (letter case ignored). */
    record EmailInUse() implements CustomerError {
        public int code() { return 871; }
        public String message() { return "A customer with this email already exists"; }
    }

    /** Unknown, another customer's, or another merchant's card. */
    record CardNotFound() implements CustomerError {
        public int code() { return 872; }
        public String message() { return "Card not found"; }
    }

    /** Someone changed the customer first; read it again and retry. */
    record ConcurrentUpdate() implements CustomerError {
        public int code() { return 873; }
        public String message() { return "Customer was changed concurrently; retry"; }
    }

    /** The same card (by fingerprint) is saved for this customer already. */
    record CardAlreadySaved() implements CustomerError {
        public int code() { return 874; }
        public String message() { return "This card is already saved for the customer"; }
    }
}
