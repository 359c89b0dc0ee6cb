package dev.cofre.adapters.rest.oauth;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Seed 003's token response. */
record AccessTokenResponse(@JsonProperty("access_token") String accessToken,
                     @JsonProperty("token_type") String tokenType,
                     @JsonProperty("expires_in") long expiresIn) {

    @Override
    public String toString() {
        return "AccessTokenResponse[expires in " + expiresIn + "]";
    }
}
