package dev.cofre.domain.token;

import java.util.Arrays;

/**
 * A card number sealed by the {@link CardCipher}: the data key wrapped by key-encryption key
 * {@code kekVersion}, and the encrypted number. Opaque to everything but the cipher.
 */
public final class SealedPan {

    private final int kekVersion;
    private final byte[] wrappedKey;
    private final byte[] ciphertext;

    public SealedPan(int kekVersion, byte[] wrappedKey, byte[] ciphertext) {
        if (kekVersion < 1) {
            throw new IllegalArgumentException("key versions start at 1");
        }
        this.kekVersion = kekVersion;
        this.wrappedKey = wrappedKey.clone();
        this.ciphertext = ciphertext.clone();
    }

    public int kekVersion() {
        return kekVersion;
    }

    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    public byte[] ciphertext() {
        return ciphertext.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SealedPan other && other.kekVersion == kekVersion
                && Arrays.equals(other.wrappedKey, wrappedKey) && Arrays.equals(other.ciphertext, ciphertext);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * kekVersion + Arrays.hashCode(wrappedKey)) + Arrays.hashCode(ciphertext);
    }

    @Override
    public String toString() {
        return "SealedPan[kek v" + kekVersion + "]";
    }
}
