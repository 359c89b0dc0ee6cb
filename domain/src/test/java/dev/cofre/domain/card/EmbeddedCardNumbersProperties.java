package dev.cofre.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;

/** The detector of card numbers in free text finds every Luhn-valid 13–19 digit run, however it is split. */
class EmbeddedCardNumbersProperties {

    @Provide
    Arbitrary<String> cardNumbers() {
        return Arbitraries.integers().between(EmbeddedCardNumbers.MIN_DIGITS, EmbeddedCardNumbers.MAX_DIGITS)
                .flatMap(length -> Arbitraries.strings().numeric().ofLength(length - 1))
                .map(payload -> payload + Luhn.checkDigit(payload));
    }

    @Provide
    Arbitrary<String> separators() {
        return Arbitraries.of("", " ", "-");
    }

    @Property
    void a_card_number_anywhere_in_text_is_found_and_masked_whole(@ForAll("cardNumbers") String number,
                                                                  @ForAll("separators") String separator,
                                                                  @ForAll @IntRange(min = 1, max = 6) int group,
                                                                  @ForAll @StringLength(max = 10) String before,
                                                                  @ForAll @StringLength(max = 10) String after) {
        var split = new StringBuilder();
        for (int i = 0; i < number.length(); i++) {
            if (i > 0 && i % group == 0) {
                split.append(separator);
            }
            split.append(number.charAt(i));
        }
        String prefix = before.isEmpty() || !Character.isDigit(before.charAt(before.length() - 1)) ? before : before + "x";
        String suffix = after.isEmpty() || !Character.isDigit(after.charAt(0)) ? after : "x" + after;
        String text = prefix + "x" + split + "x" + suffix;
        assertTrue(EmbeddedCardNumbers.in(text), text);
        String masked = EmbeddedCardNumbers.masked(text);
        assertFalse(masked.replaceAll("[^0-9]", "").contains(number), masked);
        assertEquals(text.length(), masked.length());
        assertTrue(EmbeddedCardNumbers.refuse("Alias", text).getLeft().message().indexOf(number.substring(0, 6)) < 0);
    }

    @Property
    void digit_runs_that_cannot_be_card_numbers_are_left_alone(@ForAll("cardNumbers") String number) {
        char wrong = (char) ('0' + (number.charAt(number.length() - 1) - '0' + 1) % 10);
        String badCheckDigit = number.substring(0, number.length() - 1) + wrong;
        assertFalse(EmbeddedCardNumbers.in("ref " + badCheckDigit), badCheckDigit);
        assertFalse(EmbeddedCardNumbers.in(number.substring(0, 12)), "12 digits are too short");
        assertEquals("ref " + badCheckDigit, EmbeddedCardNumbers.masked("ref " + badCheckDigit));
    }

    @Example
    void ids_and_ordinary_text_are_not_card_numbers() {
        assertFalse(EmbeddedCardNumbers.in("c7026cf4-d1ee-49e2-ab6e-52c6d6d3e301"));
        assertFalse(EmbeddedCardNumbers.in("CartaoDoJose"));
        assertFalse(EmbeddedCardNumbers.in("12/2030"));
        assertTrue(EmbeddedCardNumbers.in("/v1/Token/378282246310005"));
        assertEquals("/v1/Token/***************", EmbeddedCardNumbers.masked("/v1/Token/378282246310005"));
        assertTrue(EmbeddedCardNumbers.in("4551 8700 0000 0183"));
        assertTrue(EmbeddedCardNumbers.in("4551-8700-0000-0183"));
    }

    /** The pattern the UUID scan replaced: a UUID written out in full, not inside a longer hex run. */
    private static final java.util.regex.Pattern UUID = java.util.regex.Pattern.compile(
            "(?<![0-9A-Fa-f])[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}(?![0-9A-Fa-f])");

    @Provide
    Arbitrary<String> idLikeText() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.create(() -> java.util.UUID.randomUUID().toString()),
                Arbitraries.create(() -> java.util.UUID.randomUUID().toString().toUpperCase(java.util.Locale.ROOT)),
                Arbitraries.strings().withChars("0123456789abcdefABCDEF-xg /").ofMaxLength(12));
        return piece.list().ofMaxSize(6).map(pieces -> String.join("", pieces));
    }

    @Property
    void uuids_are_blanked_exactly_where_the_regular_expression_finds_them(@ForAll("idLikeText") String text) {
        var m = UUID.matcher(text);
        var expected = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                expected.setCharAt(i, 'u');
            }
        }
        assertEquals(expected.toString(), EmbeddedCardNumbers.withoutUuids(text), text);
    }
}
