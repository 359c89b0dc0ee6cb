package dev.cofre.adapters.rest.orders;

import dev.cofre.domain.token.TokenReference;
import java.util.Locale;

/**
 * A vaulted card's id as this API prints it: {@code card_} and the token reference's 32 hex digits.
 * A bare token reference (a UUID from the vault API) is accepted too.
 */
final class CardIds {

    static final String PREFIX = "card_";

    private CardIds() {
    }

    static String of(TokenReference reference) {
        return PREFIX + reference.value().toString().replace("-", "");
    }

    /** The token reference a {@code card_id} names, as the vault spells it; anything else is passed on to be refused. */
    static String toReference(String cardId) {
        if (cardId.startsWith(PREFIX) && cardId.length() == PREFIX.length() + 32
                && cardId.substring(PREFIX.length()).matches("[0-9a-fA-F]{32}")) {
            String hex = cardId.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
            return hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                    + hex.substring(16, 20) + "-" + hex.substring(20);
        }
        return cardId;
    }
}
