package dev.cofre.domain.card;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;

/**
 * Finds card numbers pasted where they do not belong (an alias, a name, a description, an id):
 * a run of 13 to 19 digits, possibly split by spaces or dashes, that passes the check digit. One
 * detector for every dialect and every free-text value type ({@code Alias}, {@code FreeText},
 * {@code Metadata}, {@code StatementDescriptor}, {@code OrderItem}, ...); it never repeats what it found.
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
        if (!enoughDigits(text)) {
            return false;
        }
        var runs = new Runs(withoutUuids(text));
        while (runs.next()) {
            if (runs.looksLikeACard()) {
                return true;
            }
        }
        return false;
    }

    /** The length of a UUID written out in full: 8-4-4-4-12 hex digits. */
    private static final int UUID_LENGTH = 36;

    /** Cheap first test: a text with fewer than 13 digits holds no card number. */
    private static boolean enoughDigits(String text) {
        int digits = 0;
        for (int i = 0; i < text.length() && digits < MIN_DIGITS; i++) {
            if (Character.isDigit(text.charAt(i)) || Character.isSurrogate(text.charAt(i))) {
                digits++;
            }
        }
        return digits >= MIN_DIGITS;
    }

    /**
     * {@code text} with each UUID written out in full blanked (same length): a UUID is an id, not a
     * card number, though its digit groups, joined by its dashes, may pass the check digit by chance.
     * A UUID inside a longer id counts too ({@code cielo sale cofre-<uuid>}, an idempotency key with a prefix).
     */
    static String withoutUuids(String text) {
        // A scan, not a regular expression: it runs on every request's path (GET /v1/Token/{uuid}).
        char[] out = null;
        for (int i = 0; i + UUID_LENGTH <= text.length(); i++) {
            if (uuidAt(text, i) && (i == 0 || !hex(text.charAt(i - 1)))
                    && (i + UUID_LENGTH == text.length() || !hex(text.charAt(i + UUID_LENGTH)))) {
                if (out == null) {
                    out = text.toCharArray();
                }
                java.util.Arrays.fill(out, i, i + UUID_LENGTH, 'u');
                i += UUID_LENGTH - 1;
            }
        }
        return out == null ? text : new String(out);
    }

    /** Whether a UUID's 36 characters start at {@code at}: hex digits with dashes at 8, 13, 18 and 23. */
    private static boolean uuidAt(String text, int at) {
        for (int k = 0; k < UUID_LENGTH; k++) {
            char c = text.charAt(at + k);
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c != '-' : !hex(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(char c) {
        return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F';
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
        if (!enoughDigits(text)) {
            return text;
        }
        var out = new StringBuilder(text);
        var runs = new Runs(withoutUuids(text));
        while (runs.next()) {
            if (runs.looksLikeACard()) {
                for (int i = runs.start; i < runs.end; i++) {
                    if (Character.isDigit(out.charAt(i)) || Character.isSurrogate(out.charAt(i))) {
                        out.setCharAt(i, '*');
                    }
                }
            }
        }
        return out.toString();
    }

    /**
     * The maximal runs of digits in a text, where up to three separators (spaces of any kind, dashes)
     * may sit between digits. Digits of any script count ({@code ４}, a mathematical bold 4), so that a
     * number cannot hide in look-alike digits. A run holds a card number when a stretch of it from its
     * start to a separator, or from a separator to its end (or the whole run), has 13 to 19 digits and
     * passes the check digit: "4551 8700 0000 0183 12/30" holds one, though the whole run has 18 digits.
     */
    private static final class Runs {
        private static final int MAX_SEPARATORS = 3;
        private final String text;
        private int start;
        private int end;
        private final StringBuilder digits = new StringBuilder();
        /** Digit counts at which a separator came: where a stretch may start or end. */
        private final java.util.List<Integer> breaks = new java.util.ArrayList<>();

        Runs(String text) {
            this.text = text;
        }

        boolean next() {
            int i = end;
            while (i < text.length() && !digit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i >= text.length()) {
                return false;
            }
            start = i;
            digits.setLength(0);
            breaks.clear();
            breaks.add(0);
            while (i < text.length()) {
                int c = text.codePointAt(i);
                if (digit(c)) {
                    digits.append((char) ('0' + Character.digit(c, 10)));
                    i += Character.charCount(c);
                    continue;
                }
                int j = i;
                while (j < text.length() && j - i < MAX_SEPARATORS && separator(text.charAt(j))) {
                    j++;
                }
                if (j > i && j < text.length() && digit(text.codePointAt(j))) {
                    breaks.add(digits.length());
                    i = j;
                } else {
                    break;
                }
            }
            breaks.add(digits.length());
            end = i;
            return true;
        }

        boolean looksLikeACard() {
            int all = digits.length();
            for (int at : breaks) {
                if (card(0, at) || card(at, all)) {
                    return true;
                }
            }
            return false;
        }

        private boolean card(int from, int to) {
            int length = to - from;
            return length >= MIN_DIGITS && length <= MAX_DIGITS && Luhn.isValid(digits.substring(from, to));
        }

        private static boolean digit(int c) {
            return Character.isDigit(c) && Character.digit(c, 10) >= 0;
        }

        private static boolean separator(char c) {
            return c == '-' || Character.isWhitespace(c) || Character.isSpaceChar(c);
        }
    }
}
