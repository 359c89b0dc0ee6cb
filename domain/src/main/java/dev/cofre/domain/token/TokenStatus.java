package dev.cofre.domain.token;

/** A vaulted card's life: ACTIVE and SUSPENDED swap; REMOVED is final. Named as seed 003 prints them. */
public enum TokenStatus {
    ACTIVE("Active"),
    SUSPENDED("Suspended"),
    REMOVED("Removed");

    private final String displayName;

    TokenStatus(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
