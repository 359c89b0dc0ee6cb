package dev.cofre.application.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.inmemory.InMemoryMerchants;
import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.merchant.TrustedProxies;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Registering a merchant reports every invalid field at once: the command's constraints and every IP range. */
class RegisterMerchantValidationTest {

    final InMemoryStores stores = new InMemoryStores();
    final InMemoryMerchants merchants = stores.merchants;
    final MerchantAccounts accounts = MerchantAccounts.create(stores.merchantAccounts(),
            new TrustedProxies(io.vavr.collection.List.empty()), Clock.systemUTC(), new SecureIds());

    @Test
    void a_blank_name_a_short_secret_and_two_bad_ranges_are_reported_together_and_nothing_is_registered() {
        var refused = accounts.register().register(new RegisterMerchant.Command(" ",
                List.of("10.0.0.0/8", "not-an-ip", "", "10.0.0.0/99"), false, false, "ok:no", "short"));
        var invalid = assertInstanceOf(InvalidInput.class, refused.getLeft());
        assertEquals(io.vavr.collection.List.of("ipRanges[1] INVALID", "ipRanges[2] MISSING", "ipRanges[3] INVALID",
                        "clientId INVALID", "clientSecret INVALID", "name MISSING"),
                invalid.errors().map(e -> e.field() + " " + e.kind()));
        assertTrue(merchants.isEmpty());
    }
}
