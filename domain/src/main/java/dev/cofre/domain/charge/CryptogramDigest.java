package dev.cofre.domain.charge;

/** A keyed hash of a cryptogram (hex): what the spent-cryptogram store keeps instead of the cryptogram. */
public record CryptogramDigest(String hex) {
    public CryptogramDigest {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a cryptogram digest is 64 lower-case hex digits");
        }
    }
}
