package dev.cofre.application.inmemory;

import dev.cofre.domain.charge.Cryptogram;
import dev.cofre.domain.charge.CryptogramDigest;
import dev.cofre.domain.charge.CryptogramHasher;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of cryptograms under a key of their own. With a random key (the default) digests are
 * only comparable within one process, which is all the in-memory store needs.
 */
public final class HmacCryptogramHasher implements CryptogramHasher {

    private final SecretKeySpec key;

    public HmacCryptogramHasher(byte[] key) {
        if (key.length < 32) {
            throw new IllegalArgumentException("an HMAC-SHA256 key has at least 32 bytes");
        }
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    public static HmacCryptogramHasher withRandomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return new HmacCryptogramHasher(key);
    }

    @Override
    public CryptogramDigest digest(Cryptogram cryptogram) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            byte[] digest = mac.doFinal(cryptogram.revealValue().getBytes(StandardCharsets.UTF_8));
            return new CryptogramDigest(HexFormat.of().formatHex(digest));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
