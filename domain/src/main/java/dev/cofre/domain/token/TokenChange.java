package dev.cofre.domain.token;

/**
 * What a merchant's status request did to a token: moved it (the store must save {@link #token()}),
 * or found it where it was asked to go already, a retried request that changes nothing.
 */
public record TokenChange(Token token, boolean moved) {

    public TokenChange {
        java.util.Objects.requireNonNull(token, "token");
    }

    static TokenChange moved(Token to) {
        return new TokenChange(to, true);
    }

    static TokenChange alreadyDone(Token token) {
        return new TokenChange(token, false);
    }
}
