package dev.cofre.domain.charge;

/** A single-use card token's identifier ({@code token_...}). */
public record CardTokenId(String value) {
    public CardTokenId {
        if (value == null || !value.startsWith("token_")) {
            throw new IllegalArgumentException("a card token id starts with token_");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
