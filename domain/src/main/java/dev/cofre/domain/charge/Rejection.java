package dev.cofre.domain.charge;

/**
 * Why Cofre refused a charge before asking the acquirer. The charge is still recorded, with one
 * transaction in status failed. Codes 820-829.
 */
public enum Rejection {
    TOKEN_NOT_ACTIVE(820, "Card token is not active"),
    CARD_EXPIRED(821, "Card is expired"),
    CRYPTOGRAM_ALREADY_USED(822, "Network token cryptogram was already used");

    private final int code;
    private final String message;

    Rejection(int code, String message) {
        this.code = code;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public String message() {
        return message;
    }
}
