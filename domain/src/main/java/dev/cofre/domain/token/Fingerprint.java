package dev.cofre.domain.token;

/** A keyed hash of a card number, to recognise the same card saved twice without storing it. */
public record Fingerprint(String hex) {

    public Fingerprint {
        if (!dev.cofre.domain.Sha256.isHex(hex)) {
            throw new IllegalArgumentException("a fingerprint is 64 lower-case hex digits");
        }
    }
}
