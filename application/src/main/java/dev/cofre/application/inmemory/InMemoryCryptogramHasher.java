package dev.cofre.application.inmemory;

import dev.cofre.domain.Sha256;
import dev.cofre.domain.charge.Cryptogram;
import dev.cofre.domain.charge.CryptogramDigest;
import dev.cofre.domain.charge.CryptogramHasher;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Cryptogram digests for one process: SHA-256 of a random secret of its own and the cryptogram.
 * Its digests are comparable only within the process that made them, which is all the in-memory
 * stores need. Servers that share a database use the crypto adapter's hasher, keyed from the key file.
 */
public final class InMemoryCryptogramHasher implements CryptogramHasher {

    private final String secret;

    public InMemoryCryptogramHasher() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        this.secret = HexFormat.of().formatHex(bytes);
    }

    @Override
    public CryptogramDigest digest(Cryptogram cryptogram) {
        return new CryptogramDigest(Sha256.hex((secret + ":" + cryptogram.revealValue())
                .getBytes(StandardCharsets.UTF_8)));
    }
}
