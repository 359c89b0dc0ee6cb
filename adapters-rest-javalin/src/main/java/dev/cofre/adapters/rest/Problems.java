package dev.cofre.adapters.rest;

import dev.cofre.application.merchant.MerchantError;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.idempotency.IdempotencyError;
import dev.cofre.domain.token.VaultError;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;

/**
 * Turns use-case errors into {@link Problem}s: the HTTP status each error means, and for invalid
 * fields the wire name and a field-specific code. Seed 004's codes are used where it has one
 * (707 card number missing, 710 expiration invalid, ...); 708 and 711-718 are Cofre's own
 * field codes, listed in the OpenAPI document.
 */
public final class Problems {

    /** A field's codes when it is missing and when it is present but invalid, and their messages. */
    private record FieldCodes(int missing, String missingMessage, int invalid, String invalidMessage) {
    }

    private static final Map<String, FieldCodes> BY_WIRE_NAME = HashMap.ofEntries(List.of(
            codes(707, "Card number can not be null", 708, "Card number is not valid", "Card.Number", "CardNumber"),
            codes(706, "Card holder can not be null", 711, "Card holder is not valid", "Card.Holder", "CardHolder"),
            codes(709, "Card expiration can not be null", 710, "Card expiration is not valid (Format: MM/yyyy)",
                    "Card.ExpirationDate", "CardExpiration"),
            codes(712, "Security code is not valid", 712, "Security code is not valid", "Card.SecurityCode"),
            codes(751, "JustClickAlias Is Not Filled", 713, "Alias is not valid", "Alias", "JustClickAlias"),
            codes(714, "RemovedBy is not valid (Merchant or CardHolder)", 714,
                    "RemovedBy is not valid (Merchant or CardHolder)", "RemovedBy"),
            codes(715, "Reason is not valid (FraudSuspicion or Other)", 715,
                    "Reason is not valid (FraudSuspicion or Other)", "Reason"),
            codes(703, "JustClick key can not be null", 704, "JustClick key is not valid", "JustClickKey",
                    "TokenReference"),
            codes(716, "RequestId is not valid (GUID)", 716, "RequestId is not valid (GUID)", "RequestId"),
            codes(705, "Customer name can not be null", 717, "Customer name is not valid", "CustomerName"),
            codes(718, "Customer identification is not valid", 718, "Customer identification is not valid",
                    "CustomerIdentification"),
            codes(732, "SaveCreditCardRequestId can not be null", 733,
                    "SaveCreditCardRequestId not found for this Merchant", "SaveCreditCardRequestId"),
            codes(719, "Idempotency-Key is not valid", 719, "Idempotency-Key is not valid", "Idempotency-Key"),
            codes(701, "Merchant key can not be null", 702, "Merchant key is not valid", "MerchantKey"))
            .flatMap(t -> t));

    private Problems() {
    }

    private static List<io.vavr.Tuple2<String, FieldCodes>> codes(int missing, String missingMessage, int invalid,
                                                                  String invalidMessage, String... wireNames) {
        var fc = new FieldCodes(missing, missingMessage, invalid, invalidMessage);
        return List.of(wireNames).map(n -> io.vavr.Tuple.of(n, fc));
    }

    /** The problems an error stands for; {@code wireNames} maps command field names to the dialect's. */
    public static List<Problem> of(DomainError error, java.util.Map<String, String> wireNames) {
        if (error instanceof InvalidInput invalid) {
            return invalid.errors().map(e -> field(wireNames.getOrDefault(e.field(), e.field()), e.reason()));
        }
        return List.of(Problem.of(statusOf(error), error.code(), error.message()));
    }

    /** A problem with one named wire field: missing (seed's "can not be null" code) or invalid. */
    public static Problem field(String wireName, String reason) {
        boolean missing = reason.contains("required") || reason.startsWith("must not be null")
                || reason.startsWith("must not be blank") || reason.startsWith("must not be empty");
        var codes = BY_WIRE_NAME.get(wireName);
        if (codes.isEmpty()) {
            return new Problem(422, 799, wireName + " " + reason, wireName);
        }
        var c = codes.get();
        return new Problem(422, missing ? c.missing() : c.invalid(),
                (missing ? c.missingMessage() : c.invalidMessage()) + ": " + wireName + " " + reason, wireName);
    }

    /** The seed's own message for a field code, as JustClick clients compare it. */
    public static int statusOf(DomainError error) {
        if (error instanceof InvalidInput) {
            return 422;
        }
        if (error instanceof MerchantError.InvalidClient) {
            return 401;
        }
        if (error instanceof MerchantError.TooManyFailures) {
            return 429;
        }
        if (error instanceof VaultError.TokenNotFound || error instanceof VaultError.AliasNotFound
                || error instanceof VaultError.SaveRequestIdNotFound) {
            return 404;
        }
        if (error instanceof VaultError.AliasInUse || error instanceof VaultError.InvalidTransition
                || error instanceof VaultError.RequestIdAlreadyUsed || error instanceof VaultError.ConcurrentUpdate
                || error instanceof VaultError.TokenNotActive || error instanceof IdempotencyError) {
            return 409;
        }
        if (error instanceof VaultError.IpNotAllowed || error instanceof VaultError.KeyRecoveryLocked) {
            return 403;
        }
        if (error instanceof VaultError.CardExpired) {
            return 422;
        }
        return 500; // a broken seal or an error this adapter does not know: not the caller's fault
    }
}
