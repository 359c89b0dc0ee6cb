package dev.cofre.domain.charge;

import dev.cofre.domain.WireName;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Option;

/** The card a charge is made to, exactly one of seed 002's card, card_id, card_token or network_token. */
public sealed interface CardSource {

    /** seed 002's field for each source: card, card_id, card_token, network_token. */
    enum Kind implements WireName {
        CARD, CARD_ID, CARD_TOKEN, NETWORK_TOKEN
    }

    Kind kind();

    /** The card's number, holder, expiry and security code, sent with the order. */
    record PresentedCard(Card card, SecurityCode securityCode) implements CardSource {
        public Kind kind() { return Kind.CARD; }
    }

    /** A card saved in the vault, by its token; the security code is optional. */
    record VaultedCard(TokenReference reference, Option<SecurityCode> securityCode) implements CardSource {
        public Kind kind() { return Kind.CARD_ID; }
    }

    /** A single-use card token. */
    record SingleUseToken(CardTokenId id) implements CardSource {
        public Kind kind() { return Kind.CARD_TOKEN; }
    }

    /** A scheme-issued network token with its one-time cryptogram. */
    record NetworkTokenCard(NetworkToken token) implements CardSource {
        public Kind kind() { return Kind.NETWORK_TOKEN; }
    }
}
