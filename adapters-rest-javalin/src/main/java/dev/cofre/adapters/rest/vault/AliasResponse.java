package dev.cofre.adapters.rest.vault;

import com.fasterxml.jackson.annotation.JsonProperty;

record AliasResponse(@JsonProperty("TokenReference") String tokenReference) {
}
