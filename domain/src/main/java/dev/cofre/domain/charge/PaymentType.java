package dev.cofre.domain.charge;

import dev.cofre.domain.WireName;

/** seed 002's payment_type: the card number itself ({@code PAN}), or a network token standing in for it ({@code Token}). */
public enum PaymentType implements WireName {
    PAN, TOKEN;

    @Override
    public String wireName() {
        return this == PAN ? "PAN" : WireName.pascalCase(this);
    }
}
