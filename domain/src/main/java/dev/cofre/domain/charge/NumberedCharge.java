package dev.cofre.domain.charge;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A charge known by a 64-bit number, as payment APIs whose clients type ids as numbers (Mercado Pago's
 * payments) show it, with what such an API keeps beside the charge: who paid and the merchant's own
 * reference. The charge itself (amounts, card, transactions) stays the engine's.
 *
 * @param number  positive, at most 2^53 - 1 so that JavaScript clients read it exactly
 * @param payer   how the payer was named: a customer's id, an e-mail, or neither
 */
public record NumberedCharge(long number, MerchantId merchant, ChargeId charge, Payer payer,
                             Option<String> externalReference, Option<String> paymentMethod, Instant createdAt) {

    /** The largest number a JavaScript client still reads exactly. */
    public static final long MAX_NUMBER = (1L << 53) - 1;

    /** Who paid: a customer of the merchant ({@code type} customer, {@code id}), or someone known by e-mail. */
    public record Payer(Option<String> type, Option<String> customerId, Option<String> email) {
        public static final Payer NONE = new Payer(Option.none(), Option.none(), Option.none());

        public Payer {
            java.util.Objects.requireNonNull(type, "type");
            java.util.Objects.requireNonNull(customerId, "customerId");
            java.util.Objects.requireNonNull(email, "email");
        }
    }

    public NumberedCharge {
        if (number <= 0 || number > MAX_NUMBER) {
            throw new IllegalArgumentException("a charge number is positive and below 2^53");
        }
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(charge, "charge");
        java.util.Objects.requireNonNull(payer, "payer");
        java.util.Objects.requireNonNull(externalReference, "externalReference");
        java.util.Objects.requireNonNull(paymentMethod, "paymentMethod");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
    }
}
