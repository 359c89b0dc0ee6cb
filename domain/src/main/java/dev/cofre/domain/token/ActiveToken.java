package dev.cofre.domain.token;

import io.vavr.control.Option;
import java.time.Instant;

/** A token whose card may be read and charged. It may be suspended or removed. */
public record ActiveToken(TokenDetails details, Option<StatusChange> lastChange, Instant updatedAt, long version)
        implements Token {

    public ActiveToken {
        java.util.Objects.requireNonNull(details, "details");
        java.util.Objects.requireNonNull(lastChange, "lastChange");
        java.util.Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public TokenStatus status() {
        return TokenStatus.ACTIVE;
    }

    public SuspendedToken suspend(ChangedBy by, ChangeReason reason, Instant at) {
        return new SuspendedToken(details, new StatusChange(TokenStatus.SUSPENDED, by, reason, at), at, version + 1);
    }

    /** Final: the store destroys the sealed number in the same write. */
    public RemovedToken remove(ChangedBy by, ChangeReason reason, Instant at) {
        return RemovedToken.from(this, by, reason, at);
    }
}
