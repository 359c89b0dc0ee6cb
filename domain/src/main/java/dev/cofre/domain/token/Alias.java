package dev.cofre.domain.token;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.EmbeddedCardNumbers;
import io.vavr.control.Either;
import java.util.regex.Pattern;

/**
 * A merchant's nickname for a vaulted card: up to 64 letters, digits and {@code _ - . @ +}
 * (seed 003). It travels in URL paths, so spaces and slashes are refused.
 */
public record Alias(String value) {

    public static final int MAX_LENGTH = 64;
    private static final Pattern ALLOWED = Pattern.compile("[\\p{L}\\p{N}_.@+\\-]{1," + MAX_LENGTH + "}");

    public Alias {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new IllegalArgumentException("an alias has 1 to 64 letters, digits or _ - . @ +");
        }
    }

    public static Either<InvalidInput, Alias> parse(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Either.left(InvalidInput.missing(field));
        }
        if (raw.length() > MAX_LENGTH) {
            return Either.left(InvalidInput.invalid(field, "must have at most " + MAX_LENGTH + " characters"));
        }
        if (!ALLOWED.matcher(raw).matches()) {
            return Either.left(InvalidInput.invalid(field, "may contain only letters, digits and _ - . @ +"));
        }
        // An alias is stored, echoed and put in URLs: a card number pasted into it would be kept in clear.
        return EmbeddedCardNumbers.refuse(field, raw).map(Alias::new);
    }

    @Override
    public String toString() {
        return value;
    }
}
