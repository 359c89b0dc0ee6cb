package dev.cofre.domain.card;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;

/**
 * A primary account number: 12 to 19 digits, Luhn-valid. Once parsed, a card number is a Pan and
 * its digits are reachable only through {@link #revealDigits()}, which an architecture test allows
 * to the crypto adapter, the acquirer adapter and the detokenize response alone.
 */
public final class Pan {

    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 19;

    private final String digits;
    private final Brand brand;

    private Pan(String digits) {
        this.digits = digits;
        this.brand = Brand.ofDigits(digits);
    }

    /** Parses a card number. The error never contains the number. */
    public static Either<InvalidInput, Pan> parse(String field, String raw) {
        if (raw == null || raw.isEmpty()) {
            return Either.left(InvalidInput.missing(field));
        }
        if (!raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Either.left(InvalidInput.invalid(field, "must contain only digits"));
        }
        if (raw.length() < MIN_LENGTH || raw.length() > MAX_LENGTH) {
            return Either.left(InvalidInput.invalid(field, "must have 12 to 19 digits"));
        }
        if (!Luhn.isValid(raw)) {
            return Either.left(InvalidInput.invalid(field, "is not a valid card number (check digit)"));
        }
        return Either.right(new Pan(raw));
    }

    public static Either<InvalidInput, Pan> parse(String raw) {
        return parse("number", raw);
    }

    public Brand brand() {
        return brand;
    }

    /** The first six digits, which identify the issuer. */
    public String bin() {
        return digits.substring(0, 6);
    }

    public String lastFour() {
        return digits.substring(digits.length() - 4);
    }

    public int length() {
        return digits.length();
    }

    /** What may be stored and shown in the clear about this card. */
    public MaskedPan masked() {
        return new MaskedPan(bin(), lastFour(), length(), brand);
    }

    /**
     * The digits themselves. Only the card cipher, the acquirer adapter and the detokenize
     * response may call this; an ArchUnit rule enforces it.
     */
    public String revealDigits() {
        return digits;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Pan other && other.digits.equals(digits);
    }

    @Override
    public int hashCode() {
        return digits.hashCode();
    }

    @Override
    public String toString() {
        return "Pan[" + masked().vaultMask() + "]";
    }
}
