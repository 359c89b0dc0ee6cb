package dev.cofre.domain.customer;

import dev.cofre.domain.merchant.MerchantId;

/**
 * The nine-digit number seed 000 prints as a card's {@code user_id} and in front of every customer
 * id: the merchant's account number there. Cofre's merchants are UUIDs, so it is derived from the
 * merchant id, the same for every customer and card of one merchant.
 */
public final class UserId {

    private UserId() {
    }

    public static String of(MerchantId merchant) {
        long bits = merchant.value().getMostSignificantBits() ^ merchant.value().getLeastSignificantBits();
        return Long.toString(100_000_000L + Math.floorMod(bits, 900_000_000L));
    }
}
