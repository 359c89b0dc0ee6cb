package dev.cofre.domain.customer;

import dev.cofre.domain.token.Token;

/** A saved card as seed 000 shows it: the link to its customer and the vault token that holds it. */
public record CustomerCard(SavedCard saved, Token token) {

    public CustomerCard {
        java.util.Objects.requireNonNull(saved, "saved");
        java.util.Objects.requireNonNull(token, "token");
        if (!saved.token().equals(token.reference())) {
            throw new IllegalArgumentException("a saved card shows its own token");
        }
    }

    public CardId id() {
        return saved.id();
    }

    /** The saved card and its token's reference: nothing of the card itself. */
    @Override
    public String toString() {
        return "CustomerCard[" + saved + "]";
    }
}
