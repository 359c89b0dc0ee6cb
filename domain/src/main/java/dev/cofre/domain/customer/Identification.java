package dev.cofre.domain.customer;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** A document that identifies a person (seed 000: {@code identification{type, number}}, e.g. CPF, DNI). */
public record Identification(String type, String number) {

    public static final int MAX_TYPE_LENGTH = 20;
    public static final int MAX_NUMBER_LENGTH = 30;

    public Identification {
        if (type == null || type.isBlank() || number == null || number.isBlank()) {
            throw new IllegalArgumentException("an identification has a type and a number");
        }
    }

    /** Both or neither: a number without its type (or the reverse) is refused. */
    public static Either<InvalidInput, Option<Identification>> parse(String field, String type, String number) {
        boolean noType = type == null || type.isBlank();
        boolean noNumber = number == null || number.isBlank();
        if (noType && noNumber) {
            return Either.right(Option.none());
        }
        return Validation.combine(
                        Validation.fromEither(noType ? Either.<InvalidInput, String>left(
                                InvalidInput.of(field + ".type", "is required with a number")) : type(field + ".type", type)),
                        Validation.fromEither(noNumber ? Either.<InvalidInput, String>left(
                                InvalidInput.of(field + ".number", "is required with a type")) : number(field + ".number", number)))
                .ap((t, n) -> Option.some(new Identification(t, n)))
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither();
    }

    private static Either<InvalidInput, String> type(String field, String raw) {
        String t = raw.strip();
        if (FreeText.holdsCardNumber(t)) {
            return Either.left(InvalidInput.of(field, "must not contain a card number"));
        }
        return t.length() <= MAX_TYPE_LENGTH && t.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_' || c == '-')
                ? Either.right(t)
                : Either.left(InvalidInput.of(field, "must have at most " + MAX_TYPE_LENGTH + " letters or digits"));
    }

    private static Either<InvalidInput, String> number(String field, String raw) {
        String n = raw.strip();
        if (n.length() > MAX_NUMBER_LENGTH || !n.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '/')) {
            return Either.left(InvalidInput.of(field, "must have at most " + MAX_NUMBER_LENGTH
                    + " letters, digits, dots, dashes or slashes"));
        }
        if (FreeText.holdsCardNumber(n)) {
            return Either.left(InvalidInput.of(field, "must not contain a card number"));
        }
        return Either.right(n);
    }
}
