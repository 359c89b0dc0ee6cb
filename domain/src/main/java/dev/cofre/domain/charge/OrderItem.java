package dev.cofre.domain.charge;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.EmbeddedCardNumbers;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** One line of an order: what is sold (never text that looks like a card number), its unit amount in cents and how many. */
public record OrderItem(String description, Amount amount, int quantity) {

    public OrderItem {
        if (description == null || description.isBlank()) {
            throw new IllegalArgumentException("an item has a description");
        }
        java.util.Objects.requireNonNull(amount, "amount");
        if (quantity < 1) {
            throw new IllegalArgumentException("an item has a quantity of at least 1");
        }
    }

    /** amount x quantity, or none when it does not fit in a long. */
    public Option<Amount> total() {
        try {
            return Option.some(Amount.of(Math.multiplyExact(amount.cents(), (long) quantity)));
        } catch (ArithmeticException overflow) {
            return Option.none();
        }
    }

    public static Either<InvalidInput, OrderItem> parse(String field, String description, long amount, int quantity) {
        if (description == null || description.isBlank()) {
            return Either.left(InvalidInput.missing(field + ".description"));
        }
        if (EmbeddedCardNumbers.in(description)) {
            return Either.left(InvalidInput.of(field + ".description", "must not contain a card number"));
        }
        if (amount < 0) {
            return Either.left(InvalidInput.of(field + ".amount", "must not be negative"));
        }
        if (quantity < 1) {
            return Either.left(InvalidInput.of(field + ".quantity", "must be at least 1"));
        }
        return Either.right(new OrderItem(description, Amount.of(amount), quantity));
    }
}
