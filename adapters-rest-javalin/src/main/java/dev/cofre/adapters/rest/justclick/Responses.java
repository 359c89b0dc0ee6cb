package dev.cofre.adapters.rest.justclick;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.domain.token.Token;

/** One ErrorReportCollection entry (seed 004). */
@JsonPropertyOrder({"ErrorCode", "ErrorMessage"})
record ErrorReport(@JsonProperty("ErrorCode") int errorCode, @JsonProperty("ErrorMessage") String errorMessage) {
    static ErrorReport of(Problem p) {
        return new ErrorReport(p.code(), p.message());
    }
}

@JsonPropertyOrder({"CorrelationId", "Success", "ErrorReportCollection"})
record FailureResponse(@JsonProperty("CorrelationId") String correlationId, @JsonProperty("Success") boolean success,
                       @JsonProperty("ErrorReportCollection") java.util.List<ErrorReport> errors) {
}

@JsonPropertyOrder({"JustClickKey", "CorrelationId", "Success", "ErrorReportCollection"})
record SaveCreditCardResponse(@JsonProperty("JustClickKey") String justClickKey,
                              @JsonProperty("CorrelationId") String correlationId,
                              @JsonProperty("Success") boolean success,
                              @JsonProperty("ErrorReportCollection") java.util.List<ErrorReport> errors) {
}

@JsonPropertyOrder({"JustClickKey", "CorrelationId", "Success", "ErrorReportCollection"})
record JustClickKeyResponse(@JsonProperty("JustClickKey") String justClickKey,
                            @JsonProperty("CorrelationId") String correlationId,
                            @JsonProperty("Success") boolean success,
                            @JsonProperty("ErrorReportCollection") java.util.List<ErrorReport> errors) {
}

@JsonPropertyOrder({"CorrelationId", "Success", "ErrorReportCollection"})
record InvalidateResponse(@JsonProperty("CorrelationId") String correlationId,
                          @JsonProperty("Success") boolean success,
                          @JsonProperty("ErrorReportCollection") java.util.List<ErrorReport> errors) {
}

@JsonPropertyOrder({"CardHolder", "CardExpiration", "MaskedCardNumber", "CorrelationId", "RequestId", "Success",
        "ErrorReportCollection"})
record MaskedCardResponse(@JsonProperty("CardHolder") String cardHolder,
                          @JsonProperty("CardExpiration") String cardExpiration,
                          @JsonProperty("MaskedCardNumber") String maskedCardNumber,
                          @JsonProperty("CorrelationId") String correlationId,
                          @JsonProperty("RequestId") String requestId,
                          @JsonProperty("Success") boolean success,
                          @JsonProperty("ErrorReportCollection") java.util.List<ErrorReport> errors) {

    @Override
    public String toString() {
        return "MaskedCardResponse[" + maskedCardNumber + "]";
    }

    static MaskedCardResponse of(Token t, String requestId) {
        return new MaskedCardResponse(t.holder().name(), t.expiry().format(), t.card().binAndLastFour(), requestId,
                requestId, true, java.util.List.of());
    }
}
