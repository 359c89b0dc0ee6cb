package dev.cofre.application.customer;

import dev.cofre.application.Commands;
import dev.cofre.application.Idempotent;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerAccount;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** Registers a customer (seed 000, POST /v1/customers). The e-mail is required and unique per merchant. */
public final class CreateCustomer {

    public record Command(@NotNull(message = "is required") CustomerProfile.Draft profile, String idempotencyKey) {
    }

    private final CustomerStores stores;
    private final Wallets wallets;
    private final CustomerRequests requests;
    private final Clock clock;
    private final Ids ids;

    CreateCustomer(CustomerStores stores, Wallets wallets, CustomerRequests requests, Clock clock, Ids ids) {
        this.stores = stores;
        this.wallets = wallets;
        this.requests = requests;
        this.clock = clock;
        this.ids = ids;
    }

    public Either<DomainError, CustomerAccount> create(MerchantId merchant, Command command) {
        return requests.refusalAudited(merchant, CustomerAudit.CREATE_CUSTOMER, Option.none(), Commands.validate(command)
                .flatMap(c -> Validation.combine(Validation.fromEither(CustomerProfile.parse(c.profile())),
                                Validation.fromEither(CustomerRequests.key(c.idempotencyKey())))
                        .ap(Parsed::new)
                        .mapError(errors -> errors.reduce(InvalidInput::and))
                        .toEither())
                .<DomainError>mapLeft(e -> e)
                .flatMap(p -> requests.run(merchant, p.key(), CustomerRequests.parts("create customer", command.profile()),
                        new Idempotent.Memory<>(c -> c.id().value(), id -> wallets.customer(merchant, id)),
                        new CustomerRequests.Audited<>(CustomerAudit.CREATE_CUSTOMER, c -> c.id().value()),
                        () -> stores.customers().add(Customer.register(CustomerId.issue(merchant, ids), merchant,
                                p.profile(), clock.instant())).mapLeft(e -> e))))
                .map(wallets::account);
    }

    private record Parsed(CustomerProfile profile, Option<IdempotencyKey> key) {
    }
}
