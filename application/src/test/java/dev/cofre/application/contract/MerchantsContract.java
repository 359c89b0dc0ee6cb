package dev.cofre.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantCredentials;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Profile;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link dev.cofre.domain.merchant.Merchants} must do. */
public abstract class MerchantsContract extends StoreContract {

    @Test
    void a_new_store_has_no_merchants() {
        assertTrue(stores.merchants().isEmpty());
        assertEquals(List.empty(), stores.merchants().all());
    }

    @Test
    void an_added_merchant_is_found_with_its_credentials() {
        var merchant = VaultFixtures.merchant();
        var credentials = VaultFixtures.credentialsOf(merchant.id());
        stores.merchants().add(merchant, credentials);

        assertEquals(Option.some(merchant), stores.merchants().find(merchant.id()));
        assertEquals(Option.some(credentials), stores.merchants().credentialsOf(merchant.id()));
        assertFalse(stores.merchants().isEmpty());
    }

    @Test
    void a_merchant_is_found_by_its_client_id_and_by_the_hash_of_its_just_click_key() {
        var merchant = VaultFixtures.merchant();
        var credentials = VaultFixtures.credentialsOf(merchant.id());
        stores.merchants().add(merchant, credentials);
        givenMerchant();

        assertEquals(Option.some(credentials), stores.merchants().findByClientId(credentials.clientId()));
        assertEquals(Option.some(credentials), stores.merchants().findByJustClickKey(credentials.justClickKey()));
        assertEquals(Option.none(), stores.merchants().findByClientId("nobody"));
        assertEquals(Option.none(), stores.merchants().findByJustClickKey(SecretHash.of("not a key")));
    }

    @Test
    void merchants_are_listed_oldest_first() {
        var first = VaultFixtures.merchant();
        var second = new Merchant(new MerchantId(UUID.randomUUID()), "Sem IPs", Profile.PSP, List.empty(),
                Merchant.Features.NONE, VaultFixtures.NOW.plusSeconds(1));
        stores.merchants().add(first, VaultFixtures.credentialsOf(first.id()));
        stores.merchants().add(second, VaultFixtures.credentialsOf(second.id()));

        assertEquals(List.of(first, second), stores.merchants().all());
    }

    @Test
    void a_client_id_cannot_be_given_to_two_merchants() {
        var first = VaultFixtures.merchant();
        var credentials = VaultFixtures.credentialsOf(first.id());
        stores.merchants().add(first, credentials);
        var second = VaultFixtures.merchant();

        assertThrows(IllegalStateException.class, () -> stores.merchants().add(second,
                new MerchantCredentials(second.id(), credentials.clientId(), SecretHash.of("s"), SecretHash.of("k"))));
        assertEquals(Option.none(), stores.merchants().find(second.id()));
    }

    @Test
    void a_disabled_merchant_is_found_but_not_as_enabled_until_it_is_enabled_again() {
        var merchant = VaultFixtures.merchant();
        stores.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
        assertEquals(Option.some(merchant), stores.merchants().findEnabled(merchant.id()));

        assertTrue(stores.merchants().setDisabled(merchant.id(), true));
        assertEquals(Option.none(), stores.merchants().findEnabled(merchant.id()));
        assertEquals(Option.some(merchant), stores.merchants().find(merchant.id()));

        assertTrue(stores.merchants().setDisabled(merchant.id(), false));
        assertEquals(Option.some(merchant), stores.merchants().findEnabled(merchant.id()));
        assertFalse(stores.merchants().setDisabled(new MerchantId(UUID.randomUUID()), true));
    }

    @Test
    void a_replaced_secret_or_merchant_key_is_the_only_one_found() {
        var merchant = VaultFixtures.merchant();
        var credentials = VaultFixtures.credentialsOf(merchant.id());
        stores.merchants().add(merchant, credentials);

        assertTrue(stores.merchants().replaceClientSecret(merchant.id(), SecretHash.of("new secret")));
        assertTrue(stores.merchants().replaceJustClickKey(merchant.id(), SecretHash.of("new key")));

        var now = stores.merchants().credentialsOf(merchant.id()).get();
        assertEquals(SecretHash.of("new secret"), now.clientSecret());
        assertEquals(credentials.clientId(), now.clientId());
        assertEquals(Option.some(now), stores.merchants().findByJustClickKey(SecretHash.of("new key")));
        assertEquals(Option.none(), stores.merchants().findByJustClickKey(credentials.justClickKey()));
        assertFalse(stores.merchants().replaceClientSecret(new MerchantId(UUID.randomUUID()), SecretHash.of("x")));
        assertFalse(stores.merchants().replaceJustClickKey(new MerchantId(UUID.randomUUID()), SecretHash.of("x")));
    }
}
