package dev.cofre.adapters.crypto;

import dev.cofre.domain.charge.Cryptogram;
import dev.cofre.domain.charge.CryptogramDigest;
import dev.cofre.domain.charge.CryptogramHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 of network-token cryptograms, so that spent ones are recognised without keeping
 * them. Its key is derived from the key ring's fingerprint key (HMAC of a fixed label), so every
 * server with the same key file computes the same digests, and the key file needs no new entry;
 * the label keeps cryptogram digests apart from card fingerprints.
 */
public final class HmacCryptogramHasher implements CryptogramHasher {

    private static final byte[] LABEL = "cofre cryptogram digest v1".getBytes(StandardCharsets.US_ASCII);

    private final SecretKey key;

    public HmacCryptogramHasher(KeyRing keys) {
        byte[] derived = HmacSha256.of(keys.fingerprintKey(), LABEL);
        this.key = new SecretKeySpec(derived, HmacSha256.ALGORITHM);
        Arrays.fill(derived, (byte) 0);
    }

    /** Keyed from the key file the cipher uses (created on first use, see {@link KeyFile#loadOrCreate}). */
    public static HmacCryptogramHasher fromKeyFile(Path file) {
        return new HmacCryptogramHasher(KeyFile.loadOrCreate(file));
    }

    @Override
    public CryptogramDigest digest(Cryptogram cryptogram) {
        return new CryptogramDigest(HmacSha256.hex(key, cryptogram.revealValue().getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public String toString() {
        return "HmacCryptogramHasher[key derived from the key ring]";
    }
}
