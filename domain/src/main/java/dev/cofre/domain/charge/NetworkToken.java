package dev.cofre.domain.charge;

import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import io.vavr.collection.List;

/**
 * A scheme-issued token standing in for a card (seed 002's network_token), with the cryptograms
 * sent for this one transaction. The first cryptogram is the one used and spent.
 */
public record NetworkToken(Pan number, CardHolder holder, CardExpiry expiry, List<Cryptogram> cryptograms) {

    public NetworkToken {
        java.util.Objects.requireNonNull(number, "number");
        java.util.Objects.requireNonNull(holder, "holder");
        java.util.Objects.requireNonNull(expiry, "expiry");
        if (cryptograms == null || cryptograms.isEmpty()) {
            throw new IllegalArgumentException("a network token transaction needs a cryptogram");
        }
    }

    public Cryptogram cryptogram() {
        return cryptograms.head();
    }
}
