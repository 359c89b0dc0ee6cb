package dev.cofre.domain.merchant;

import io.vavr.collection.List;
import java.net.InetAddress;
import java.time.Instant;

/**
 * A merchant: who it is, how it is contracted, where it may read card numbers from, and what it
 * is allowed to do. Credentials are kept apart, hashed, in {@link MerchantCredentials}.
 */
public record Merchant(MerchantId id, String name, Profile profile, List<IpRange> allowedIps,
                       Features features, Instant createdAt) {

    /** Switches an acquirer grants a merchant. */
    public record Features(boolean preAuthEnabled, boolean cvvLessRecurrence) {
        public static final Features NONE = new Features(false, false);
    }

    public Merchant {
        java.util.Objects.requireNonNull(id, "id");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a merchant has a name");
        }
        java.util.Objects.requireNonNull(profile, "profile");
        java.util.Objects.requireNonNull(allowedIps, "allowedIps");
        java.util.Objects.requireNonNull(features, "features");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
    }

    /** Whether a card number may be read from this address (seed 004: registered IPs only). */
    public boolean allowsCardReadsFrom(InetAddress address) {
        return allowedIps.exists(range -> range.contains(address));
    }
}
