package dev.cofre.adapters.rest.cielo;

import dev.cofre.domain.Sha256;
import dev.cofre.domain.charge.ChargeId;
import io.vavr.control.Option;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;

/**
 * A charge's PaymentId, the GUID this API names a sale by, and back, with no table to keep them: the
 * charge id's 16 random characters (base 62, under 2^96) are the GUID's last 24 hex digits, and its first
 * six are a digest of the charge id, so a GUID Cofre never issued is simply not found. The GUID is shaped
 * as a version 4 one ({@code xxxxxxxx-xxxx-4xxx-8xxx-xxxxxxxxxxxx}), as the vendor's are.
 */
final class PaymentIds {

    private static final String DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final BigInteger BASE = BigInteger.valueOf(DIGITS.length());
    private static final String PREFIX = "ch_";
    private static final int LENGTH = 16;

    private PaymentIds() {
    }

    /** The PaymentId of a charge (every charge id is {@code ch_} and 16 base-62 characters). */
    static UUID of(ChargeId charge) {
        String random = charge.value().substring(PREFIX.length());
        if (random.length() != LENGTH) {
            throw new IllegalArgumentException("not a charge id the engine issues");
        }
        BigInteger n = BigInteger.ZERO;
        for (char c : random.toCharArray()) {
            int digit = DIGITS.indexOf(c);
            if (digit < 0) {
                throw new IllegalArgumentException("not a charge id the engine issues");
            }
            n = n.multiply(BASE).add(BigInteger.valueOf(digit));
        }
        String hex = check(charge) + String.format("%024x", n);
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-4" + hex.substring(12, 15)
                + "-8" + hex.substring(15, 18) + "-" + hex.substring(18));
    }

    /** The charge a PaymentId names; none for anything else (not a GUID, or one Cofre did not issue). */
    static Option<ChargeId> charge(String paymentId) {
        String hex = paymentId == null ? "" : paymentId.trim().toLowerCase(Locale.ROOT).replace("-", "");
        if (hex.length() != 32 || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)
                || hex.charAt(12) != '4' || hex.charAt(16) != '8') {
            return Option.none();
        }
        String digits = hex.substring(0, 12) + hex.substring(13, 16) + hex.substring(17);
        BigInteger n = new BigInteger(digits.substring(6), 16);
        var random = new StringBuilder();
        for (int i = 0; i < LENGTH; i++) {
            BigInteger[] qr = n.divideAndRemainder(BASE);
            random.insert(0, DIGITS.charAt(qr[1].intValue()));
            n = qr[0];
        }
        ChargeId charge = new ChargeId(PREFIX + random);
        return n.signum() == 0 && check(charge).equals(digits.substring(0, 6)) ? Option.some(charge) : Option.none();
    }

    private static String check(ChargeId charge) {
        return Sha256.hex(("cielo PaymentId " + charge.value()).getBytes(StandardCharsets.UTF_8)).substring(0, 6);
    }
}
