package dev.cofre.domain.charge;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Instant;

/** Single-use card tokens. Kept in memory only: their security codes must never reach a disk. */
public interface CardTokens {

    void issue(CardToken token);

    /** The live token without using it up; another merchant's, used or expired is none. */
    Option<CardToken> peek(MerchantId merchant, CardTokenId id, Instant now);

    /** Takes the token out for its one use, atomically: a second redeem of the same id gets none. */
    Option<CardToken> redeem(MerchantId merchant, CardTokenId id, Instant now);
}
