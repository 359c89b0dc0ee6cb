package dev.cofre.adapters.rest.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** RFC 6749 section 5.2. */
record ErrorResponse(@JsonProperty("error") String error,
                     @JsonProperty("error_description") String description) {
}
