package dev.cofre.adapters.rest.vault;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.cofre.adapters.rest.Problem;

/** One entry of the vault's error list: {@code [{"Code": 708, "Message": "...", "Field": "Card.Number"}]}. */
@JsonPropertyOrder({"Code", "Message", "Field"})
record ErrorItem(@JsonProperty("Code") int code, @JsonProperty("Message") String message,
                 @JsonProperty("Field") String field) {

    static ErrorItem of(Problem p) {
        return new ErrorItem(p.code(), p.message(), p.field());
    }
}
