package dev.cofre.application.inmemory;

import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.CustomerPage;
import dev.cofre.domain.customer.CustomerQuery;
import dev.cofre.domain.customer.Customers;
import dev.cofre.domain.customer.Email;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;

/** Customers in memory, oldest first, for embedding Cofre without a database. */
public final class InMemoryCustomers implements Customers, InMemoryTransactions.Snapshotting {

    private Map<CustomerId, Customer> customers = LinkedHashMap.empty();

    @Override
    public synchronized Either<CustomerError, Customer> add(Customer customer) {
        if (emailTaken(customer)) {
            return Either.left(new CustomerError.EmailInUse());
        }
        if (customers.containsKey(customer.id())) {
            throw new IllegalStateException("customer id " + customer.id() + " exists already");
        }
        customers = customers.put(customer.id(), customer);
        return Either.right(customer);
    }

    @Override
    public synchronized Option<Customer> find(MerchantId merchant, CustomerId id) {
        return customers.get(id).filter(c -> c.merchant().equals(merchant));
    }

    @Override
    public synchronized Either<CustomerError, Customer> update(Customer changed) {
        Option<Customer> current = find(changed.merchant(), changed.id());
        if (current.isEmpty()) {
            return Either.left(new CustomerError.CustomerNotFound());
        }
        if (current.get().version() != changed.version() - 1) {
            return Either.left(new CustomerError.ConcurrentUpdate());
        }
        if (emailTaken(changed)) {
            return Either.left(new CustomerError.EmailInUse());
        }
        customers = customers.put(changed.id(), changed);
        return Either.right(changed);
    }

    @Override
    public synchronized CustomerPage search(MerchantId merchant, CustomerQuery query) {
        var matching = customers.values()
                .filter(c -> c.merchant().equals(merchant))
                .filter(c -> query.email().map(Email::key).forAll(key -> c.email().key().equals(key)))
                .toList();
        return new CustomerPage(matching.drop(query.offset()).take(query.limit()), query.limit(), query.offset(),
                matching.size());
    }

    private boolean emailTaken(Customer customer) {
        return customers.values().exists(c -> c.merchant().equals(customer.merchant())
                && !c.id().equals(customer.id()) && c.email().key().equals(customer.email().key()));
    }

    @Override
    public synchronized Object snapshot() {
        return customers;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        customers = (Map<CustomerId, Customer>) snapshot;
    }
}
