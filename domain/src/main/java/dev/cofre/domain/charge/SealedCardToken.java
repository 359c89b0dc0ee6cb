package dev.cofre.domain.charge;

import io.vavr.control.Option;
import java.util.Arrays;

/**
 * A card token's secrets sealed by the {@link dev.cofre.domain.token.CardCipher}: one data key of
 * the token's own, wrapped under key-encryption key {@code kekVersion}, that encrypts the number
 * and, when there is one, the security code. Opaque to everything but the cipher.
 */
public final class SealedCardToken {

    private final int kekVersion;
    private final byte[] wrappedKey;
    private final byte[] panCiphertext;
    private final Option<byte[]> securityCodeCiphertext;

    public SealedCardToken(int kekVersion, byte[] wrappedKey, byte[] panCiphertext, Option<byte[]> securityCodeCiphertext) {
        if (kekVersion < 1) {
            throw new IllegalArgumentException("key versions start at 1");
        }
        this.kekVersion = kekVersion;
        this.wrappedKey = wrappedKey.clone();
        this.panCiphertext = panCiphertext.clone();
        this.securityCodeCiphertext = securityCodeCiphertext.map(byte[]::clone);
    }

    public int kekVersion() {
        return kekVersion;
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    public byte[] panCiphertext() {
        return panCiphertext.clone();
    }

    public Option<byte[]> securityCodeCiphertext() {
        return securityCodeCiphertext.map(byte[]::clone);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedCardToken other && other.kekVersion == kekVersion
                && Arrays.equals(other.wrappedKey, wrappedKey) && Arrays.equals(other.panCiphertext, panCiphertext)
                && Arrays.equals(other.securityCodeCiphertext.getOrNull(), securityCodeCiphertext.getOrNull());
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kekVersion + Arrays.hashCode(wrappedKey)) + Arrays.hashCode(panCiphertext);
    }

    @Override
    public String toString() {
        return "SealedCardToken[kek v" + kekVersion + "]";
    }
}
