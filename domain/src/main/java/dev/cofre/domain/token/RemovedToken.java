package dev.cofre.domain.token;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * A removed token: final. Its sealed number is destroyed, its alias is free for another token, and
 * it keeps who removed it and why.
 */
public record RemovedToken(TokenDetails details, StatusChange removal, Instant updatedAt, long version)
        implements Token {

    public RemovedToken {
        java.util.Objects.requireNonNull(details, "details");
        java.util.Objects.requireNonNull(removal, "removal");
        java.util.Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** What removing {@code token} (active or suspended) makes of it. */
    static RemovedToken from(Token token, ChangedBy by, ChangeReason reason, Instant at) {
        return new RemovedToken(token.details(), new StatusChange(TokenStatus.REMOVED, by, reason, at), at,
                token.version() + 1);
    }

    @Override
    public TokenStatus status() {
        return TokenStatus.REMOVED;
    }

    @Override
    public Option<StatusChange> lastChange() {
        return Option.some(removal);
    }
}
