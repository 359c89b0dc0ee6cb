package dev.cofre.domain.charge;

import java.time.Instant;

/** The cryptograms already used, by digest. Shared by every server, so a cryptogram is spent once anywhere. */
public interface SpentCryptograms {

    /** Marks it spent; true if this was its first use, false if it had been spent before. Atomic. */
    boolean spend(CryptogramDigest digest, Instant at);
}
