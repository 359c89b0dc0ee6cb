package dev.cofre.domain.customer;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The customer store. Every read is scoped by merchant: another merchant's customer is simply
 * absent. The store enforces, for every server that shares it, one customer per (merchant, e-mail).
 */
public interface Customers {

    /** Stores a new customer; {@link CustomerError.EmailInUse} if another has its e-mail. */
    Either<CustomerError, Customer> add(Customer customer);

    Option<Customer> find(MerchantId merchant, CustomerId id);

    /**
     * Saves a changed customer if nobody changed it since it was read ({@code changed.version() - 1}),
     * else {@link CustomerError.ConcurrentUpdate}; {@link CustomerError.EmailInUse} if its new e-mail is taken.
     */
    Either<CustomerError, Customer> update(Customer changed);

    /** One page of the merchant's customers matching the query, oldest first, and how many match in all. */
    CustomerPage search(MerchantId merchant, CustomerQuery query);
}
