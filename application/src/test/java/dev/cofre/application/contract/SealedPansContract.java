package dev.cofre.application.contract;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static dev.cofre.application.contract.VaultFixtures.sealedPan;
import static dev.cofre.application.contract.VaultFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.ActiveToken;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.SealedPans.Stored;
import dev.cofre.domain.token.Token;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** What every {@link dev.cofre.domain.token.SealedPans} must do for key rotation. */
public abstract class SealedPansContract extends StoreContract {

    private ActiveToken vaulted(MerchantId merchant, SealedPan sealed) {
        var token = token(merchant, Option.none());
        stores.tokens().add(token, sealed);
        return token;
    }

    @Test
    void only_numbers_wrapped_under_an_older_key_are_listed_and_counted_across_merchants() {
        var one = givenMerchant();
        var other = givenMerchant();
        var old1 = vaulted(one, sealedPan(1));
        var old2 = vaulted(other, sealedPan(2));
        vaulted(one, sealedPan(3));

        var listed = stores.sealedPans().wrappedBefore(3, 10);

        assertEquals(2, stores.sealedPans().countWrappedBefore(3));
        assertEquals(io.vavr.collection.HashSet.of(old1.reference(), old2.reference()), listed.map(Stored::reference).toSet());
        assertEquals(0, stores.sealedPans().countWrappedBefore(1));
    }

    @Test
    void listing_stops_at_the_limit() {
        var merchant = givenMerchant();
        for (int i = 0; i < 5; i++) {
            vaulted(merchant, sealedPan(1));
        }

        assertEquals(2, stores.sealedPans().wrappedBefore(2, 2).size());
        assertEquals(5, stores.sealedPans().countWrappedBefore(2));
    }

    @Test
    void a_listed_number_is_the_one_stored_with_its_token_and_merchant() {
        var merchant = givenMerchant();
        var sealed = sealedPan(1);
        var token = vaulted(merchant, sealed);

        assertEquals(io.vavr.collection.List.of(new Stored(merchant, token.reference(), sealed)),
                stores.sealedPans().wrappedBefore(2, 10));
    }

    @Test
    void a_rewrapped_number_replaces_the_one_that_was_read() {
        var merchant = givenMerchant();
        var sealed = sealedPan(1);
        var token = vaulted(merchant, sealed);
        var rewrapped = new SealedPan(2, VaultFixtures.randomBytes(40), sealed.ciphertext());

        assertTrue(stores.sealedPans().replace(new Stored(merchant, token.reference(), sealed), rewrapped));

        assertEquals(Option.some(rewrapped), stores.tokens().sealedPan(merchant, token.reference()));
        assertEquals(0, stores.sealedPans().countWrappedBefore(2));
    }

    @Test
    void a_replacement_based_on_an_outdated_read_is_refused() {
        var merchant = givenMerchant();
        var sealed = sealedPan(1);
        var token = vaulted(merchant, sealed);
        var stored = new Stored(merchant, token.reference(), sealed);
        var first = new SealedPan(2, VaultFixtures.randomBytes(40), sealed.ciphertext());
        stores.sealedPans().replace(stored, first);

        assertFalse(stores.sealedPans().replace(stored, new SealedPan(3, VaultFixtures.randomBytes(40), sealed.ciphertext())));
        assertEquals(Option.some(first), stores.tokens().sealedPan(merchant, token.reference()));
    }

    @Test
    void a_removed_token_is_not_rewrapped_and_its_number_does_not_come_back() {
        var merchant = givenMerchant();
        var sealed = sealedPan(1);
        var token = vaulted(merchant, sealed);
        stores.tokens().update(token.remove(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW.plusSeconds(1)));

        assertEquals(0, stores.sealedPans().countWrappedBefore(2));
        assertFalse(stores.sealedPans().replace(new Stored(merchant, token.reference(), sealed), sealedPan(2)));
        assertEquals(Option.none(), stores.tokens().sealedPan(merchant, token.reference()));
    }

    @Test
    void a_replacement_naming_the_wrong_merchant_is_refused() {
        var owner = givenMerchant();
        var stranger = givenMerchant();
        var sealed = sealedPan(1);
        var token = vaulted(owner, sealed);

        assertFalse(stores.sealedPans().replace(new Stored(stranger, token.reference(), sealed), sealedPan(2)));
        assertEquals(Option.some(sealed), stores.tokens().sealedPan(owner, token.reference()));
    }
}
