package dev.cofre.domain.charge;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;

/**
 * A network token's cryptogram: good for one transaction. It goes to the acquirer and to the
 * {@link CryptogramHasher}, and is never stored, logged or printed.
 */
public final class Cryptogram {

    public static final int MAX_LENGTH = 256;

    private final String value;

    private Cryptogram(String value) {
        this.value = value;
    }

    public static Either<InvalidInput, Cryptogram> parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.left(InvalidInput.missing(field));
        }
        if (raw.length() > MAX_LENGTH) {
            return Either.left(InvalidInput.of(field, "must have at most " + MAX_LENGTH + " characters"));
        }
        return Either.right(new Cryptogram(raw));
    }

    /** Only the cryptogram hashers and the acquirer adapter may call this (DependencyRuleTest checks it). */
    public String revealValue() {
        return value;
    }

    @Override
    public String toString() {
        return "Cryptogram[***]";
    }
}
