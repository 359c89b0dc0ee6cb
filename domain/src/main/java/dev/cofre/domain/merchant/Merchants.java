package dev.cofre.domain.merchant;

import io.vavr.collection.List;
import io.vavr.control.Option;

/** The merchants Cofre serves, with their hashed credentials. */
public interface Merchants {

    void add(Merchant merchant, MerchantCredentials credentials);

    Option<Merchant> find(MerchantId id);

    Option<MerchantCredentials> credentialsOf(MerchantId id);

    Option<MerchantCredentials> findByClientId(String clientId);

    Option<MerchantCredentials> findByJustClickKey(SecretHash justClickKey);

    /** Every merchant, oldest first. */
    List<Merchant> all();

    boolean isEmpty();
}
