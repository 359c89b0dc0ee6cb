package dev.cofre.adapters.rest.justclick;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cofre.application.token.SaveCreditCard;

/**
 * Seed 004's request objects, bound from a JSON body or from a SOAP body's elements by the same
 * rules (names ignoring case, unknown names such as {@code DataCollection} ignored).
 */
final class JustClickRequests {

    private JustClickRequests() {
    }

    /** What every method shares: a MerchantKey that authenticates, and an optional RequestId. */
    interface Request {
        String merchantKey();

        String requestId();
    }

    record SaveCreditCardRequest(@JsonProperty("MerchantKey") String merchantKey,
                                 @JsonProperty("CustomerIdentification") String customerIdentification,
                                 @JsonProperty("CustomerName") String customerName,
                                 @JsonProperty("CardHolder") String cardHolder,
                                 @JsonProperty("CardNumber") String cardNumber,
                                 @JsonProperty("CardExpiration") String cardExpiration,
                                 @JsonProperty("JustClickAlias") String justClickAlias,
                                 @JsonProperty("RequestId") String requestId,
                                 @JsonProperty("Version") String version) implements Request {

        SaveCreditCard.Command toCommand() {
            return new SaveCreditCard.Command(requestId, customerName, customerIdentification, cardHolder, cardNumber,
                    cardExpiration, justClickAlias);
        }

        @Override
        public String toString() {
            return "SaveCreditCardRequest[" + requestId + "]";
        }
    }

    /** GetMaskedCreditCard, GetCreditCard and InvalidateCreditCard take the same request. */
    record CardRequest(@JsonProperty("MerchantKey") String merchantKey,
                       @JsonProperty("JustClickKey") String justClickKey,
                       @JsonProperty("JustClickAlias") String justClickAlias,
                       @JsonProperty("RequestId") String requestId,
                       @JsonProperty("Version") String version) implements Request {
        @Override
        public String toString() {
            return "CardRequest[" + justClickKey + "]";
        }
    }

    record GetJustClickKeyRequest(@JsonProperty("MerchantKey") String merchantKey,
                                  @JsonProperty("SaveCreditCardRequestId") String saveCreditCardRequestId,
                                  @JsonProperty("RequestId") String requestId,
                                  @JsonProperty("Version") String version) implements Request {
        @Override
        public String toString() {
            return "GetJustClickKeyRequest[" + requestId + "]";
        }
    }
}
