package dev.cofre.application.customer;

import dev.cofre.application.Atomic;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerCard;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.Wallet;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenStatus;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;

/**
 * Deletes a customer's saved card (seed 000, DELETE /v1/customers/{id}/cards/{card_id}): the link
 * goes, and its vault token is removed, which destroys the sealed number. Deleting the default card
 * makes the most recently saved remaining card the default, or none. Answers the card as it was.
 */
public final class DeleteCustomerCard {

    private final CustomerStores stores;
    private final Wallets wallets;
    private final Clock clock;

    DeleteCustomerCard(CustomerStores stores, Wallets wallets, Clock clock) {
        this.stores = stores;
        this.wallets = wallets;
        this.clock = clock;
    }

    public Either<DomainError, CustomerCard> delete(MerchantId merchant, String customerId, String cardId) {
        return Wallets.retryingRaces(() -> Atomic.run(stores.transactions(),
                () -> wallets.customer(merchant, customerId).flatMap(customer -> wallets.card(customer, cardId)
                        .flatMap(card -> delete(customer, card, clock.instant())))));
    }

    private Either<DomainError, CustomerCard> delete(Customer customer, CustomerCard card, Instant now) {
        Either<DomainError, Wallet> after = wallets.wallet(customer).delete(card.id(), now).mapLeft(e -> e);
        return after
                .flatMap(wallet -> stores.savedCards().remove(customer.merchant(), card.id())
                        ? Either.right(wallet)
                        : Either.<DomainError, Wallet>left(new CustomerError.CardNotFound()))
                .flatMap(wallet -> card.token().changeTo(TokenStatus.REMOVED, ChangedBy.MERCHANT, ChangeReason.OTHER, now)
                        .flatMap(change -> change.moved() ? stores.tokens().update(change.token())
                                : Either.<VaultError, Token>right(change.token()))
                        .<DomainError>mapLeft(e -> e)
                        .flatMap(removed -> wallets.write(customer, wallet)))
                .map(written -> card);
    }
}
