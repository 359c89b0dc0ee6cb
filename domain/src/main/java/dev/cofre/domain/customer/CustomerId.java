package dev.cofre.domain.customer;

import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import java.util.regex.Pattern;

/**
 * A customer's id, shaped as seed 000 prints them ({@code 123456789-jxOV430go9fx2e}): the merchant's
 * numeric user id, a dash, and 14 random letters and digits.
 */
public record CustomerId(String value) {

    private static final Pattern SHAPE = Pattern.compile("\\d{9}-[0-9A-Za-z]{14}");

    public CustomerId {
        if (value == null || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("a customer id is nine digits, a dash and 14 letters or digits");
        }
    }

    public static CustomerId issue(MerchantId merchant, Ids ids) {
        return new CustomerId(UserId.of(merchant) + "-" + ids.prefixed("", 14));
    }

    /** A customer id from the wire; anything else is "not found" to the caller, never an echo. */
    public static Either<InvalidInput, CustomerId> parse(String field, String raw) {
        return raw != null && SHAPE.matcher(raw).matches()
                ? Either.right(new CustomerId(raw))
                : Either.left(InvalidInput.of(field, "is not a customer id"));
    }

    @Override
    public String toString() {
        return value;
    }
}
