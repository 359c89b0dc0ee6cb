package dev.cofre.domain.card;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Luhn-valid card numbers of every brand, built from the BIN table. Shared with other modules' tests. */
public final class CardArbitraries {

    private CardArbitraries() {
    }

    /** A Luhn-valid number of the given length starting with the given prefix. */
    public static String complete(String prefix, String filler) {
        int length = prefix.length() + filler.length() + 1;
        String payload = (prefix + filler).substring(0, length - 1);
        return payload + Luhn.checkDigit(payload);
    }

    static int lengthOf(Brand brand) {
        return switch (brand) {
            case AMEX -> 15;
            case DINERS -> 14;
            default -> 16;
        };
    }

    /** A Luhn-valid number whose prefix lies in the given BIN-table row (its brand may be shadowed by an earlier row). */
    public static Arbitrary<String> numbersIn(Brand.BinRange range) {
        return Arbitraries.integers().between(range.low(), range.high()).flatMap(prefix -> {
            int length = lengthOf(range.brand());
            int fill = length - 1 - range.digits();
            return Arbitraries.strings().numeric().ofLength(fill)
                    .map(f -> complete(String.valueOf(prefix), f));
        });
    }

    /** Luhn-valid numbers whose detected brand is {@code brand}. */
    public static Arbitrary<String> numbers(Brand brand) {
        return Arbitraries.of(Brand.BIN_TABLE.filter(r -> r.brand() == brand).toJavaList())
                .flatMap(CardArbitraries::numbersIn)
                .filter(n -> Brand.ofDigits(n) == brand);
    }

    /** Luhn-valid numbers of any known brand. */
    public static Arbitrary<String> numbers() {
        return Arbitraries.of(Brand.BIN_TABLE.toJavaList()).flatMap(CardArbitraries::numbersIn);
    }

    public static Arbitrary<Pan> pans() {
        return numbers().map(n -> Pan.parse(n).get());
    }

    /** Numbers of 12 to 19 digits with a valid check digit and any prefix. */
    public static Arbitrary<String> anyLengthNumbers() {
        return Arbitraries.integers().between(Pan.MIN_LENGTH, Pan.MAX_LENGTH)
                .flatMap(len -> Arbitraries.strings().numeric().ofLength(len - 1))
                .filter(s -> s.charAt(0) != '0')
                .map(s -> s + Luhn.checkDigit(s));
    }

    public static Arbitrary<CardExpiry> expiries() {
        return Combinators.combine(Arbitraries.integers().between(2000, 2199), Arbitraries.integers().between(1, 12))
                .as(CardExpiry::of);
    }

    /** A security code of the right length for the brand. */
    public static Arbitrary<String> securityCodes(Brand brand) {
        return Arbitraries.strings().numeric().ofLength(brand.securityCodeLength());
    }
}
