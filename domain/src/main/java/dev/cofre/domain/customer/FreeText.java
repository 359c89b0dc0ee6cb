package dev.cofre.domain.customer;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Luhn;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The customer's free-text fields (names, description, street, ...): optional, bounded, no control
 * characters, and never something that looks like a card number (12 to 19 digits, spaces or dashes
 * between them allowed, passing the check digit), which a merchant may paste there by mistake.
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

    /** Whether a run of digits (spaces and dashes between them ignored) is a Luhn-valid 12-19 digit number. */
    public static boolean holdsCardNumber(String text) {
        var digits = new StringBuilder();
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : 'x';
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c != ' ' && c != '-' || i == text.length()) {
                if (anyCardNumberIn(digits)) {
                    return true;
                }
                digits.setLength(0);
            }
        }
        return false;
    }

    private static boolean anyCardNumberIn(CharSequence run) {
        return run.length() >= 12 && run.length() <= 19 && Luhn.isValid(run.toString());
    }
}
