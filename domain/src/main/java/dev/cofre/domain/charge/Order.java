package dev.cofre.domain.charge;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/** What the buyer is paying for. Its amount is the sum of its items, computed once and checked for overflow. */
public record Order(OrderId id, MerchantId merchant, List<OrderItem> items, Amount amount, Instant createdAt) {

    public Order {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("an order has items");
        }
        if (!total(items).contains(amount)) {
            throw new IllegalArgumentException("an order's amount is the sum of its items");
        }
    }

    /** An order of these items; refused when it has none, sums to zero, or the sum overflows. */
    public static Either<InvalidInput, Order> of(OrderId id, MerchantId merchant, List<OrderItem> items, Instant now) {
        if (items == null || items.isEmpty()) {
            return Either.left(InvalidInput.of("items", "must have at least one item"));
        }
        Option<Amount> total = total(items);
        if (total.isEmpty()) {
            return Either.left(InvalidInput.of("items", "total amount is too large"));
        }
        if (total.get().isZero()) {
            return Either.left(InvalidInput.of("items", "total amount must be greater than zero"));
        }
        return Either.right(new Order(id, merchant, items, total.get(), now));
    }

    private static Option<Amount> total(List<OrderItem> items) {
        return items.foldLeft(Option.some(Amount.ZERO),
                (sum, item) -> sum.flatMap(s -> item.total().flatMap(s::plusChecked)));
    }
}
