package dev.cofre.domain.merchant;

/** How a merchant is contracted (seed 002): a PSP or a gateway client. */
public enum Profile {
    PSP(13),
    GATEWAY(22);

    private final int statementDescriptorLimit;

    Profile(int statementDescriptorLimit) {
        this.statementDescriptorLimit = statementDescriptorLimit;
    }

    /** The longest statement descriptor this profile may send. */
    public int statementDescriptorLimit() {
        return statementDescriptorLimit;
    }

    /** 3-D Secure authenticated transactions are for gateway clients only. */
    public boolean mayAuthenticate() {
        return this == GATEWAY;
    }
}
