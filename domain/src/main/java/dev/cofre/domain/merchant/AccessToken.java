package dev.cofre.domain.merchant;

import java.time.Instant;

/** An issued OAuth2 bearer token, as stored: its hash, its merchant and when it stops working. */
public record AccessToken(SecretHash hash, MerchantId merchant, Instant expiresAt) {

    public boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }
}
