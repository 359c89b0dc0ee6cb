package dev.cofre.adapters.rest.vault;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cofre.domain.token.Token;
import java.util.List;

@JsonPropertyOrder({"Method", "Rel", "HRef"})
record Link(@JsonProperty("Method") String method, @JsonProperty("Rel") String rel, @JsonProperty("HRef") String href) {

    static List<Link> self(String baseUrl, Token t) {
        return List.of(new Link("GET", "self", baseUrl + "/v1/Token/" + t.reference()));
    }
}
