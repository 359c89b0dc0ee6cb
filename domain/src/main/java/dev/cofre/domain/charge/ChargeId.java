package dev.cofre.domain.charge;

/** A charge's identifier as the orders API prints it: {@code ch_} and 16 characters. */
public record ChargeId(String value) {
    public ChargeId {
        if (value == null || !value.startsWith("ch_")) {
            throw new IllegalArgumentException("a charge id starts with ch_");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
