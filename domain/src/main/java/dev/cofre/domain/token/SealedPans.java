package dev.cofre.domain.token;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;

/** The sealed numbers at rest, as key rotation sees them: across merchants, by key version. */
public interface SealedPans {

    /** One sealed number and where it lives. */
    record Stored(MerchantId merchant, TokenReference reference, SealedPan sealed) {
    }

    /** Up to {@code limit} sealed numbers wrapped under a key-encryption key older than {@code version}. */
    List<Stored> wrappedBefore(int version, int limit);

    /** How many sealed numbers are wrapped under a key older than {@code version}. */
    long countWrappedBefore(int version);

    /**
     * Replaces {@code expected} with {@code rewrapped} if it is still what the row holds (the token
     * may have been removed meanwhile); returns whether it did.
     */
    boolean replace(Stored expected, SealedPan rewrapped);
}
