package dev.cofre.application.inmemory;

import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.SavedCard;
import dev.cofre.domain.customer.SavedCards;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Which vault tokens are which customer's cards, in memory. */
public final class InMemorySavedCards implements SavedCards, InMemoryTransactions.Snapshotting {

    private record Key(MerchantId merchant, CardId id) {
    }

    private Map<Key, SavedCard> cards = LinkedHashMap.empty();

    @Override
    public synchronized Either<CustomerError, SavedCard> add(SavedCard card) {
        if (of(card.merchant(), card.customer()).exists(c -> c.fingerprint().equals(card.fingerprint()))) {
            return Either.left(new CustomerError.CardAlreadySaved());
        }
        Key key = new Key(card.merchant(), card.id());
        if (cards.containsKey(key)) {
            throw new IllegalStateException("card id " + card.id() + " exists already");
        }
        cards = cards.put(key, card);
        return Either.right(card);
    }

    @Override
    public synchronized List<SavedCard> of(MerchantId merchant, CustomerId customer) {
        return cards.values().filter(c -> c.merchant().equals(merchant) && c.customer().equals(customer)).toList();
    }

    @Override
    public synchronized Option<SavedCard> find(MerchantId merchant, CardId id) {
        return cards.get(new Key(merchant, id));
    }

    @Override
    public synchronized boolean remove(MerchantId merchant, CardId id) {
        Key key = new Key(merchant, id);
        boolean present = cards.containsKey(key);
        cards = cards.remove(key);
        return present;
    }

    @Override
    public synchronized Object snapshot() {
        return cards;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        cards = (Map<Key, SavedCard>) snapshot;
    }
}
