package dev.cofre.application.customer;

import dev.cofre.application.Atomic;
import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerAccount;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;

/** Registers a customer (seed 000, POST /v1/customers). The e-mail is required and unique per merchant. */
public final class CreateCustomer {

    public record Command(@NotNull(message = "is required") CustomerProfile.Draft profile) {
    }

    private final CustomerStores stores;
    private final Clock clock;
    private final Ids ids;

    CreateCustomer(CustomerStores stores, Clock clock, Ids ids) {
        this.stores = stores;
        this.clock = clock;
        this.ids = ids;
    }

    public Either<DomainError, CustomerAccount> create(MerchantId merchant, Command command) {
        return Commands.validate(command)
                .flatMap(c -> CustomerProfile.parse(c.profile()))
                .<DomainError>mapLeft(e -> e)
                .flatMap(profile -> Atomic.run(stores.transactions(), () -> stores.customers().add(
                        Customer.register(CustomerId.issue(merchant, ids), merchant, profile, clock.instant()))))
                .map(customer -> new CustomerAccount(customer, List.empty()));
    }
}
