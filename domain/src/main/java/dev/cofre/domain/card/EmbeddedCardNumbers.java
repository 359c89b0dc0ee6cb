package dev.cofre.domain.card;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;

/**
 * Finds card numbers pasted where they do not belong (an alias, a name, a description, an id):
 * a run of 13 to 19 digits, possibly split by single spaces or dashes, that passes the check
 * digit. One detector for every dialect; it never repeats what it found.
 */
public final class EmbeddedCardNumbers {

    public static final int MIN_DIGITS = 13;
    public static final int MAX_DIGITS = 19;

    private EmbeddedCardNumbers() {
    }

    /** Whether {@code text} holds something that looks like a card number. */
    public static boolean in(String text) {
        if (text == null) {
            return false;
        }
        var runs = new Runs(text);
        while (runs.next()) {
            if (runs.looksLikeACard()) {
                return true;
            }
        }
        return false;
    }

    /** {@code text} unchanged, or refused for holding a card number, in an error that does not repeat it. */
    public static Either<InvalidInput, String> refuse(String field, String text) {
        return in(text) ? Either.left(InvalidInput.invalid(field, "must not contain a card number")) : Either.right(text);
    }

    /** {@code text} with every digit of each card number it seems to hold replaced by {@code *}, for logs and audit. */
    public static String masked(String text) {
        if (text == null) {
            return null;
        }
        var out = new StringBuilder(text);
        var runs = new Runs(text);
        while (runs.next()) {
            if (runs.looksLikeACard()) {
                for (int i = runs.start; i < runs.end; i++) {
                    if (Character.isDigit(out.charAt(i))) {
                        out.setCharAt(i, '*');
                    }
                }
            }
        }
        return out.toString();
    }

    /** The maximal runs of ASCII digits in a text, where single spaces or dashes may separate digits. */
    private static final class Runs {
        private final String text;
        private int start;
        private int end;
        private final StringBuilder digits = new StringBuilder();

        Runs(String text) {
            this.text = text;
        }

        boolean next() {
            int i = end;
            while (i < text.length() && !digit(text.charAt(i))) {
                i++;
            }
            if (i >= text.length()) {
                return false;
            }
            start = i;
            digits.setLength(0);
            while (i < text.length()) {
                char c = text.charAt(i);
                if (digit(c)) {
                    digits.append(c);
                    i++;
                } else if ((c == ' ' || c == '-') && i + 1 < text.length() && digit(text.charAt(i + 1))) {
                    i++;
                } else {
                    break;
                }
            }
            end = i;
            return true;
        }

        boolean looksLikeACard() {
            return digits.length() >= MIN_DIGITS && digits.length() <= MAX_DIGITS && Luhn.isValid(digits.toString());
        }

        private static boolean digit(char c) {
            return c >= '0' && c <= '9';
        }
    }
}
