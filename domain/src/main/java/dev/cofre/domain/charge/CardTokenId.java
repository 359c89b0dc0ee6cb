package dev.cofre.domain.charge;

import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * A single-use card token's identifier: 32 lower-case hex digits (128 random bits), as seed 000
 * prints them ({@code 9b2d63e00d66a8c721607214cedaecda}).
 */
public record CardTokenId(String value) {

    private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");

    public CardTokenId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a card token id is 32 lower-case hex digits");
        }
    }

    public static CardTokenId issue(Ids ids) {
        return new CardTokenId(HexFormat.of().formatHex(Base64.getUrlDecoder().decode(ids.secret(16))));
    }

    /** Upper-case hex is accepted and lower-cased; anything else is named as invalid, never echoed. */
    public static Either<InvalidInput, CardTokenId> parse(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Either.left(InvalidInput.of(field, "is required"));
        }
        String id = raw.toLowerCase(java.util.Locale.ROOT);
        return SHAPE.matcher(id).matches()
                ? Either.right(new CardTokenId(id))
                : Either.left(InvalidInput.of(field, "is not a card token (32 hex digits)"));
    }

    /** The 16 bytes the id stands for, to bind sealed data to this token. */
    public byte[] bytes() {
        return HexFormat.of().parseHex(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
