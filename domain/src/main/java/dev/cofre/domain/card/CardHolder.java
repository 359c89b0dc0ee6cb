package dev.cofre.domain.card;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;

/** The name printed on the card: 1 to 25 characters (seed 003). */
public record CardHolder(String name) {

    public static final int MAX_LENGTH = 25;

    public CardHolder {
        if (name == null || name.isBlank() || name.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("a card holder has 1 to 25 characters");
        }
    }

    public static Either<InvalidInput, CardHolder> parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.left(InvalidInput.missing(field));
        }
        String name = raw.strip();
        if (name.length() > MAX_LENGTH) {
            return Either.left(InvalidInput.invalid(field, "must have at most " + MAX_LENGTH + " characters"));
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return Either.left(InvalidInput.invalid(field, "must not contain control characters"));
        }
        if (name.chars().anyMatch(Character::isDigit)) {
            return Either.left(InvalidInput.invalid(field, "must not contain digits"));
        }
        return Either.right(new CardHolder(name));
    }

    @Override
    public String toString() {
        return name;
    }
}
