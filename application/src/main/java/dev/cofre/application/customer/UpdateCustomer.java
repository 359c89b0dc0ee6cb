package dev.cofre.application.customer;

import dev.cofre.application.Commands;
import dev.cofre.application.Idempotent;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerAccount;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.customer.Wallet;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;

/**
 * Changes a customer (seed 000, PUT /v1/customers/{id}): every field sent replaces the stored one,
 * a field not sent stays; {@code defaultCard} makes one of the customer's own cards the default.
 */
public final class UpdateCustomer {

    public record Command(@NotNull(message = "is required") CustomerProfile.Draft changes, String defaultCard,
                          String idempotencyKey) {
    }

    private final CustomerStores stores;
    private final Wallets wallets;
    private final CustomerRequests requests;
    private final Clock clock;

    UpdateCustomer(CustomerStores stores, Wallets wallets, CustomerRequests requests, Clock clock) {
        this.stores = stores;
        this.wallets = wallets;
        this.requests = requests;
        this.clock = clock;
    }

    public Either<DomainError, CustomerAccount> update(MerchantId merchant, String customerId, Command command) {
        return requests.refusalAudited(merchant, CustomerAudit.UPDATE_CUSTOMER, CustomerAudit.customer(customerId),
                Commands.validate(command).flatMap(c -> CustomerRequests.key(c.idempotencyKey()))
                .<DomainError>mapLeft(e -> e)
                .flatMap(key -> requests.run(merchant, key,
                        CustomerRequests.parts("update customer", command.changes(), customerId, command.defaultCard()),
                        new Idempotent.Memory<>(c -> c.id().value(), id -> wallets.customer(merchant, id)),
                        new CustomerRequests.Audited<>(CustomerAudit.UPDATE_CUSTOMER, c -> c.id().value()),
                        () -> wallets.customer(merchant, customerId).flatMap(customer -> change(customer, command)))))
                .map(wallets::account);
    }

    private Either<DomainError, Customer> change(Customer customer, Command command) {
        Instant now = clock.instant();
        Wallet wallet = wallets.wallet(customer);
        Either<InvalidInput, CustomerProfile> profile =
                CustomerProfile.parse(customer.profile().toDraft().overlaidWith(command.changes()));
        Either<InvalidInput, Option<CardId>> defaultCard = command.defaultCard() == null
                ? Either.right(Option.none())
                : CardId.parse("default_card", command.defaultCard())
                        .filterOrElse(id -> wallet.card(id).isDefined(),
                                id -> InvalidInput.of("default_card", "is not one of the customer's cards"))
                        .map(Option::some);
        return Validation.combine(Validation.fromEither(profile), Validation.fromEither(defaultCard))
                .ap((p, card) -> {
                    Customer edited = p.equals(customer.profile()) ? customer : customer.withProfile(p, now);
                    Wallet moved = card.fold(() -> new Wallet(edited, wallet.cards()),
                            id -> new Wallet(edited, wallet.cards()).makeDefault(id, now).get());
                    return moved.customer();
                })
                .mapError(errors -> (DomainError) errors.reduce(InvalidInput::and))
                .toEither()
                .flatMap(changed -> changed == customer ? Either.right(customer)
                        : stores.customers().update(collapseVersions(customer, changed)).mapLeft(e -> e));
    }

    /** One change of the stored row, however many steps made it: the store checks one version ahead. */
    private static Customer collapseVersions(Customer before, Customer after) {
        return new Customer(after.id(), after.merchant(), after.profile(), after.defaultCard(), after.createdAt(),
                after.updatedAt(), before.version() + 1);
    }
}
