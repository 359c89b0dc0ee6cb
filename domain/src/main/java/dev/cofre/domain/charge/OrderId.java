package dev.cofre.domain.charge;

/** An order's identifier as the orders API prints it: {@code or_} and 16 characters. */
public record OrderId(String value) {
    public OrderId {
        if (value == null || !value.startsWith("or_")) {
            throw new IllegalArgumentException("an order id starts with or_");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
