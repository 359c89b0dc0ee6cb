package dev.cofre.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class PanProperties {

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(CardArbitraries.numbers(), CardArbitraries.anyLengthNumbers());
    }

    @Property
    void every_luhn_valid_number_of_12_to_19_digits_parses(@ForAll("numbers") String number) {
        var pan = Pan.parse(number);
        assertTrue(pan.isRight());
        assertEquals(number, pan.get().revealDigits());
    }

    @Property
    void a_single_changed_digit_breaks_the_check(@ForAll("numbers") String number,
                                                 @ForAll @net.jqwik.api.constraints.IntRange(min = 0, max = 18) int position,
                                                 @ForAll @net.jqwik.api.constraints.IntRange(min = 1, max = 9) int delta) {
        int at = position % number.length();
        char changed = (char) ('0' + (number.charAt(at) - '0' + delta) % 10);
        String typo = number.substring(0, at) + changed + number.substring(at + 1);
        assertTrue(Pan.parse(typo).isLeft());
    }

    @Property
    void the_vault_mask_shows_only_the_last_four(@ForAll("numbers") String number) {
        String mask = Pan.parse(number).get().masked().vaultMask();
        assertEquals(number.length(), mask.length());
        assertEquals(number.substring(number.length() - 4), mask.substring(mask.length() - 4));
        assertTrue(mask.substring(0, mask.length() - 4).chars().allMatch(c -> c == '*'));
    }

    @Property
    void no_mask_shows_more_than_the_bin_and_the_last_four(@ForAll("numbers") String number) {
        var masked = Pan.parse(number).get().masked();
        for (String mask : List.of(masked.vaultMask(), masked.binAndLastFour())) {
            String middle = mask.substring(6, mask.length() - 4);
            assertTrue(middle.chars().allMatch(c -> c == '*'), mask);
            assertTrue(mask.chars().filter(Character::isDigit).count() <= 10);
        }
        assertEquals(number.substring(0, 6), masked.bin());
    }

    @Property
    void to_string_never_contains_the_digits(@ForAll("numbers") String number) {
        var pan = Pan.parse(number).get();
        var card = new Card(pan, new CardHolder("Jose da Silva"), CardExpiry.of(2030, 12));
        for (String printed : List.of(pan.toString(), card.toString(), pan.masked().toString())) {
            assertFalse(printed.contains(number), printed);
            assertFalse(printed.contains(number.substring(0, 10)), printed);
        }
    }

    @Property
    void parse_errors_never_echo_the_number(@ForAll("numbers") String number) {
        String broken = number.substring(0, number.length() - 1) + (char) ('0' + (number.charAt(number.length() - 1) - '0' + 1) % 10);
        String message = Pan.parse("Card.Number", broken).getLeft().message();
        assertFalse(message.contains(broken));
        assertTrue(message.startsWith("Card.Number"));
    }

    @Property
    void every_bin_table_row_detects_its_brand_unless_an_earlier_row_claims_the_number(
            @ForAll("tableRows") Brand.BinRange row, @ForAll("seed") long seed) {
        String number = CardArbitraries.numbersIn(row).generator(100).next(new java.util.Random(seed)).value();
        var firstMatch = Brand.BIN_TABLE.find(r -> r.matches(number)).get();
        assertEquals(firstMatch.brand(), Pan.parse(number).get().brand());
        if (Brand.BIN_TABLE.indexOf(firstMatch) == Brand.BIN_TABLE.indexOf(row)) {
            assertEquals(row.brand(), Pan.parse(number).get().brand());
        }
    }

    @Provide
    Arbitrary<Brand.BinRange> tableRows() {
        return Arbitraries.of(Brand.BIN_TABLE.toJavaList());
    }

    @Provide
    Arbitrary<Long> seed() {
        return Arbitraries.longs();
    }

    @Property
    void generated_numbers_of_each_brand_are_detected_as_that_brand(@ForAll Brand brand, @ForAll long seed) {
        if (brand == Brand.UNKNOWN) {
            return;
        }
        String number = CardArbitraries.numbers(brand).generator(100).next(new java.util.Random(seed)).value();
        assertEquals(brand, Pan.parse(number).get().brand());
    }

    @Example
    void well_known_test_cards_have_their_brands() {
        assertEquals(Brand.VISA, Pan.parse("4551870000000183").get().brand());
        assertEquals(Brand.VISA, Pan.parse("4111111111111111").get().brand());
        assertEquals(Brand.MASTERCARD, Pan.parse("5555555555554444").get().brand());
        assertEquals(Brand.MASTERCARD, Pan.parse("2223003122003222").get().brand());
        assertEquals(Brand.AMEX, Pan.parse("378282246310005").get().brand());
        assertEquals(Brand.DINERS, Pan.parse("30569309025904").get().brand());
        assertEquals(Brand.DISCOVER, Pan.parse("6011111111111117").get().brand());
        assertEquals(Brand.JCB, Pan.parse("3530111333300000").get().brand());
        assertEquals(Brand.ELO, Pan.parse(CardArbitraries.complete("636368", "000000000")).get().brand());
        assertEquals(Brand.ELO, Pan.parse(CardArbitraries.complete("401178", "000000000")).get().brand());
        assertEquals(Brand.HIPERCARD, Pan.parse("6062825624254001").get().brand());
        assertEquals(Brand.AURA, Pan.parse(CardArbitraries.complete("507860", "000000000")).get().brand());
    }

    @Example
    void non_digits_and_wrong_lengths_are_refused_with_the_reason() {
        assertEquals("Card.Number: must contain only digits", Pan.parse("Card.Number", "4551 8700 0000 0183").getLeft().message());
        assertEquals("Card.Number: must have 12 to 19 digits", Pan.parse("Card.Number", "42").getLeft().message());
        assertEquals("Card.Number: is required", Pan.parse("Card.Number", "").getLeft().message());
        assertEquals("Card.Number: is required", Pan.parse("Card.Number", null).getLeft().message());
    }
}
