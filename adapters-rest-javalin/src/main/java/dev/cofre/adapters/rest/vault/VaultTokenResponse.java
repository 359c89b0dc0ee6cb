package dev.cofre.adapters.rest.vault;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.Token;
import java.util.List;

/** A token as seed 003 prints it: masked number, "***" for the security code, the token's own expiration date. */
@JsonPropertyOrder({"Alias", "TokenReference", "Status", "ExpirationDate", "Card", "Links"})
record VaultTokenResponse(@JsonProperty("Alias") String alias,
                     @JsonProperty("TokenReference") String tokenReference,
                     @JsonProperty("Status") String status,
                     @JsonProperty("ExpirationDate") String expirationDate,
                     @JsonProperty("Card") CardView card,
                     @JsonProperty("Links") List<Link> links) {

    @JsonPropertyOrder({"Number", "ExpirationDate", "Holder", "SecurityCode"})
    record CardView(@JsonProperty("Number") String number, @JsonProperty("ExpirationDate") String expirationDate,
                    @JsonProperty("Holder") String holder, @JsonProperty("SecurityCode") String securityCode) {
    }

    static VaultTokenResponse of(Token t, String baseUrl) {
        return new VaultTokenResponse(t.alias().map(Alias::value).getOrNull(), t.reference().toString(),
                t.status().displayName(), t.expirationDate().toString(),
                new CardView(t.card().vaultMask(), t.expiry().format(), t.holder().name(), "***"),
                Link.self(baseUrl, t));
    }

}
