package dev.cofre.adapters.rest.justclick;

import dev.cofre.application.token.DetokenizeCard;
import java.util.Map;

/**
 * GetCreditCard's answer (seed 004): the one place in the HTTP adapter where a card number is
 * written in the clear, and so the only class of it allowed to call {@code Pan.revealDigits()}.
 * Its toString() never prints the number.
 */
record CardNumberResponse(String cardHolder, String cardNumber, String cardExpiration, String maskedCardNumber,
                          String requestId) {

    static CardNumberResponse of(DetokenizeCard.Detokenized d, String requestId) {
        var t = d.token();
        return new CardNumberResponse(t.holder().name(), d.pan().revealDigits(), t.expiry().format(),
                t.card().binAndLastFour(), requestId);
    }

    /** The answer's fields in seed 004's order. */
    Map<String, String> fields() {
        return JustClickCalls.fields("CardHolder", cardHolder, "CardNumber", cardNumber,
                "CardExpiration", cardExpiration, "MaskedCardNumber", maskedCardNumber, "RequestId", requestId);
    }

    @Override
    public String toString() {
        return "CardNumberResponse[" + maskedCardNumber + "]";
    }
}
