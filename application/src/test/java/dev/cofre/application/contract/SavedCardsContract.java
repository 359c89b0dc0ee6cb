package dev.cofre.application.contract;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.customer.SavedCard;
import dev.cofre.domain.token.Token;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** What every {@link dev.cofre.domain.customer.SavedCards} must do. */
public abstract class SavedCardsContract extends CustomerStoreContract {

    @Test
    void a_saved_card_is_found_again_and_listed_oldest_first() {
        var merchant = givenMerchant();
        var customer = givenCustomer(merchant, "a@example.com");
        var first = link(customer, givenToken(merchant), Option.some(new Identification("CPF", "19119119100")));
        var second = link(customer, givenToken(merchant), Option.none());

        assertEquals(Either.right(first), stores.savedCards().add(first));
        assertEquals(Either.right(second), stores.savedCards().add(second));

        assertEquals(Option.some(first), stores.savedCards().find(merchant, first.id()));
        assertEquals(List.of(first, second), stores.savedCards().of(merchant, customer.id()));
    }

    @Test
    void the_same_card_cannot_be_saved_twice_for_one_customer_but_may_be_for_another() {
        var merchant = givenMerchant();
        var one = givenCustomer(merchant, "one@example.com");
        var two = givenCustomer(merchant, "two@example.com");
        var first = link(one, givenToken(merchant), Option.none());
        stores.savedCards().add(first);

        var sameCard = new SavedCard(CardId.issue(IDS), merchant, one.id(), givenToken(merchant).reference(),
                first.fingerprint(), Option.none(), NOW);
        assertEquals(Either.left(new CustomerError.CardAlreadySaved()), stores.savedCards().add(sameCard));
        assertEquals(List.of(first), stores.savedCards().of(merchant, one.id()));

        var forAnother = new SavedCard(CardId.issue(IDS), merchant, two.id(), givenToken(merchant).reference(),
                first.fingerprint(), Option.none(), NOW);
        assertTrue(stores.savedCards().add(forAnother).isRight());
    }

    @Test
    void another_merchants_cards_are_simply_absent() {
        var owner = givenMerchant();
        var stranger = givenMerchant();
        var customer = givenCustomer(owner, "a@example.com");
        var card = link(customer, givenToken(owner), Option.none());
        stores.savedCards().add(card);

        assertEquals(Option.none(), stores.savedCards().find(stranger, card.id()));
        assertEquals(List.empty(), stores.savedCards().of(stranger, customer.id()));
        assertFalse(stores.savedCards().remove(stranger, card.id()));
        assertEquals(Option.some(card), stores.savedCards().find(owner, card.id()));
    }

    @Test
    void a_removed_card_is_gone_and_its_fingerprint_free_again() {
        var merchant = givenMerchant();
        var customer = givenCustomer(merchant, "a@example.com");
        var card = link(customer, givenToken(merchant), Option.none());
        stores.savedCards().add(card);

        assertTrue(stores.savedCards().remove(merchant, card.id()));
        assertFalse(stores.savedCards().remove(merchant, card.id()));
        assertEquals(Option.none(), stores.savedCards().find(merchant, card.id()));
        assertEquals(List.empty(), stores.savedCards().of(merchant, customer.id()));

        var again = new SavedCard(CardId.issue(IDS), merchant, customer.id(), givenToken(merchant).reference(),
                card.fingerprint(), Option.none(), NOW);
        assertTrue(stores.savedCards().add(again).isRight());
    }

    private static SavedCard link(Customer customer, Token token, Option<Identification> identification) {
        return new SavedCard(CardId.issue(IDS), customer.merchant(), customer.id(), token.reference(), token.fingerprint(),
                identification, NOW);
    }

}
