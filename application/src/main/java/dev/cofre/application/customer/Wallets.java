package dev.cofre.application.customer;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerAccount;
import dev.cofre.domain.customer.CustomerCard;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.SavedCard;
import dev.cofre.domain.customer.Wallet;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.TokenStatus;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Supplier;

/** Reads customers with their cards, and writes a changed wallet back; shared by the customer use cases. */
final class Wallets {

    /** How many times a write that lost a race with another server is tried again from a fresh read. */
    private static final int ATTEMPTS = 5;

    private final CustomerStores stores;

    Wallets(CustomerStores stores) {
        this.stores = stores;
    }

    /** The merchant's customer; a malformed, unknown or foreign id alike is not found. */
    Either<DomainError, Customer> customer(MerchantId merchant, String id) {
        return CustomerId.parse("id", id).toOption()
                .flatMap(customerId -> stores.customers().find(merchant, customerId))
                .toEither(new CustomerError.CustomerNotFound());
    }

    Wallet wallet(Customer customer) {
        return new Wallet(customer, stores.savedCards().of(customer.merchant(), customer.id()));
    }

    CustomerAccount account(Customer customer) {
        return new CustomerAccount(customer, stores.savedCards().of(customer.merchant(), customer.id())
                .flatMap(saved -> card(saved)));
    }

    /** A saved card with its vault token; none once the token was removed through the vault API. */
    Option<CustomerCard> card(SavedCard saved) {
        return stores.tokens().find(saved.merchant(), saved.token())
                .filter(token -> token.status() != TokenStatus.REMOVED)
                .map(token -> new CustomerCard(saved, token));
    }

    /** The customer's own card; another customer's or merchant's is not found. */
    Either<DomainError, CustomerCard> card(Customer customer, String cardId) {
        return CardId.parse("card_id", cardId).toOption()
                .flatMap(id -> stores.savedCards().find(customer.merchant(), id))
                .filter(saved -> saved.customer().equals(customer.id()))
                .flatMap(this::card)
                .toEither(new CustomerError.CardNotFound());
    }

    /** Saves the customer if the wallet moved its default card. */
    Either<DomainError, Customer> write(Customer before, Wallet after) {
        return after.customer() == before
                ? Either.right(before)
                : stores.customers().update(after.customer()).mapLeft(e -> e);
    }

    /** Runs a write again from a fresh read when it lost a race (a concurrent update, or the same card saved at once). */
    static <T> Either<DomainError, T> retryingRaces(Supplier<Either<DomainError, T>> attempt) {
        Either<DomainError, T> result = attempt.get();
        for (int i = 1; i < ATTEMPTS && result.isLeft() && isRace(result.getLeft()); i++) {
            result = attempt.get();
        }
        return result;
    }

    private static boolean isRace(DomainError error) {
        return error instanceof CustomerError.ConcurrentUpdate || error instanceof CustomerError.CardAlreadySaved;
    }

}
