package dev.cofre.domain.customer;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** A customer's address as seed 000 prints it: {@code address{zip_code, street_name, street_number}}. */
public record Address(Option<String> zipCode, Option<String> streetName, Option<Integer> streetNumber) {

    public static final int MAX_ZIP_LENGTH = 12;
    public static final int MAX_STREET_LENGTH = 120;

    public Address {
        java.util.Objects.requireNonNull(zipCode, "zipCode");
        java.util.Objects.requireNonNull(streetName, "streetName");
        java.util.Objects.requireNonNull(streetNumber, "streetNumber");
    }

    public static Either<InvalidInput, Option<Address>> parse(String field, String zipCode, String streetName,
                                                              Integer streetNumber) {
        return Validation.combine(
                        Validation.fromEither(zip(field + ".zip_code", zipCode)),
                        Validation.fromEither(FreeText.parse(field + ".street_name", streetName, MAX_STREET_LENGTH)),
                        Validation.fromEither(number(field + ".street_number", streetNumber)))
                .ap((z, s, n) -> z.isEmpty() && s.isEmpty() && n.isEmpty()
                        ? Option.<Address>none() : Option.some(new Address(z, s, n)))
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither();
    }

    private static Either<InvalidInput, Option<String>> zip(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.right(Option.none());
        }
        String zip = raw.strip();
        return zip.length() <= MAX_ZIP_LENGTH && zip.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == ' ')
                ? Either.right(Option.some(zip))
                : Either.left(InvalidInput.of(field, "must have at most " + MAX_ZIP_LENGTH + " letters, digits or dashes"));
    }

    private static Either<InvalidInput, Option<Integer>> number(String field, Integer raw) {
        if (raw == null) {
            return Either.right(Option.none());
        }
        return raw >= 0 && raw <= 999_999
                ? Either.right(Option.some(raw))
                : Either.left(InvalidInput.of(field, "must be between 0 and 999999"));
    }
}
