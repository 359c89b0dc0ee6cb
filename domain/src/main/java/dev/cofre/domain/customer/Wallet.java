package dev.cofre.domain.customer;

import dev.cofre.domain.token.Fingerprint;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A customer with its saved cards, and the rules that tie them (seed 000, issue 10):
 * <ul>
 * <li>one card per fingerprint: the same card saved again is the card already saved;</li>
 * <li>the first card saved becomes the default;</li>
 * <li>deleting the default makes the most recently saved remaining card the default, or none;</li>
 * <li>only one of the customer's own cards can be made the default.</li>
 * </ul>
 * So the default is none exactly when there is no card. Each operation returns the new wallet; the
 * customer inside it is the same object when its default did not move (nothing to write).
 */
public record Wallet(Customer customer, List<SavedCard> cards) {

    public Wallet {
        java.util.Objects.requireNonNull(customer, "customer");
        java.util.Objects.requireNonNull(cards, "cards");
    }

    public Option<SavedCard> sameCardAs(Fingerprint fingerprint) {
        return cards.find(c -> c.fingerprint().equals(fingerprint));
    }

    public Option<SavedCard> card(CardId id) {
        return cards.find(c -> c.id().equals(id));
    }

    /** Saves a new card; {@link CustomerError.CardAlreadySaved} if the same card is here already. */
    public Either<CustomerError, Wallet> save(SavedCard card, Instant at) {
        if (sameCardAs(card.fingerprint()).isDefined()) {
            return Either.left(new CustomerError.CardAlreadySaved());
        }
        Customer next = customer.defaultCard().isEmpty()
                ? customer.withDefaultCard(Option.some(card.id()), at)
                : customer;
        return Either.right(new Wallet(next, cards.append(card)));
    }

    /** Deletes a card; the default moves to the most recently saved remaining card, or to none. */
    public Either<CustomerError, Wallet> delete(CardId id, Instant at) {
        if (card(id).isEmpty()) {
            return Either.left(new CustomerError.CardNotFound());
        }
        List<SavedCard> remaining = cards.filter(c -> !c.id().equals(id));
        Customer next = customer.defaultCard().contains(id)
                ? customer.withDefaultCard(remaining.lastOption().map(SavedCard::id), at)
                : customer;
        return Either.right(new Wallet(next, remaining));
    }

    /** Makes one of the customer's cards the default; another card is {@link CustomerError.CardNotFound}. */
    public Either<CustomerError, Wallet> makeDefault(CardId id, Instant at) {
        if (card(id).isEmpty()) {
            return Either.left(new CustomerError.CardNotFound());
        }
        return Either.right(customer.defaultCard().contains(id) ? this
                : new Wallet(customer.withDefaultCard(Option.some(id), at), cards));
    }
}
