package dev.cofre.application.customer;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.customer.CustomerAccount;
import dev.cofre.domain.customer.CustomerQuery;
import dev.cofre.domain.customer.Customers;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;

/** Finds a merchant's customers by e-mail, one page at a time (seed 000, GET /v1/customers/search). */
public final class SearchCustomers {

    /** Raw parameters: null limit and offset are the vendor's defaults, 10 and 0. */
    public record Command(String email, Integer limit, Integer offset) {
    }

    /** One page: {@code paging{limit, offset, total}} and {@code results}. */
    public record Result(List<CustomerAccount> results, int limit, int offset, long total) {
    }

    private final Customers customers;
    private final Wallets wallets;

    SearchCustomers(Customers customers, Wallets wallets) {
        this.customers = customers;
        this.wallets = wallets;
    }

    public Either<DomainError, Result> search(MerchantId merchant, Command command) {
        return CustomerQuery.parse(command.email(), command.limit(), command.offset())
                .<DomainError>mapLeft(e -> e)
                .map(query -> customers.search(merchant, query))
                .map(page -> new Result(page.results().map(wallets::account), page.limit(), page.offset(), page.total()));
    }
}
