package dev.cofre.domain.merchant;

import io.vavr.control.Option;
import java.time.Instant;

/** Issued bearer tokens. */
public interface AccessTokens {

    void issue(AccessToken token);

    Option<AccessToken> find(SecretHash hash);

    /** Revokes every token of {@code merchant}, expired or not; returns how many. */
    int revokeAllOf(MerchantId merchant);

    /** Forgets tokens that expired before {@code now}; returns how many. */
    int purgeExpired(Instant now);
}
