package dev.cofre.application.charge;

import dev.cofre.application.Atomic;
import dev.cofre.application.token.NewToken;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.charge.Acquirer.ChargeableCard;
import dev.cofre.domain.charge.CardSource;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.customer.CustomerQuery;
import dev.cofre.domain.customer.SavedCard;
import dev.cofre.domain.customer.Wallet;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.TokenCustomer;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;

/**
 * The customer who pays an order (seed 002: {@code customer_id}, or a {@code customer} found by
 * its e-mail or else registered, as the vendor does), and seed 004's rule for the card: only a card
 * that authorized successfully is saved. It is saved once, as a vault token linked to the customer
 * by {@link Wallet}'s rules (the same card saved again is the token already saved; the first card
 * becomes the default), so there is no second card store; the charge then names that token, which
 * later orders can charge by.
 */
public final class OrderCustomers {

    /**
     * Who pays, as a command says it: the id of one of the merchant's customers, or a profile.
     * Exactly one of the two is given.
     */
    public record Payer(String id, CustomerProfile.Draft profile) {
    }

    /** A payer checked: a customer id still to look up (a malformed one is simply not found), or a valid profile. */
    record Checked(Option<String> id, Option<CustomerProfile> profile) {
    }

    private final ChargeStores stores;
    private final NewToken newToken;
    private final Clock clock;
    private final Ids ids;

    OrderCustomers(ChargeStores stores, NewToken newToken, Clock clock, Ids ids) {
        this.stores = stores;
        this.newToken = newToken;
        this.clock = clock;
        this.ids = ids;
    }

    /** The merchant's customer; another merchant's is absent. */
    public Option<Customer> find(MerchantId merchant, CustomerId id) {
        return stores.customers().find(merchant, id);
    }

    /** Every invalid field of the payer's profile, under {@code customer.}; nothing is looked up. */
    static Either<InvalidInput, Option<Checked>> check(Payer payer) {
        if (payer == null) {
            return Either.right(Option.none());
        }
        if (payer.profile() == null) {
            return Either.right(Option.some(new Checked(Option.of(payer.id()), Option.none())));
        }
        return CustomerProfile.parse(payer.profile()).mapLeft(invalid -> invalid.under("customer."))
                .map(profile -> Option.some(new Checked(Option.none(), Option.some(profile))));
    }

    /**
     * In the order's transaction: the customer named by id ({@link CustomerError.CustomerNotFound}
     * if the merchant has none by it), or the one with the profile's e-mail, or a new one.
     */
    Either<DomainError, CustomerId> resolve(MerchantId merchant, Checked payer, Instant now) {
        if (payer.id().isDefined()) {
            return CustomerId.parse("customer_id", payer.id().get()).toOption()
                    .flatMap(id -> stores.customers().find(merchant, id))
                    .map(Customer::id)
                    .toEither(new CustomerError.CustomerNotFound());
        }
        CustomerProfile profile = payer.profile().get();
        Option<Customer> known = byEmail(merchant, profile);
        if (known.isDefined()) {
            return Either.right(known.get().id());
        }
        Either<CustomerError, Customer> added = stores.customers().add(
                Customer.register(CustomerId.issue(merchant, ids), merchant, profile, now));
        // refused only if registered by another request at the same moment: that one is the customer
        return added.isRight() ? Either.right(added.get().id())
                : byEmail(merchant, profile).map(Customer::id).toEither(added.getLeft());
    }

    private Option<Customer> byEmail(MerchantId merchant, CustomerProfile profile) {
        return stores.customers().search(merchant, new CustomerQuery(Option.some(profile.email()), 1, 0))
                .results().headOption();
    }

    /**
     * Saves the card of a charge that authorized successfully to the order's customer, and records
     * on the charge which vault token it is: a card sent in full or by a card token. Nothing is saved
     * for an order without a customer, for a card that did not authorize, for a card from the vault
     * already, or for a network token (a scheme's token, not the card); a card that cannot be saved
     * leaves the charge as it was (its money has moved either way).
     */
    Charge saveCard(Charge charge, ChargeableCard card) {
        var source = charge.card().source();
        if (charge.order().customer().isEmpty() || !charge.authorization().tookEffect()
                || charge.card().vaulted().isDefined()
                || !(source == CardSource.Kind.CARD || source == CardSource.Kind.CARD_TOKEN)) {
            return charge;
        }
        CustomerId payer = charge.order().customer().get();
        return stores.customers().find(charge.merchant(), payer)
                .toEither((DomainError) new CustomerError.CustomerNotFound())
                .flatMap(customer -> newToken.prepare(charge.merchant(),
                        new Card(card.number(), card.holder(), card.expiry()), Option.none(),
                        Option.some(buyer(customer))))
                .flatMap(prepared -> Atomic.run(stores.transactions(), () -> save(charge, payer, prepared)))
                .getOrElse(charge);
    }

    private Either<DomainError, Charge> save(Charge answered, CustomerId payer, NewToken.Prepared prepared) {
        Instant now = clock.instant();
        Option<Customer> customer = stores.customers().find(answered.merchant(), payer);
        Option<Charge> current = stores.charges().find(answered.merchant(), answered.id());
        if (customer.isEmpty() || current.isEmpty()) {
            return Either.left(new CustomerError.CustomerNotFound());
        }
        Wallet wallet = new Wallet(customer.get(), stores.savedCards().of(answered.merchant(), payer));
        Either<DomainError, TokenReference> token = wallet.sameCardAs(prepared.token().fingerprint())
                .map(saved -> Either.<DomainError, TokenReference>right(saved.token()))
                .getOrElse(() -> saveNew(wallet, prepared, now));
        return token.flatMap(reference -> stores.charges().update(current.get().withSavedCard(reference))
                .<DomainError>mapLeft(e -> e));
    }

    private Either<DomainError, TokenReference> saveNew(Wallet wallet, NewToken.Prepared prepared, Instant now) {
        Customer customer = wallet.customer();
        var saved = new SavedCard(CardId.issue(ids), customer.merchant(), customer.id(), prepared.token().reference(),
                prepared.token().fingerprint(), customer.profile().identification(), now);
        return wallet.save(saved, now).<DomainError>mapLeft(e -> e)
                .flatMap(after -> stores.tokens().add(prepared.token(), prepared.sealedPan()).<DomainError>mapLeft(e -> e)
                        .flatMap(token -> stores.savedCards().add(saved).<DomainError>mapLeft(e -> e))
                        .flatMap(link -> after.customer() == customer ? Either.right(customer)
                                : stores.customers().update(after.customer()).<DomainError>mapLeft(e -> e))
                        .map(written -> saved.token()));
    }

    /** The buyer the vault token keeps, as every saved card's token does. */
    private static TokenCustomer buyer(Customer customer) {
        String name = customer.profile().displayName();
        return new TokenCustomer(name.length() > 255 ? name.substring(0, 255) : name,
                customer.profile().identification().map(i -> i.number()));
    }
}
