package dev.cofre.domain.card;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;

/**
 * The CVV: three digits, four for Amex. It lives only in memory until the one authorization that
 * uses it; it is never stored, logged or returned, and its toString() prints stars.
 */
public final class SecurityCode {

    private final String digits;

    private SecurityCode(String digits) {
        this.digits = digits;
    }

    /** Parses a security code for a card of the given brand. The error never echoes the value. */
    public static Either<InvalidInput, SecurityCode> parse(String field, String raw, Brand brand) {
        if (raw == null || raw.isEmpty()) {
            return Either.left(InvalidInput.missing(field));
        }
        if (!raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Either.left(InvalidInput.invalid(field, "must contain only digits"));
        }
        if (raw.length() != brand.securityCodeLength()) {
            return Either.left(InvalidInput.invalid(field,
                    "must have " + brand.securityCodeLength() + " digits for " + brand.displayName()));
        }
        return Either.right(new SecurityCode(raw));
    }

    /**
     * A security code sent with a charge: 4 digits for Amex, 3 or 4 for every other brand. The issuer
     * is the judge of a code, and seed 002's own example charges a Visa test card with the 4-digit
     * {@code "cvv": "3531"}, as the vendor's platform accepts; a vaulted card keeps the strict rule of
     * {@link #parse}. Never echoes the value.
     */
    public static Either<InvalidInput, SecurityCode> parseForCharge(String field, String raw, Brand brand) {
        if (brand.securityCodeLength() == 4) {
            return parse(field, raw, brand);
        }
        return checkShape(field, raw).map(ok -> new SecurityCode(raw));
    }

    /**
     * A security code sent with a charge to a vaulted card, whose brand is only known once the card
     * is read: three or four digits, as {@link #parseForCharge} allows for every brand but Amex (whose
     * issuer then judges a 3-digit code). Never echoes the value.
     */
    public static Either<InvalidInput, SecurityCode> parseForVaultedCharge(String field, String raw) {
        return checkShape(field, raw).map(ok -> new SecurityCode(raw));
    }

    /**
     * Checks what can be checked without the card's brand (when its number is itself invalid):
     * digits only, three or four of them. Never echoes the value.
     */
    public static Either<InvalidInput, String> checkShape(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Either.left(InvalidInput.missing(field));
        }
        if (!raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Either.left(InvalidInput.invalid(field, "must contain only digits"));
        }
        if (raw.length() < 3 || raw.length() > 4) {
            return Either.left(InvalidInput.invalid(field, "must have 3 or 4 digits"));
        }
        return Either.right("shape ok");
    }

    /** Only the acquirer adapter may call this. */
    public String revealDigits() {
        return digits;
    }

    @Override
    public String toString() {
        return "SecurityCode[***]";
    }
}
