package dev.cofre.domain.customer;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.EmbeddedCardNumbers;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The customer's free-text fields (names, description, street, ...): optional, bounded, no control
 * characters, and never something that looks like a card number ({@link EmbeddedCardNumbers}), which
 * a merchant may paste there by mistake. Every dialect's customer fields (Mercado Pago's names,
 * description, street; any dialect added later) get the rule by being read through this type.
 */
public final class FreeText {

    private FreeText() {
    }

    /** Absent, or null: none. Blank after stripping: none too (seed 000 prints such fields as null). */
    public static Either<InvalidInput, Option<String>> parse(String field, String raw, int maxLength) {
        if (raw == null || raw.isBlank()) {
            return Either.right(Option.none());
        }
        String text = raw.strip();
        if (text.length() > maxLength) {
            return Either.left(InvalidInput.of(field, "must have at most " + maxLength + " characters"));
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            return Either.left(InvalidInput.of(field, "must not contain control characters"));
        }
        if (holdsCardNumber(text)) {
            return Either.left(InvalidInput.of(field, "must not contain a card number"));
        }
        return Either.right(Option.some(text));
    }

    /** Whether {@code text} holds something that looks like a card number, as {@link EmbeddedCardNumbers} finds them. */
    public static boolean holdsCardNumber(String text) {
        return EmbeddedCardNumbers.in(text);
    }
}
