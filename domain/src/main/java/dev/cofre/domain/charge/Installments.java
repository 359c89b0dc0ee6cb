package dev.cofre.domain.charge;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Brand;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * How many installments a card may be charged in: at least 1 (the default), at most its brand's
 * maximum, and only 1 unless it is a credit card (debit and prepaid are paid at once).
 *
 * <pre>
 * brand                                     maximum
 * Visa, Mastercard, Elo, Amex, Hipercard    12
 * Diners, Aura                              10
 * JCB, Discover                              6
 * unknown brand                              1
 * </pre>
 */
public final class Installments {

    public static final Map<Brand, Integer> MAXIMUM = HashMap.ofEntries(
            io.vavr.Tuple.of(Brand.VISA, 12), io.vavr.Tuple.of(Brand.MASTERCARD, 12), io.vavr.Tuple.of(Brand.ELO, 12),
            io.vavr.Tuple.of(Brand.AMEX, 12), io.vavr.Tuple.of(Brand.HIPERCARD, 12),
            io.vavr.Tuple.of(Brand.DINERS, 10), io.vavr.Tuple.of(Brand.AURA, 10),
            io.vavr.Tuple.of(Brand.JCB, 6), io.vavr.Tuple.of(Brand.DISCOVER, 6),
            io.vavr.Tuple.of(Brand.UNKNOWN, 1));

    private Installments() {
    }

    public static int maximumFor(Brand brand) {
        return MAXIMUM.get(brand).getOrElse(1);
    }

    /** With no brand (the card itself was invalid and is reported on its own), no brand maximum is checked. */
    public static Either<InvalidInput, Integer> parse(String field, Integer raw, Option<Brand> brand,
                                                      FundingSource funding) {
        int n = raw == null ? 1 : raw;
        if (n < 1) {
            return Either.left(InvalidInput.of(field, "must be at least 1"));
        }
        if (brand.exists(b -> n > maximumFor(b))) {
            return Either.left(InvalidInput.of(field,
                    "must be at most " + maximumFor(brand.get()) + " for " + brand.get().displayName()));
        }
        if (n > 1 && funding != FundingSource.CREDIT) {
            return Either.left(InvalidInput.of(field, "must be 1 for " + funding.wireName() + " cards"));
        }
        return Either.right(n);
    }
}
