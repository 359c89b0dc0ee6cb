package dev.cofre.domain.merchant;

import io.vavr.control.Option;
import java.time.Instant;

/** Issued bearer tokens. */
public interface AccessTokens {

    void issue(AccessToken token);

    Option<AccessToken> find(SecretHash hash);

    /** Forgets tokens that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
