package dev.cofre.domain.customer;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A customer's e-mail address, unique per merchant. It is kept as it was given; two addresses
 * that differ only in letter case are the same customer ({@link #key()}). One whose local part
 * holds a card number ({@code 4551870000000183@example.com}) is refused: it would be stored and echoed.
 */
public record Email(String value) {

    public static final int MAX_LENGTH = 254;
    private static final Pattern SHAPE = Pattern.compile("[^@\\s\"<>(),;:\\\\]{1,64}@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");

    public Email {
        if (value == null || value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not an e-mail address");
        }
    }

    public static Either<InvalidInput, Email> parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.left(InvalidInput.of(field, "is required"));
        }
        String email = raw.strip();
        if (email.length() > MAX_LENGTH) {
            return Either.left(InvalidInput.of(field, "must have at most " + MAX_LENGTH + " characters"));
        }
        if (!SHAPE.matcher(email).matches()) {
            return Either.left(InvalidInput.of(field, "is not a valid e-mail address"));
        }
        if (dev.cofre.domain.card.EmbeddedCardNumbers.in(email)) {
            return Either.left(InvalidInput.of(field, "must not contain a card number"));
        }
        return Either.right(new Email(email));
    }

    /** What uniqueness and search compare: the address in lower case. */
    public String key() {
        return value.toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return value;
    }
}
