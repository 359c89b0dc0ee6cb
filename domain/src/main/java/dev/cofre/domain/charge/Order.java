package dev.cofre.domain.charge;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * What the buyer is paying for. Its amount is the sum of its items, computed once and checked for
 * overflow. It may carry the merchant's own code for it and the customer who pays it (a card that
 * customer pays with successfully is saved to them).
 */
public record Order(OrderId id, MerchantId merchant, List<OrderItem> items, Amount amount, Instant createdAt,
                    Option<String> code, Option<CustomerId> customer) {

    /** The longest order code the merchant may give (seed 002's {@code code}). */
    public static final int MAX_CODE_LENGTH = 52;

    public Order {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
        java.util.Objects.requireNonNull(code, "code");
        java.util.Objects.requireNonNull(customer, "customer");
        if (items == null || items.isEmpty()) {
            throw new IllegalArgumentException("an order has items");
        }
        if (!total(items).contains(amount)) {
            throw new IllegalArgumentException("an order's amount is the sum of its items");
        }
    }

    /** An order without a code or a customer. */
    public Order(OrderId id, MerchantId merchant, List<OrderItem> items, Amount amount, Instant createdAt) {
        this(id, merchant, items, amount, createdAt, Option.none(), Option.none());
    }

    /** An order of these items; refused when it has none, sums to zero, or the sum overflows. */
    public static Either<InvalidInput, Order> of(OrderId id, MerchantId merchant, List<OrderItem> items, Instant now) {
        return of(id, merchant, items, now, Option.none(), Option.none());
    }

    /** The same, with the merchant's code for it and its customer. */
    public static Either<InvalidInput, Order> of(OrderId id, MerchantId merchant, List<OrderItem> items, Instant now,
                                                 Option<String> code, Option<CustomerId> customer) {
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
        return Either.right(new Order(id, merchant, items, total.get(), now, code, customer));
    }

    /** The same order paid by {@code payer}. */
    public Order paidBy(CustomerId payer) {
        return new Order(id, merchant, items, amount, createdAt, code, Option.some(payer));
    }

    private static Option<Amount> total(List<OrderItem> items) {
        return items.foldLeft(Option.some(Amount.ZERO),
                (sum, item) -> sum.flatMap(s -> item.total().flatMap(s::plusChecked)));
    }
}
