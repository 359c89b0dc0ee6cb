package dev.cofre.adapters.rest.vault;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cofre.domain.token.Token;
import java.util.List;

/** The answer to remove, suspend and reactivate (seed 003). */
@JsonPropertyOrder({"TokenReference", "Status", "Links"})
record StatusResponse(@JsonProperty("TokenReference") String tokenReference, @JsonProperty("Status") String status,
                      @JsonProperty("Links") List<Link> links) {

    static StatusResponse of(Token t, String baseUrl) {
        return new StatusResponse(t.reference().toString(), t.status().displayName(), Link.self(baseUrl, t));
    }
}
