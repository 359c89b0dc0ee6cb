package dev.cofre.adapters.rest.justclick;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cofre.application.token.DetokenizeCard;

/**
 * GetCreditCard's answer (seed 004): the one place in the HTTP adapter where a card number is
 * written in the clear, and so the only class of it allowed to call {@code Pan.revealDigits()}.
 * Its toString() never prints the number.
 */
@JsonPropertyOrder({"CardHolder", "CardNumber", "CardExpiration", "MaskedCardNumber", "CorrelationId", "RequestId",
        "Success", "ErrorReportCollection"})
record CardNumberResponse(@JsonProperty("CardHolder") String cardHolder,
                          @JsonProperty("CardNumber") String cardNumber,
                          @JsonProperty("CardExpiration") String cardExpiration,
                          @JsonProperty("MaskedCardNumber") String maskedCardNumber,
                          @JsonProperty("CorrelationId") String correlationId,
                          @JsonProperty("RequestId") String requestId,
                          @JsonProperty("Success") boolean success,
                          @JsonProperty("ErrorReportCollection") java.util.List<ErrorReport> errors) {

    static CardNumberResponse of(DetokenizeCard.Detokenized d, String requestId) {
        var t = d.token();
        return new CardNumberResponse(t.holder().name(), d.pan().revealDigits(), t.expiry().format(),
                t.card().binAndLastFour(), requestId, requestId, true, java.util.List.of());
    }

    @Override
    public String toString() {
        return "CardNumberResponse[" + maskedCardNumber + "]";
    }
}
