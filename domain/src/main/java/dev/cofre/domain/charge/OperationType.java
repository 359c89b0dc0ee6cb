package dev.cofre.domain.charge;

import dev.cofre.domain.WireName;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.merchant.Merchant;
import io.vavr.control.Either;

/** seed 002's operation_type: capture at once (the default), authorize only, or pre-authorize. */
public enum OperationType implements WireName {
    AUTH_AND_CAPTURE, AUTH_ONLY, PRE_AUTH;

    /** The state-table move an authorization of this type makes. */
    public Move move() {
        return this == AUTH_AND_CAPTURE ? Move.AUTHORIZE_AND_CAPTURE : Move.AUTHORIZE_ONLY;
    }

    /** Absent means auth_and_capture; pre_auth only for merchants whose acquirer enabled it. */
    public static Either<InvalidInput, OperationType> parse(String field, String raw, Merchant merchant) {
        if (raw == null) {
            return Either.right(AUTH_AND_CAPTURE);
        }
        return WireName.parse(OperationType.class, field, raw).flatMap(type ->
                type == PRE_AUTH && !merchant.features().preAuthEnabled()
                        ? Either.left(InvalidInput.of(field, "pre_auth is not enabled for this merchant"))
                        : Either.right(type));
    }
}
