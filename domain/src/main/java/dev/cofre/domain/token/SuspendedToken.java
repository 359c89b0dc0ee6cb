package dev.cofre.domain.token;

import io.vavr.control.Option;
import java.time.Instant;

/** A token put on hold (seed 003's suspend): its card cannot be read or charged until it is reactivated. */
public record SuspendedToken(TokenDetails details, StatusChange suspension, Instant updatedAt, long version)
        implements Token {

    public SuspendedToken {
        java.util.Objects.requireNonNull(details, "details");
        java.util.Objects.requireNonNull(suspension, "suspension");
        java.util.Objects.requireNonNull(updatedAt, "updatedAt");
    }

    @Override
    public TokenStatus status() {
        return TokenStatus.SUSPENDED;
    }

    @Override
    public Option<StatusChange> lastChange() {
        return Option.some(suspension);
    }

    public ActiveToken reactivate(ChangedBy by, ChangeReason reason, Instant at) {
        return new ActiveToken(details, Option.some(new StatusChange(TokenStatus.ACTIVE, by, reason, at)), at,
                version + 1);
    }

    /** Final: the store destroys the sealed number in the same write. */
    public RemovedToken remove(ChangedBy by, ChangeReason reason, Instant at) {
        return RemovedToken.from(this, by, reason, at);
    }
}
