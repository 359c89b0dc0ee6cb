package dev.cofre.application.charge;

/**
 * The card a charge is made to, as a command carries it: one of four sources, unchecked. The
 * sealed type says "exactly one"; how a wire format spells them (seed 002's card, card_id,
 * card_token, network_token) is its adapter's business. No toString() prints a number or a code.
 */
public sealed interface CardInput {

    /** A card presented with the charge: number, holder, expiry month and year (2 or 4 digits), security code. */
    record PresentedCard(String number, String holder, Integer expMonth, Integer expYear, String securityCode)
            implements CardInput {
        @Override
        public String toString() {
            return "PresentedCard[***]";
        }
    }

    /** A card saved in the vault, by its token reference, with the security code if the buyer typed it (may be null). */
    record VaultedCard(String reference, String securityCode) implements CardInput {

        /** Without a security code. */
        public VaultedCard(String reference) {
            this(reference, null);
        }

        @Override
        public String toString() {
            return "VaultedCard[" + reference + "]";
        }
    }

    /** A single-use card token (32 hex digits). */
    record SingleUseToken(String id) implements CardInput {
    }

    /** A scheme-issued network token with the cryptograms sent for this transaction. */
    record NetworkToken(String number, String holder, Integer expMonth, Integer expYear,
                        java.util.List<String> cryptograms) implements CardInput {
        @Override
        public String toString() {
            return "NetworkToken[***]";
        }
    }
}
