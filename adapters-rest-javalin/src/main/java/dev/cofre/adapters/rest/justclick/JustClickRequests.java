package dev.cofre.adapters.rest.justclick;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.cofre.application.charge.JustClickShop;
import dev.cofre.application.token.SaveCreditCard;
import java.io.IOException;

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

    /**
     * JustClickShop. The WSDL types Amount as s:int and PaymentMethod, NumberInstallments and
     * PaymentType as s:short: a SOAP body carries them as text, a JSON body as numbers or strings,
     * and the use case reads the digits either way (so that a bad one is reported with every other).
     */
    record JustClickShopRequest(@JsonProperty("MerchantKey") String merchantKey,
                                @JsonProperty("RequestId") String requestId,
                                @JsonProperty("CustomerName") String customerName,
                                @JsonProperty("OrderId") String orderId,
                                @JsonProperty("Amount") @JsonDeserialize(using = Digits.class) String amount,
                                @JsonProperty("PaymentMethod") @JsonDeserialize(using = Digits.class) String paymentMethod,
                                @JsonProperty("NumberInstallments") @JsonDeserialize(using = Digits.class)
                                String numberInstallments,
                                @JsonProperty("PaymentType") @JsonDeserialize(using = Digits.class) String paymentType,
                                @JsonProperty("JustClickKey") String justClickKey,
                                @JsonProperty("JustClickAlias") String justClickAlias,
                                @JsonProperty("SecurityCode") String securityCode,
                                @JsonProperty("Version") String version) implements Request {

        JustClickShop.Command toCommand() {
            return new JustClickShop.Command(requestId, justClickKey, justClickAlias, orderId, customerName, amount,
                    paymentMethod, numberInstallments, paymentType, securityCode);
        }

        @Override
        public String toString() {
            return "JustClickShopRequest[" + requestId + "]"; // never the security code
        }
    }

    /** A whole number sent as a JSON number or as text, kept as its text; any other JSON type is refused. */
    static final class Digits extends JsonDeserializer<String> {
        @Override
        public String deserialize(JsonParser p, DeserializationContext ctx) throws IOException {
            if (p.currentToken() == JsonToken.VALUE_NUMBER_INT || p.currentToken() == JsonToken.VALUE_STRING) {
                return p.getText();
            }
            return (String) ctx.handleUnexpectedToken(String.class, p);
        }
    }
}
