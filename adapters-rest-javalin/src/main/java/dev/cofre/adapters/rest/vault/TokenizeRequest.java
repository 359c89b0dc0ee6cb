package dev.cofre.adapters.rest.vault;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.cofre.application.token.TokenizeCard;

/** POST /v1/Token's body (seed 003). */
record TokenizeRequest(@JsonProperty("Alias") String alias, @JsonProperty("Card") CardRequest card) {

    record CardRequest(@JsonProperty("Number") String number, @JsonProperty("Holder") String holder,
                       @JsonProperty("ExpirationDate") String expirationDate,
                       @JsonProperty("SecurityCode") String securityCode) {
        @Override
        public String toString() {
            return "CardRequest[***]";
        }
    }

    TokenizeCard.Command toCommand(String idempotencyKey) {
        return VaultDialect.command(this, idempotencyKey);
    }

    @Override
    public String toString() {
        return "TokenizeRequest[" + alias + "]";
    }
}
