package dev.cofre.domain.charge;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;

/** The numbers given to charges; a number and a charge each appear at most once, on every server. */
public interface NumberedCharges {

    /**
     * Stores {@code numbered} unless its charge already has a number, and answers the charge's row as
     * stored: the first one wins. None if {@code numbered}'s number is another charge's (pick another).
     */
    Option<NumberedCharge> add(NumberedCharge numbered);

    /** The merchant's charge with this number; another merchant's is none. */
    Option<NumberedCharge> find(MerchantId merchant, long number);
}
