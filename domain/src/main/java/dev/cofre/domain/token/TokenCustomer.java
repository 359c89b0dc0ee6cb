package dev.cofre.domain.token;

import io.vavr.control.Option;

/** The buyer a JustClick card was saved for (seed 004: CustomerName, CustomerIdentification). */
public record TokenCustomer(String name, Option<String> identification) {

    public TokenCustomer {
        if (name == null || name.isBlank() || name.length() > 255) {
            throw new IllegalArgumentException("a customer name has 1 to 255 characters");
        }
        java.util.Objects.requireNonNull(identification, "identification");
    }
}
