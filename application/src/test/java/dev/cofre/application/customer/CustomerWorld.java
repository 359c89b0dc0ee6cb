package dev.cofre.application.customer;

import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.application.testing.MutableClock;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.charge.MaskedCardToken;
import dev.cofre.domain.customer.CustomerAccount;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantCredentials;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Profile;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.UUID;

/** Customers over fresh in-memory stores with a clock the test moves, as seed 000's flow needs them. */
final class CustomerWorld {

    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    final InMemoryStores stores = new InMemoryStores();
    final MutableClock clock = new MutableClock(START);
    final TestCardCipher cipher = new TestCardCipher();
    final CustomerAccounts accounts = CustomerAccounts.create(stores.customers(cipher), cipher, clock, new SecureIds());

    MerchantId merchant() {
        var id = new MerchantId(UUID.randomUUID());
        stores.merchants.add(new Merchant(id, "Loja " + id, Profile.GATEWAY, List.<IpRange>empty(),
                        Merchant.Features.NONE, START),
                new MerchantCredentials(id, id.toString(), SecretHash.of("secret-" + id), SecretHash.of("key-" + id)));
        return id;
    }

    static CustomerProfile.Draft email(String email) {
        return new CustomerProfile.Draft(email, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    CustomerAccount customer(MerchantId merchant, String email) {
        return accounts.create().create(merchant, new CreateCustomer.Command(email(email), null)).get();
    }

    static CreateCardToken.Command raw(String number, String cvv) {
        return new CreateCardToken.Command(number, 11, 2030, cvv, "APRO", "CPF", "19119119100", null, null, null);
    }

    MaskedCardToken cardToken(MerchantId merchant, String number) {
        String cvv = number.startsWith("34") || number.startsWith("37") ? "1234" : "123";
        return accounts.createCardToken().create(merchant, raw(number, cvv)).get();
    }
}
