package dev.cofre.adapters.rest;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.idempotency.IdempotencyError;
import dev.cofre.domain.merchant.MerchantError;
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
            codes(712, "Security code is not valid", 712, "Security code is not valid", "Card.SecurityCode",
                    "SecurityCode"),
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

    /**
     * The HTTP status of every error there is, one entry per error type. {@code ProblemsTest} walks
     * every type {@link DomainError} permits and fails if one is missing here, so a new error cannot
     * fall through to a 500.
     */
    private static final Map<Class<? extends DomainError>, Integer> STATUS = HashMap.ofEntries(List.of(
            status(InvalidInput.class, 422),
            status(MerchantError.InvalidClient.class, 401),
            status(MerchantError.TooManyFailures.class, 429),
            status(VaultError.IpNotAllowed.class, 403),
            status(VaultError.KeyRecoveryLocked.class, 403),
            status(VaultError.TokenNotFound.class, 404),
            status(VaultError.AliasNotFound.class, 404),
            status(VaultError.SaveRequestIdNotFound.class, 404),
            status(VaultError.AliasInUse.class, 409),
            status(VaultError.InvalidTransition.class, 409),
            status(VaultError.RequestIdAlreadyUsed.class, 409),
            status(VaultError.ConcurrentUpdate.class, 409),
            status(VaultError.TokenNotActive.class, 409),
            status(IdempotencyError.KeyReused.class, 409),
            status(VaultError.CardExpired.class, 422),
            // Stored card data failing its integrity check is tampering or a server fault, never the caller's.
            status(VaultError.SealBroken.class, 500),
            status(ChargeError.ChargeNotFound.class, 404),
            status(ChargeError.CardNotFound.class, 404),
            status(ChargeError.CardTokenNotFound.class, 404),
            status(ChargeError.ConcurrentUpdate.class, 409),
            status(ChargeError.NotAllowed.class, 409),
            status(ChargeError.NothingInDoubt.class, 409),
            status(ChargeError.AmountExceedsAvailable.class, 422),
            status(ChargeError.AmountNotPositive.class, 422),
            // The vaulted card's sealed number did not open: the same fault as SealBroken, seen by a charge.
            status(ChargeError.CardUnreadable.class, 500),
            status(CardTokenError.NotFound.class, 404),
            status(CardTokenError.Spent.class, 409),
            status(CardTokenError.Expired.class, 409),
            // A card token's sealed number or code did not open: the same fault as SealBroken.
            status(CardTokenError.Unreadable.class, 500),
            status(CustomerError.CustomerNotFound.class, 404),
            status(CustomerError.CardNotFound.class, 404),
            status(CustomerError.EmailInUse.class, 409),
            status(CustomerError.ConcurrentUpdate.class, 409),
            status(CustomerError.CardAlreadySaved.class, 409)));

    private static io.vavr.Tuple2<Class<? extends DomainError>, Integer> status(Class<? extends DomainError> type,
                                                                                int status) {
        return io.vavr.Tuple.of(type, status);
    }

    /** The problems an error stands for; {@code wireNames} maps command field names to the dialect's. */
    public static List<Problem> of(DomainError error, java.util.Map<String, String> wireNames) {
        if (error instanceof InvalidInput invalid) {
            return invalid.errors().map(e -> field(wireNames.getOrDefault(e.field(), e.field()), e.kind(), e.reason()));
        }
        return List.of(Problem.of(statusOf(error), error.code(), error.message()));
    }

    /** A problem with one named wire field: missing (the seed's "can not be null" code) or invalid. */
    public static Problem field(String wireName, InvalidInput.Kind kind, String reason) {
        boolean missing = kind == InvalidInput.Kind.MISSING;
        var codes = BY_WIRE_NAME.get(wireName);
        if (codes.isEmpty()) {
            return new Problem(422, 799, wireName + " " + reason, wireName);
        }
        var c = codes.get();
        return new Problem(422, missing ? c.missing() : c.invalid(),
                (missing ? c.missingMessage() : c.invalidMessage()) + ": " + wireName + " " + reason, wireName);
    }

    /** The wire names that have codes of their own (the rest are 799). */
    static io.vavr.collection.Set<String> fieldsWithCodes() {
        return BY_WIRE_NAME.keySet();
    }

    /** The HTTP status an error means. */
    public static int statusOf(DomainError error) {
        return statusOf(error.getClass());
    }

    /** The HTTP status errors of this type mean; an unmapped type is a bug that {@code ProblemsTest} catches. */
    static int statusOf(Class<? extends DomainError> type) {
        return STATUS.get(type).getOrElseThrow(() -> new IllegalStateException("no HTTP status for " + type.getName()));
    }
}
