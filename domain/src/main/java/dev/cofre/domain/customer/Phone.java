package dev.cofre.domain.customer;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** A customer's phone (seed 000: {@code phone{area_code, number}}). Either part may be missing. */
public record Phone(Option<String> areaCode, Option<String> number) {

    public Phone {
        java.util.Objects.requireNonNull(areaCode, "areaCode");
        java.util.Objects.requireNonNull(number, "number");
    }

    public static Either<InvalidInput, Option<Phone>> parse(String field, String areaCode, String number) {
        return Validation.combine(
                        Validation.fromEither(digits(field + ".area_code", areaCode, 5)),
                        Validation.fromEither(digits(field + ".number", number, 15)))
                .ap((a, n) -> a.isEmpty() && n.isEmpty() ? Option.<Phone>none() : Option.some(new Phone(a, n)))
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither();
    }

    private static Either<InvalidInput, Option<String>> digits(String field, String raw, int max) {
        if (raw == null || raw.isBlank()) {
            return Either.right(Option.none());
        }
        String value = raw.strip().replace(" ", "").replace("-", "");
        if (value.isEmpty() || value.length() > max || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Either.left(InvalidInput.of(field, "must have 1 to " + max + " digits"));
        }
        if (dev.cofre.domain.card.EmbeddedCardNumbers.in(value)) {
            // 13 to 15 digits passing the check digit: a card number pasted into the phone field
            return Either.left(InvalidInput.of(field, "must not contain a card number"));
        }
        return Either.right(Option.some(value));
    }
}
