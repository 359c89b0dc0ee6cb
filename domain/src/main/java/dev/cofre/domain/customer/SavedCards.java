package dev.cofre.domain.customer;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Which vault tokens are which customer's saved cards. Scoped by merchant like every store; it
 * enforces, for every server that shares it, one card id per merchant and one card per
 * (customer, fingerprint).
 */
public interface SavedCards {

    /** Links a card; {@link CustomerError.CardAlreadySaved} if the customer has a card with its fingerprint. */
    Either<CustomerError, SavedCard> add(SavedCard card);

    /** The customer's cards, oldest first. */
    List<SavedCard> of(MerchantId merchant, CustomerId customer);

    /** A card by its id, whoever's it is among the merchant's customers. */
    Option<SavedCard> find(MerchantId merchant, CardId id);

    /** Unlinks a card; whether there was one. */
    boolean remove(MerchantId merchant, CardId id);
}
