package dev.cofre.domain.token;

import java.time.Instant;

/** The last change of a token's status: to what, by whom, why and when. */
public record StatusChange(TokenStatus to, ChangedBy by, ChangeReason reason, Instant at) {
}
