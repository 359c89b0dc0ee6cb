package dev.cofre.application.contract;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.charge.Metadata;
import dev.cofre.domain.customer.Address;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.customer.CustomerQuery;
import dev.cofre.domain.customer.Email;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.customer.Phone;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** What every {@link dev.cofre.domain.customer.Customers} must do. */
public abstract class CustomersContract extends CustomerStoreContract {

    @Test
    void a_customer_is_found_again_exactly_as_it_was_stored() {
        var merchant = givenMerchant();
        var profile = new CustomerProfile(new Email("Maria.Silva@Example.com"), Option.some("Maria"), Option.some("Silva"),
                Option.some(new Phone(Option.some("11"), Option.some("987654321"))),
                Option.some(new Identification("CPF", "19119119100")),
                Option.some(new Address(Option.some("01310-100"), Option.some("Avenida Paulista"), Option.some(1000))),
                Option.some("cliente desde 2020"),
                new Metadata(LinkedHashMap.of("origem", "loja & site", "nível", "ouro=1")),
                Option.some(NOW.minusSeconds(86_400)));
        var customer = Customer.register(CustomerId.issue(merchant, IDS), merchant, profile, NOW);

        assertEquals(Either.right(customer), stores.customers().add(customer));
        assertEquals(Option.some(customer), stores.customers().find(merchant, customer.id()));
    }

    @Test
    void a_customer_with_only_an_email_is_found_again_without_the_rest() {
        var merchant = givenMerchant();
        var customer = givenCustomer(merchant, "so@example.com");
        assertEquals(Option.some(customer), stores.customers().find(merchant, customer.id()));
    }

    @Test
    void another_merchants_customer_is_simply_absent() {
        var owner = givenMerchant();
        var stranger = givenMerchant();
        var customer = givenCustomer(owner, "dono@example.com");

        assertEquals(Option.none(), stores.customers().find(stranger, customer.id()));
        assertEquals(0, stores.customers().search(stranger, query("dono@example.com", 10, 0)).total());
        var foreign = new Customer(customer.id(), stranger, customer.profile(), Option.none(), NOW, NOW, 2);
        assertEquals(Either.left(new CustomerError.CustomerNotFound()), stores.customers().update(foreign));
    }

    @Test
    void an_email_is_unique_per_merchant_whatever_its_letter_case() {
        var merchant = givenMerchant();
        var other = givenMerchant();
        givenCustomer(merchant, "test@test.com");

        assertEquals(Either.left(new CustomerError.EmailInUse()), stores.customers().add(customer(merchant, "TEST@Test.com")));
        assertTrue(stores.customers().add(customer(other, "test@test.com")).isRight());
        assertEquals(1, stores.customers().search(merchant, CustomerQuery.parse(null, null, null).get()).total());
    }

    @Test
    void a_change_is_kept_and_a_stale_copy_is_refused_as_a_concurrent_update() {
        var merchant = givenMerchant();
        var customer = givenCustomer(merchant, "a@example.com");
        var renamed = customer.withProfile(profile("b@example.com"), NOW.plusSeconds(1));

        assertEquals(Either.right(renamed), stores.customers().update(renamed));
        assertEquals(Option.some(renamed), stores.customers().find(merchant, customer.id()));

        var stale = customer.withProfile(profile("c@example.com"), NOW.plusSeconds(2));
        assertEquals(Either.left(new CustomerError.ConcurrentUpdate()), stores.customers().update(stale));
        assertEquals(Option.some(renamed), stores.customers().find(merchant, customer.id()));
    }

    @Test
    void an_email_taken_by_another_customer_cannot_be_changed_to() {
        var merchant = givenMerchant();
        givenCustomer(merchant, "taken@example.com");
        var customer = givenCustomer(merchant, "free@example.com");

        var refused = stores.customers().update(customer.withProfile(profile("Taken@example.com"), NOW.plusSeconds(1)));

        assertEquals(Either.left(new CustomerError.EmailInUse()), refused);
        assertEquals(Option.some(customer), stores.customers().find(merchant, customer.id()));
        assertTrue(stores.customers().update(customer.withProfile(profile("FREE@example.com"), NOW.plusSeconds(1))).isRight(),
                "its own e-mail in another case is not taken");
    }

    @Test
    void search_finds_by_email_whatever_its_case_and_pages_oldest_first_with_the_total() {
        var merchant = givenMerchant();
        var all = List.range(0, 7).map(i -> givenCustomer(merchant, "c" + i + "@example.com"));
        givenCustomer(givenMerchant(), "c1@example.com");

        var page = stores.customers().search(merchant, query(null, 3, 2));
        assertEquals(all.drop(2).take(3), page.results());
        assertEquals(7, page.total());
        assertEquals(3, page.limit());
        assertEquals(2, page.offset());

        var byEmail = stores.customers().search(merchant, query("C1@EXAMPLE.com", 10, 0));
        assertEquals(List.of(all.get(1)), byEmail.results());
        assertEquals(1, byEmail.total());

        var beyond = stores.customers().search(merchant, query(null, 10, 50));
        assertEquals(List.empty(), beyond.results());
        assertEquals(7, beyond.total());
    }

    @Test
    void a_refused_email_does_not_spoil_the_rest_of_its_transaction() {
        var merchant = givenMerchant();
        var first = customer(merchant, "x@example.com");
        var third = customer(merchant, "y@example.com");

        var refused = stores.transactions().inTransaction(() -> {
            stores.customers().add(first);
            var outcome = stores.customers().add(customer(merchant, "X@example.com"));
            stores.customers().add(third);
            return outcome;
        });

        assertEquals(Either.left(new CustomerError.EmailInUse()), refused);
        assertEquals(Option.some(first), stores.customers().find(merchant, first.id()));
        assertEquals(Option.some(third), stores.customers().find(merchant, third.id()));
    }

    private static CustomerQuery query(String email, int limit, int offset) {
        return CustomerQuery.parse(email, limit, offset).get();
    }
}
