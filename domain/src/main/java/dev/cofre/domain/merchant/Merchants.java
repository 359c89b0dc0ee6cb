package dev.cofre.domain.merchant;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** The merchants Cofre serves, with their hashed credentials. */
public interface Merchants {

    void add(Merchant merchant, MerchantCredentials credentials);

    Option<Merchant> find(MerchantId id);

    /**
     * The merchant, if it exists and is not disabled: the one check every authentication makes
     * (bearer token, MerchantKey, client secret). Bearers are cached per process for at most
     * {@code AuthenticateMerchant.REVALIDATE_AFTER} (1 s) before this is asked again, so disabling
     * takes effect on every server within that bound (README, "Operator commands").
     */
    Option<Merchant> findEnabled(MerchantId id);

    /** Disables or enables a merchant; false if there is no such merchant. */
    boolean setDisabled(MerchantId id, boolean disabled);

    /** Replaces the hash of a merchant's client secret; false if there is no such merchant. */
    boolean replaceClientSecret(MerchantId id, SecretHash clientSecret);

    /** Replaces the hash of a merchant's JustClick MerchantKey; false if there is no such merchant. */
    boolean replaceJustClickKey(MerchantId id, SecretHash justClickKey);

    Option<MerchantCredentials> credentialsOf(MerchantId id);

    Option<MerchantCredentials> findByClientId(String clientId);

    Option<MerchantCredentials> findByJustClickKey(SecretHash justClickKey);

    /** Every merchant, oldest first. */
    List<Merchant> all();

    boolean isEmpty();
}
