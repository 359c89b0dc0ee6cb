package dev.cofre.application.customer;

import dev.cofre.application.Idempotent;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerCard;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.customer.SavedCard;
import dev.cofre.domain.customer.Wallet;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.TokenStatus;
import dev.cofre.domain.token.VaultError;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

/**
 * Deletes a customer's saved card (seed 000, DELETE /v1/customers/{id}/cards/{card_id}): the link
 * goes, and its vault token is removed, which destroys the sealed number. Deleting the default card
 * makes the most recently saved remaining card the default, or none. Answers the card as it is
 * once deleted (its token removed). Under an idempotency key a retry answers that same card again,
 * although it is gone: the key remembers the link that was deleted.
 */
public final class DeleteCustomerCard {

    public record Command(String idempotencyKey) {
    }

    private final CustomerStores stores;
    private final Wallets wallets;
    private final CustomerRequests requests;
    private final Clock clock;

    DeleteCustomerCard(CustomerStores stores, Wallets wallets, CustomerRequests requests, Clock clock) {
        this.stores = stores;
        this.wallets = wallets;
        this.requests = requests;
        this.clock = clock;
    }

    /** Without an idempotency key. */
    public Either<DomainError, CustomerCard> delete(MerchantId merchant, String customerId, String cardId) {
        return delete(merchant, customerId, cardId, new Command(null));
    }

    public Either<DomainError, CustomerCard> delete(MerchantId merchant, String customerId, String cardId,
                                                    Command command) {
        var memory = new Idempotent.Memory<CustomerCard>(DeleteCustomerCard::remembered,
                outcome -> replay(merchant, outcome));
        return requests.refusalAudited(merchant, CustomerAudit.DELETE_CARD, CustomerAudit.card(customerId, cardId),
                CustomerRequests.key(command.idempotencyKey()).<DomainError>mapLeft(e -> e)
                .flatMap(key -> requests.run(merchant, key, new String[] {"delete card", customerId, cardId}, memory,
                        new CustomerRequests.Audited<>(CustomerAudit.DELETE_CARD, CustomerAudit::of),
                        () -> wallets.customer(merchant, customerId).flatMap(customer -> wallets.card(customer, cardId)
                                .flatMap(card -> delete(customer, card, clock.instant()))))));
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
                        .flatMap(removed -> wallets.write(customer, wallet)
                                .map(written -> new CustomerCard(card.saved(), removed))));
    }

    /** The deleted link, for a retry's answer: its ids, date and holder identification, each base64. */
    private static String remembered(CustomerCard card) {
        SavedCard s = card.saved();
        return List.of(s.id().value(), s.customer().value(), s.token().value().toString(), s.createdAt().toString(),
                        s.holderIdentification().map(Identification::type).getOrElse(""),
                        s.holderIdentification().map(Identification::number).getOrElse(""))
                .map(part -> Base64.getUrlEncoder().encodeToString(part.getBytes(StandardCharsets.UTF_8)))
                .mkString(".");
    }

    /** The card the first request answered: the deleted link again, with its (removed) vault token. */
    private Either<DomainError, CustomerCard> replay(MerchantId merchant, String outcome) {
        List<String> parts = List.of(outcome.split("\\.", -1))
                .map(part -> new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8));
        Option<Identification> identification = parts.get(4).isEmpty() ? Option.none()
                : Option.some(new Identification(parts.get(4), parts.get(5)));
        TokenReference reference = new TokenReference(java.util.UUID.fromString(parts.get(2)));
        return stores.tokens().find(merchant, reference)
                .map(token -> new CustomerCard(new SavedCard(new CardId(parts.get(0)), merchant,
                        new CustomerId(parts.get(1)), reference, token.fingerprint(), identification,
                        Instant.parse(parts.get(3))), token))
                .toEither(new CustomerError.CardNotFound());
    }
}
