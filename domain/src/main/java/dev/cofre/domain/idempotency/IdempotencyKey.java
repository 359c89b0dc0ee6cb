package dev.cofre.domain.idempotency;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;

/**
 * The merchant's key for one request (1 to 255 characters, not blank, nothing that looks like a card
 * number: it is stored as sent). The same key, sent again,
 * gets the first result back instead of a second operation; keys are unique per merchant.
 */
public record IdempotencyKey(String value) {

    public static final int MAX_LENGTH = 255;

    public IdempotencyKey {
        if (value == null || value.isBlank() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("an idempotency key has 1 to 255 characters");
        }
    }

    public static Either<InvalidInput, IdempotencyKey> parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.left(InvalidInput.missing(field));
        }
        if (raw.length() > MAX_LENGTH) {
            return Either.left(InvalidInput.of(field, "must have at most " + MAX_LENGTH + " characters"));
        }
        if (dev.cofre.domain.card.EmbeddedCardNumbers.in(raw)) {
            return Either.left(InvalidInput.of(field, "must not contain a card number"));
        }
        return Either.right(new IdempotencyKey(raw));
    }

    @Override
    public String toString() {
        return value;
    }
}
