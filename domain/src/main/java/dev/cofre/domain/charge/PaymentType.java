package dev.cofre.domain.charge;

/** seed 002's payment_type: the card number itself, or a network token standing in for it. */
public enum PaymentType {
    PAN("PAN"), TOKEN("Token");

    private final String wireName;

    PaymentType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
