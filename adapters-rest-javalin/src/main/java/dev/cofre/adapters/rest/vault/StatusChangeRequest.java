package dev.cofre.adapters.rest.vault;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The body of DELETE, suspend and reactivate (seed 003): who asked and why. */
record StatusChangeRequest(@JsonProperty("RemovedBy") String removedBy, @JsonProperty("Reason") String reason) {
}
