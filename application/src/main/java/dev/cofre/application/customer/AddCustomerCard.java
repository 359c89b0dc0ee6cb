package dev.cofre.application.customer;

import dev.cofre.application.Idempotent;
import dev.cofre.application.token.NewToken;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerCard;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.SavedCard;
import dev.cofre.domain.customer.Wallet;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.TokenCustomer;
import io.vavr.control.Either;
import io.vavr.Tuple;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Instant;

/**
 * Saves a card for a customer from a card token (seed 000, POST /v1/customers/{id}/cards with
 * {@code {"token": ...}}). The card token is spent; the card is vaulted as a token linked to the
 * customer. The same card (by fingerprint) saved again answers the card already saved; the first
 * card becomes the default.
 */
public final class AddCustomerCard {

    public record Command(String token, String idempotencyKey) {
    }

    private final CustomerStores stores;
    private final Wallets wallets;
    private final CustomerRequests requests;
    private final NewToken newToken;
    private final Clock clock;
    private final Ids ids;

    AddCustomerCard(CustomerStores stores, Wallets wallets, CustomerRequests requests, NewToken newToken, Clock clock,
                    Ids ids) {
        this.stores = stores;
        this.wallets = wallets;
        this.requests = requests;
        this.newToken = newToken;
        this.clock = clock;
        this.ids = ids;
    }

    public Either<DomainError, CustomerCard> add(MerchantId merchant, String customerId, Command command) {
        Instant now = clock.instant();
        var memory = new Idempotent.Memory<CustomerCard>(card -> card.id().value(), id -> wallets.customer(merchant,
                customerId).flatMap(customer -> wallets.card(customer, id)));
        String[] request = {"add card", customerId, command.token()};
        return requests.refusalAudited(merchant, CustomerAudit.ADD_CARD, CustomerAudit.customer(customerId),
                wallets.customer(merchant, customerId)
                .flatMap(customer -> Validation.combine(
                                Validation.fromEither(CardTokenId.parse("token", command.token())),
                                Validation.fromEither(CustomerRequests.key(command.idempotencyKey())))
                        .ap((id, key) -> Tuple.of(id, key))
                        .mapError(errors -> (DomainError) errors.reduce(InvalidInput::and))
                        .toEither()
                        .flatMap(parsed -> {
                            CardTokenId id = parsed._1;
                            // Looked at first, unspent, so that the card is sealed outside the transaction; a
                            // retry under a key whose first request spent the token replays without looking.
                            Either<DomainError, NewToken.Prepared> prepared = stores.cardTokens().peek(merchant, id, now)
                                    .<DomainError>mapLeft(e -> e)
                                    .flatMap(looked -> newToken.prepare(merchant, looked.card(), Option.none(),
                                            Option.some(buyer(customer))));
                            return requests.run(merchant, parsed._2, request, memory,
                                    new CustomerRequests.Audited<>(CustomerAudit.ADD_CARD, CustomerAudit::of),
                                    () -> prepared.flatMap(p -> save(merchant, customerId, id, p, now)));
                        })));
    }

    private Either<DomainError, CustomerCard> save(MerchantId merchant, String customerId, CardTokenId cardToken,
                                                   NewToken.Prepared prepared, Instant now) {
        return wallets.customer(merchant, customerId).flatMap(customer -> {
            Wallet wallet = wallets.wallet(customer);
            var token = prepared.token();
            return stores.cardTokens().redeem(merchant, cardToken, now).<DomainError>mapLeft(e -> e)
                    .flatMap(spent -> wallet.sameCardAs(token.fingerprint())
                            .map(existing -> wallets.card(existing).<DomainError>toEither(
                                    new CustomerError.CardNotFound()))
                            .getOrElse(() -> saveNew(customer, wallet, spent, prepared, now)));
        });
    }

    private Either<DomainError, CustomerCard> saveNew(Customer customer, Wallet wallet, CardToken spent,
                                                      NewToken.Prepared prepared, Instant now) {
        var saved = new SavedCard(CardId.issue(ids), customer.merchant(), customer.id(), prepared.token().reference(),
                prepared.token().fingerprint(), spent.holderIdentification(), now);
        return wallet.save(saved, now).<DomainError>mapLeft(e -> e)
                .flatMap(after -> stores.tokens().add(prepared.token(), prepared.sealedPan()).<DomainError>mapLeft(e -> e)
                        .flatMap(token -> stores.savedCards().add(saved).<DomainError>mapLeft(e -> e))
                        .flatMap(link -> wallets.write(customer, after))
                        .map(written -> new CustomerCard(saved, prepared.token())));
    }

    /** The buyer a vault token keeps (JustClick's CustomerName and CustomerIdentification). */
    private static TokenCustomer buyer(Customer customer) {
        String name = customer.profile().displayName();
        return new TokenCustomer(name.length() > 255 ? name.substring(0, 255) : name,
                customer.profile().identification().map(i -> i.number()));
    }
}
