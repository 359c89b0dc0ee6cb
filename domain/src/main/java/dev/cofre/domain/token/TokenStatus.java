package dev.cofre.domain.token;

/**
 * The name of a token's state ({@link ActiveToken}, {@link SuspendedToken}, {@link RemovedToken}), as
 * seed 003 prints it and stores keep it.
 */
public enum TokenStatus {
    ACTIVE("Active", "reactivate"),
    SUSPENDED("Suspended", "suspend"),
    REMOVED("Removed", "remove");

    private final String displayName;
    private final String request;

    TokenStatus(String displayName, String request) {
        this.displayName = displayName;
        this.request = request;
    }

    public String displayName() {
        return displayName;
    }

    /** What a merchant asks for to move a token into this state: reactivate, suspend, remove. */
    public String request() {
        return request;
    }
}
