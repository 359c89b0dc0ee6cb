package dev.cofre.application.contract;

import static dev.cofre.application.contract.VaultFixtures.NOW;

import dev.cofre.domain.SecureIds;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.customer.Email;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Token;
import io.vavr.control.Option;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The base of the customer store contracts: fresh, empty stores per test from {@link #openStores()}. */
public abstract class CustomerStoreContract {

    protected static final SecureIds IDS = new SecureIds();

    protected CustomerTestStores stores;

    protected abstract CustomerTestStores openStores() throws Exception;

    @BeforeEach
    void open() throws Exception {
        stores = openStores();
    }

    @AfterEach
    void closeStores() {
        stores.close();
    }

    protected MerchantId givenMerchant() {
        var merchant = VaultFixtures.merchant();
        stores.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
        return merchant.id();
    }

    protected Customer givenCustomer(MerchantId merchant, String email) {
        var customer = customer(merchant, email);
        stores.customers().add(customer).get();
        return customer;
    }

    protected static Customer customer(MerchantId merchant, String email) {
        return Customer.register(CustomerId.issue(merchant, IDS), merchant, profile(email), NOW);
    }

    protected static CustomerProfile profile(String email) {
        return new CustomerProfile(new Email(email), Option.none(), Option.none(), Option.none(), Option.none(),
                Option.none(), Option.none(), dev.cofre.domain.charge.Metadata.EMPTY, Option.none());
    }

    /** A vault token of the merchant, as every saved card is one. */
    protected Token givenToken(MerchantId merchant) {
        var token = VaultFixtures.token(merchant, Option.none());
        stores.tokens().add(token, VaultFixtures.sealedPan(1)).get();
        return token;
    }
}
