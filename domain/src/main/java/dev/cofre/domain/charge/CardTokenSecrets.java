package dev.cofre.domain.charge;

import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import io.vavr.control.Option;

/** A card token's number and security code, opened by the cipher for the one use that spends them. */
public record CardTokenSecrets(Pan pan, Option<SecurityCode> securityCode) {

    public CardTokenSecrets {
        java.util.Objects.requireNonNull(pan, "pan");
        java.util.Objects.requireNonNull(securityCode, "securityCode");
    }

    @Override
    public String toString() {
        return "CardTokenSecrets[" + pan + ", " + securityCode + "]";
    }
}
