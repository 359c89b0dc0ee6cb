package dev.cofre.application.contract;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static dev.cofre.application.contract.VaultFixtures.alias;
import static dev.cofre.application.contract.VaultFixtures.sealedPan;
import static dev.cofre.application.contract.VaultFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.TokenStatus;
import dev.cofre.domain.token.VaultError;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link dev.cofre.domain.token.Tokens} must do, as a merchant would notice it. */
public abstract class TokensContract extends StoreContract {

    @Test
    void a_vaulted_token_is_found_again_exactly_as_it_was_stored() {
        var merchant = givenMerchant();
        var token = token(merchant, Option.some(alias("casa")));
        var sealed = sealedPan(1);

        assertEquals(Either.right(token), stores.tokens().add(token, sealed));

        assertEquals(Option.some(token), stores.tokens().find(merchant, token.reference()));
        assertEquals(Option.some(sealed), stores.tokens().sealedPan(merchant, token.reference()));
    }

    @Test
    void a_token_without_alias_or_customer_is_found_again_without_them() {
        var merchant = givenMerchant();
        var token = VaultFixtures.tokenWithoutAliasOrCustomer(merchant);
        stores.tokens().add(token, sealedPan(1));

        assertEquals(Option.some(token), stores.tokens().find(merchant, token.reference()));
    }

    @Test
    void another_merchants_token_is_simply_absent() {
        var owner = givenMerchant();
        var stranger = givenMerchant();
        var token = token(owner, Option.some(alias("casa")));
        stores.tokens().add(token, sealedPan(1));

        assertEquals(Option.none(), stores.tokens().find(stranger, token.reference()));
        assertEquals(Option.none(), stores.tokens().sealedPan(stranger, token.reference()));
        assertEquals(Option.none(), stores.tokens().findByAlias(stranger, alias("casa")));
        assertEquals(List.empty(), stores.tokens().aliasHistory(stranger, alias("casa")));
    }

    @Test
    void an_unknown_reference_is_absent() {
        var merchant = givenMerchant();
        assertEquals(Option.none(), stores.tokens().find(merchant, new TokenReference(UUID.randomUUID())));
    }

    @Test
    void a_token_is_found_by_its_alias() {
        var merchant = givenMerchant();
        var token = token(merchant, Option.some(alias("trabalho")));
        stores.tokens().add(token, sealedPan(1));

        assertEquals(Option.some(token), stores.tokens().findByAlias(merchant, alias("trabalho")));
    }

    @Test
    void an_alias_held_by_a_token_cannot_be_given_to_another() {
        var merchant = givenMerchant();
        var first = token(merchant, Option.some(alias("casa")));
        var second = token(merchant, Option.some(alias("casa")));
        stores.tokens().add(first, sealedPan(1));

        assertEquals(Either.left(new VaultError.AliasInUse(alias("casa"))), stores.tokens().add(second, sealedPan(1)));
        assertEquals(Option.none(), stores.tokens().find(merchant, second.reference()));
        assertEquals(Option.some(first), stores.tokens().findByAlias(merchant, alias("casa")));
    }

    @Test
    void a_suspended_token_keeps_its_alias() {
        var merchant = givenMerchant();
        var token = token(merchant, Option.some(alias("casa")));
        stores.tokens().add(token, sealedPan(1));
        stores.tokens().update(token.suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW.plusSeconds(1)));

        var another = token(merchant, Option.some(alias("casa")));
        assertEquals(Either.left(new VaultError.AliasInUse(alias("casa"))), stores.tokens().add(another, sealedPan(1)));
    }

    @Test
    void two_merchants_may_use_the_same_alias() {
        var one = givenMerchant();
        var other = givenMerchant();

        assertTrue(stores.tokens().add(token(one, Option.some(alias("casa"))), sealedPan(1)).isRight());
        assertTrue(stores.tokens().add(token(other, Option.some(alias("casa"))), sealedPan(1)).isRight());
    }

    @Test
    void removing_a_token_frees_its_alias_for_a_new_token() {
        var merchant = givenMerchant();
        var first = token(merchant, Option.some(alias("casa")));
        stores.tokens().add(first, sealedPan(1));
        var removed = first.remove(ChangedBy.CARD_HOLDER, ChangeReason.OTHER, NOW.plusSeconds(1));
        stores.tokens().update(removed);

        assertEquals(Option.none(), stores.tokens().findByAlias(merchant, alias("casa")));
        var second = token(merchant, Option.some(alias("casa")));
        assertEquals(Either.right(second), stores.tokens().add(second, sealedPan(1)));
        assertEquals(Option.some(second), stores.tokens().findByAlias(merchant, alias("casa")));
    }

    @Test
    void the_alias_history_lists_every_token_it_was_given_to_oldest_first() {
        var merchant = givenMerchant();
        var first = token(merchant, Option.some(alias("casa")));
        stores.tokens().add(first, sealedPan(1));
        stores.tokens().update(first.remove(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW.plusSeconds(1)));
        var second = token(merchant, Option.some(alias("casa")));
        stores.tokens().add(second, sealedPan(1));
        stores.tokens().add(token(merchant, Option.some(alias("praia"))), sealedPan(1));

        var history = stores.tokens().aliasHistory(merchant, alias("casa"));

        assertEquals(List.of(first.reference(), second.reference()), history.map(a -> a.reference()));
        assertEquals(List.of(false, true), history.map(a -> a.enabled()));
    }

    @Test
    void a_change_is_kept_with_who_asked_why_and_when() {
        var merchant = givenMerchant();
        var token = token(merchant, Option.none());
        stores.tokens().add(token, sealedPan(1));
        var suspended = token.suspend(ChangedBy.CARD_HOLDER, ChangeReason.FRAUD_SUSPICION, NOW.plusSeconds(60));

        assertEquals(Either.right(suspended), stores.tokens().update(suspended));
        assertEquals(Option.some(suspended), stores.tokens().find(merchant, token.reference()));
    }

    @Test
    void a_change_made_from_a_stale_copy_is_refused_as_a_concurrent_update() {
        var merchant = givenMerchant();
        var token = token(merchant, Option.none());
        stores.tokens().add(token, sealedPan(1));
        var suspended = token.suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW.plusSeconds(1));
        stores.tokens().update(suspended);

        var removedFromStaleCopy = token.remove(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW.plusSeconds(2));

        assertEquals(Either.left(new VaultError.ConcurrentUpdate()), stores.tokens().update(removedFromStaleCopy));
        assertEquals(Option.some(suspended), stores.tokens().find(merchant, token.reference()));
        assertTrue(stores.tokens().sealedPan(merchant, token.reference()).isDefined());
    }

    @Test
    void changing_an_unknown_or_foreign_token_is_token_not_found() {
        var owner = givenMerchant();
        var stranger = givenMerchant();
        var token = token(owner, Option.none());
        stores.tokens().add(token, sealedPan(1));
        Token foreign = new dev.cofre.domain.token.ActiveToken(token.details().ownedBy(stranger), Option.none(), token.updatedAt(), 1)
                .suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW.plusSeconds(1));

        assertEquals(Either.left(new VaultError.TokenNotFound()), stores.tokens().update(foreign));
        assertEquals(Option.some(token), stores.tokens().find(owner, token.reference()));
    }

    @Test
    void removing_a_token_destroys_its_sealed_number_but_the_token_stays_visible_as_removed() {
        var merchant = givenMerchant();
        var token = token(merchant, Option.some(alias("casa")));
        stores.tokens().add(token, sealedPan(1));
        var removed = token.remove(ChangedBy.MERCHANT, ChangeReason.FRAUD_SUSPICION, NOW.plusSeconds(5));

        assertEquals(Either.right(removed), stores.tokens().update(removed));

        assertEquals(Option.none(), stores.tokens().sealedPan(merchant, token.reference()));
        assertEquals(Option.some(removed), stores.tokens().find(merchant, token.reference()));
        assertEquals(0, stores.sealedPans().countWrappedBefore(Integer.MAX_VALUE));
    }

    @Test
    void a_refused_alias_does_not_spoil_the_rest_of_its_transaction() {
        var merchant = givenMerchant();
        var first = token(merchant, Option.some(alias("casa")));
        var second = token(merchant, Option.some(alias("casa")));
        var third = token(merchant, Option.some(alias("praia")));

        var refused = stores.transactions().inTransaction(() -> {
            stores.tokens().add(first, sealedPan(1));
            var outcome = stores.tokens().add(second, sealedPan(1));
            stores.tokens().add(third, sealedPan(1));
            return outcome;
        });

        assertEquals(Either.left(new VaultError.AliasInUse(alias("casa"))), refused);
        assertEquals(Option.some(first), stores.tokens().find(merchant, first.reference()));
        assertEquals(Option.some(third), stores.tokens().find(merchant, third.reference()));
    }
}
