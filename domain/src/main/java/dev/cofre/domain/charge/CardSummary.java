package dev.cofre.domain.charge;

import dev.cofre.domain.card.Brand;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.MaskedPan;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Option;

/**
 * What a charge keeps about the card it charged: never the number or the security code, only
 * where it came from, its masked form, holder and expiry.
 */
public record CardSummary(CardSource.Kind source, MaskedPan card, CardHolder holder, CardExpiry expiry,
                          Option<TokenReference> vaulted) {

    public CardSummary {
        java.util.Objects.requireNonNull(source, "source");
        java.util.Objects.requireNonNull(card, "card");
        java.util.Objects.requireNonNull(holder, "holder");
        java.util.Objects.requireNonNull(expiry, "expiry");
        java.util.Objects.requireNonNull(vaulted, "vaulted");
    }

    public Brand brand() {
        return card.brand();
    }

    /** Token for a network token, PAN for every other source. */
    public PaymentType paymentType() {
        return source == CardSource.Kind.NETWORK_TOKEN ? PaymentType.TOKEN : PaymentType.PAN;
    }

    @Override
    public String toString() {
        return source.wireName() + " " + card.vaultMask();
    }
}
