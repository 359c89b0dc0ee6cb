package dev.cofre.domain.customer;

import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import java.util.regex.Pattern;

/** A saved card's id as seed 000 prints it: a string of 13 digits ({@code "1490022319978"}). */
public record CardId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[1-9]\\d{12}");

    public CardId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a card id is 13 digits");
        }
    }

    /** 13 random digits (about 43 bits); the store keeps them unique per merchant. */
    public static CardId issue(Ids ids) {
        long bits = ids.uuid().getLeastSignificantBits() >>> 1;
        return new CardId(Long.toString(1_000_000_000_000L + bits % 9_000_000_000_000L));
    }

    public static Either<InvalidInput, CardId> parse(String field, String raw) {
        return raw != null && SHAPE.matcher(raw).matches()
                ? Either.right(new CardId(raw))
                : Either.left(InvalidInput.of(field, "is not a card id"));
    }

    @Override
    public String toString() {
        return value;
    }
}
