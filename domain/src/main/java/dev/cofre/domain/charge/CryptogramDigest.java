package dev.cofre.domain.charge;

/** A keyed hash of a cryptogram (hex): what the spent-cryptogram store keeps instead of the cryptogram. */
public record CryptogramDigest(String hex) {
    public CryptogramDigest {
        if (!dev.cofre.domain.Sha256.isHex(hex)) {
            throw new IllegalArgumentException("a cryptogram digest is 64 lower-case hex digits");
        }
    }
}
