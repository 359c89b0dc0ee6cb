package dev.cofre.domain.merchant;

import dev.cofre.domain.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The SHA-256 digest of a random secret (client secret, MerchantKey, access token). Secrets are
 * generated with at least 128 bits of entropy, so a plain digest cannot be reversed by guessing.
 */
public record SecretHash(String hex) {

    public SecretHash {
        if (!dev.cofre.domain.Sha256.isHex(hex)) {
            throw new IllegalArgumentException("a secret hash is 64 lower-case hex digits");
        }
    }

    public static SecretHash of(String secret) {
        return new SecretHash(Sha256.hex(secret.getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison with a presented secret. */
    public boolean matches(String secret) {
        return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                of(secret).hex.getBytes(StandardCharsets.US_ASCII));
    }

    @Override
    public String toString() {
        return "SecretHash[" + hex.substring(0, 8) + "...]";
    }
}
