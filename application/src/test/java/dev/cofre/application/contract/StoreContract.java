package dev.cofre.application.contract;

import dev.cofre.domain.merchant.MerchantId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of every port contract: each test gets fresh, empty stores from {@link #openStores()}
 * and closes them afterwards. A concrete subclass per implementation supplies them.
 */
public abstract class StoreContract {

    protected Stores stores;

    /** Fresh, empty stores that share one backing store. */
    protected abstract Stores openStores() throws Exception;

    @BeforeEach
    void open() throws Exception {
        stores = openStores();
    }

    @AfterEach
    void closeStores() throws Exception {
        stores.close();
    }

    /** A merchant that exists, as every token, key and counter belongs to one. */
    protected MerchantId givenMerchant() {
        var merchant = VaultFixtures.merchant();
        stores.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
        return merchant.id();
    }
}
