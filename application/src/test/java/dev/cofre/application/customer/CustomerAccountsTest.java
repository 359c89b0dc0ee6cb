package dev.cofre.application.customer;

import static dev.cofre.application.customer.CustomerWorld.email;
import static dev.cofre.application.customer.CustomerWorld.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.MaskedCardToken;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.idempotency.IdempotencyError;
import dev.cofre.domain.token.TokenStatus;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CustomerAccountsTest {

    private final CustomerWorld world = new CustomerWorld();
    private final CustomerAccounts accounts = world.accounts;

    @Test
    void seed_000s_flow_saves_a_card_lists_it_finds_the_customer_and_recaptures_the_security_code() {
        var shop = world.merchant();
        var customer = world.customer(shop, "test@test.com").customer();
        assertTrue(customer.id().value().matches("\\d{9}-[0-9A-Za-z]{14}"), customer.id().value());

        MaskedCardToken token = world.cardToken(shop, "5031755734530604");
        assertTrue(token.id().value().matches("[0-9a-f]{32}"));
        assertEquals("503175", token.card().bin());
        assertEquals("0604", token.card().lastFour());
        assertEquals(3, token.securityCodeLength());

        var card = accounts.addCard().add(shop, customer.id().value(), new AddCustomerCard.Command(token.id().value(), null)).get();
        assertTrue(card.id().value().matches("\\d{13}"));
        assertEquals("0604", card.token().card().lastFour());

        var account = accounts.get().get(shop, customer.id().value()).get();
        assertEquals(Option.some(card.id()), account.customer().defaultCard());
        assertEquals(List.of(card.id()), account.cards().map(c -> c.id()));
        assertEquals(List.of(card.id()), accounts.listCards().list(shop, customer.id().value()).get().map(c -> c.id()));

        var found = accounts.search().search(shop, new SearchCustomers.Command("TEST@test.com", null, null)).get();
        assertEquals(1, found.total());
        assertEquals(10, found.limit());
        assertEquals(0, found.offset());
        assertEquals(customer.id(), found.results().head().customer().id());

        var recaptured = accounts.createCardToken().create(shop,
                new CreateCardToken.Command(null, null, null, "123", null, null, null, card.id().value(), null, null)).get();
        assertEquals(Option.some(card.id()), recaptured.savedCard());
        assertEquals("0604", recaptured.card().lastFour());
        var redeemed = world.stores.customers(world.cipher).cardTokens()
                .redeem(shop, recaptured.id(), world.clock.instant()).get();
        assertEquals("5031755734530604", redeemed.card().pan().revealDigits());
        assertEquals("123", redeemed.securityCode().get().revealDigits());

        assertEquals(new CustomerError.CardNotFound(), accounts.createCardToken().create(shop, new CreateCardToken.Command(
                null, null, null, "123", null, null, null, card.id().value(), "123456789-jxOV430go9fx2e", null)).getLeft(),
                "the SDK's customer_id, when sent, must be the card's customer");
        assertTrue(accounts.createCardToken().create(shop, new CreateCardToken.Command(
                null, null, null, "123", null, null, null, card.id().value(), customer.id().value(), null)).isRight());

        assertEquals(card.id(), accounts.getCard().get(shop, customer.id().value(), card.id().value()).get().id());
        var deleted = accounts.deleteCard().delete(shop, customer.id().value(), card.id().value()).get();
        assertEquals(card.id(), deleted.id());
        var after = accounts.get().get(shop, customer.id().value()).get();
        assertEquals(Option.none(), after.customer().defaultCard());
        assertEquals(List.empty(), after.cards());
        assertEquals(TokenStatus.REMOVED, world.stores.tokens.find(shop, card.token().reference()).get().status());
        assertEquals(Option.none(), world.stores.tokens.sealedPan(shop, card.token().reference()));
    }

    @Test
    void the_same_card_saved_again_is_the_card_already_saved() {
        var shop = world.merchant();
        var customer = world.customer(shop, "maria@example.com").customer().id().value();
        var first = accounts.addCard().add(shop, customer,
                new AddCustomerCard.Command(world.cardToken(shop, "4111111111111111").id().value(), null)).get();
        var again = world.cardToken(shop, "4111111111111111");

        var second = accounts.addCard().add(shop, customer, new AddCustomerCard.Command(again.id().value(), null)).get();

        assertEquals(first.id(), second.id());
        assertEquals(1, accounts.listCards().list(shop, customer).get().size());
        assertEquals(new CardTokenError.Spent(), accounts.addCard().add(shop, customer,
                new AddCustomerCard.Command(again.id().value(), null)).getLeft());
    }

    @Test
    void the_first_card_is_the_default_and_deleting_the_default_picks_the_latest_remaining() {
        var shop = world.merchant();
        var customer = world.customer(shop, "joao@example.com").customer().id().value();
        var a = add(shop, customer, "4111111111111111");
        var b = add(shop, customer, "5555555555554444");
        var c = add(shop, customer, "378282246310005");
        assertEquals(Option.some(a), defaultOf(shop, customer));

        accounts.deleteCard().delete(shop, customer, a);
        assertEquals(Option.some(c), defaultOf(shop, customer));
        accounts.deleteCard().delete(shop, customer, b);
        assertEquals(Option.some(c), defaultOf(shop, customer));
        accounts.deleteCard().delete(shop, customer, c);
        assertEquals(Option.none(), defaultOf(shop, customer));
    }

    @Test
    void put_sets_the_default_card_and_changes_only_the_fields_it_sends() {
        var shop = world.merchant();
        var created = accounts.create().create(shop, new CreateCustomer.Command(new CustomerProfile.Draft(
                "ana@example.com", "Ana", "Souza", "11", "987654321", "CPF", "19119119100", "01310-100",
                "Avenida Paulista", 1000, "boa cliente", Map.of("origem", "loja"), null), null)).get().customer();
        var customer = created.id().value();
        add(shop, customer, "4111111111111111");
        var second = add(shop, customer, "5555555555554444");
        long versionBefore = accounts.get().get(shop, customer).get().customer().version();

        var updated = accounts.update().update(shop, customer, new UpdateCustomer.Command(
                new CustomerProfile.Draft(null, null, "Lima", null, null, null, null, null, null, null, null, null, null),
                second, null)).get().customer();

        assertEquals(Option.some(second), updated.defaultCard().map(Object::toString));
        assertEquals(Option.some("Lima"), updated.profile().lastName());
        assertEquals(Option.some("Ana"), updated.profile().firstName());
        assertEquals(created.profile().address(), updated.profile().address());
        assertEquals(versionBefore + 1, updated.version(), "one write, however many fields changed");
    }

    @Test
    void put_names_every_invalid_field_at_once_and_changes_nothing() {
        var shop = world.merchant();
        var customer = world.customer(shop, "bia@example.com").customer();

        var refused = accounts.update().update(shop, customer.id().value(), new UpdateCustomer.Command(
                new CustomerProfile.Draft("not-an-email", "x".repeat(101), null, null, null, "CPF", null, null, null,
                        null, "cartão 4111 1111 1111 1111", null, null), "1234567890123", null)).getLeft();

        assertEquals(List.of("email", "first_name", "identification.number", "description", "default_card"),
                ((InvalidInput) refused).errors().map(InvalidInput.FieldError::field));
        assertEquals(customer, accounts.get().get(shop, customer.id().value()).get().customer());
    }

    @Test
    void an_email_is_unique_per_merchant_whatever_its_letter_case() {
        var shop = world.merchant();
        world.customer(shop, "Test@Test.com");
        var other = world.customer(shop, "other@test.com").customer();

        assertEquals(new CustomerError.EmailInUse(), accounts.create().create(shop,
                new CreateCustomer.Command(email("test@TEST.com"), null)).getLeft());
        assertEquals(new CustomerError.EmailInUse(), accounts.update().update(shop, other.id().value(),
                new UpdateCustomer.Command(email("TEST@test.com"), null, null)).getLeft());
        assertTrue(accounts.create().create(world.merchant(), new CreateCustomer.Command(email("test@test.com"), null)).isRight());
    }

    @Test
    void another_merchants_customers_cards_and_card_tokens_are_not_found() {
        var owner = world.merchant();
        var stranger = world.merchant();
        var customer = world.customer(owner, "dono@example.com").customer().id().value();
        var card = add(owner, customer, "4111111111111111");
        var token = world.cardToken(owner, "5555555555554444");

        assertEquals(new CustomerError.CustomerNotFound(), accounts.get().get(stranger, customer).getLeft());
        assertEquals(new CustomerError.CustomerNotFound(), accounts.update().update(stranger, customer,
                new UpdateCustomer.Command(email("x@example.com"), null, null)).getLeft());
        assertEquals(new CustomerError.CustomerNotFound(), accounts.listCards().list(stranger, customer).getLeft());
        assertEquals(new CustomerError.CustomerNotFound(), accounts.getCard().get(stranger, customer, card).getLeft());
        assertEquals(new CustomerError.CustomerNotFound(), accounts.deleteCard().delete(stranger, customer, card).getLeft());
        assertEquals(0, accounts.search().search(stranger, new SearchCustomers.Command("dono@example.com", null, null)).get().total());
        assertEquals(new CustomerError.CardNotFound(), accounts.createCardToken().create(stranger,
                new CreateCardToken.Command(null, null, null, "123", null, null, null, card, null, null)).getLeft());
        var strangersCustomer = world.customer(stranger, "outro@example.com").customer().id().value();
        assertEquals(new CardTokenError.NotFound(), accounts.addCard().add(stranger, strangersCustomer,
                new AddCustomerCard.Command(token.id().value(), null)).getLeft());
        assertTrue(accounts.addCard().add(owner, customer, new AddCustomerCard.Command(token.id().value(), null)).isRight());
    }

    @Test
    void a_card_of_another_customer_is_not_found() {
        var shop = world.merchant();
        var one = world.customer(shop, "um@example.com").customer().id().value();
        var two = world.customer(shop, "dois@example.com").customer().id().value();
        var card = add(shop, one, "4111111111111111");

        assertEquals(new CustomerError.CardNotFound(), accounts.getCard().get(shop, two, card).getLeft());
        assertEquals(new CustomerError.CardNotFound(), accounts.deleteCard().delete(shop, two, card).getLeft());
        assertInstanceOf(InvalidInput.class, accounts.update().update(shop, two,
                new UpdateCustomer.Command(email("dois@example.com"), card, null)).getLeft());
    }

    @Test
    void a_card_token_is_spent_once_expires_after_seven_days_and_is_swept_away() {
        var shop = world.merchant();
        var customer = world.customer(shop, "c@example.com").customer().id().value();
        var spent = world.cardToken(shop, "4111111111111111");
        var expiring = world.cardToken(shop, "5555555555554444");
        accounts.addCard().add(shop, customer, new AddCustomerCard.Command(spent.id().value(), null));

        assertEquals(new CardTokenError.Spent(), accounts.addCard().add(shop, customer,
                new AddCustomerCard.Command(spent.id().value(), null)).getLeft());
        assertEquals(world.clock.instant().plus(CardToken.LIFETIME), expiring.expiresAt());

        world.clock.advance(Duration.ofDays(7));
        assertEquals(new CardTokenError.Expired(), accounts.addCard().add(shop, customer,
                new AddCustomerCard.Command(expiring.id().value(), null)).getLeft());
        assertEquals(2, accounts.sweepCardTokens().sweep());
        assertEquals(new CardTokenError.NotFound(), accounts.addCard().add(shop, customer,
                new AddCustomerCard.Command(expiring.id().value(), null)).getLeft());
        assertEquals(new CardTokenError.NotFound(), accounts.addCard().add(shop, customer,
                new AddCustomerCard.Command(CardTokenId.issue(new dev.cofre.domain.SecureIds()).value(), null)).getLeft());
    }

    @Test
    void the_card_token_lifetime_is_configurable() {
        var custom = CustomerAccounts.create(world.stores.customers(world.cipher), world.cipher, world.clock,
                new dev.cofre.domain.SecureIds(), Duration.ofMinutes(15));
        var token = custom.createCardToken().create(world.merchant(), raw("4111111111111111", "123")).get();
        assertEquals(world.clock.instant().plus(Duration.ofMinutes(15)), token.expiresAt());
    }

    @Test
    void a_raw_card_token_names_every_invalid_field_at_once() {
        var shop = world.merchant();
        var refused = accounts.createCardToken().create(shop,
                new CreateCardToken.Command("4111111111111112", 13, null, "12a", "", "CPF", null, null, null, null)).getLeft();

        assertEquals(List.of("card_number", "cardholder.name", "expiration_month", "expiration_year", "security_code",
                        "cardholder.identification.number"),
                ((InvalidInput) refused).errors().map(InvalidInput.FieldError::field));
    }

    @Test
    void the_security_code_must_have_the_brands_length_raw_or_recaptured() {
        var shop = world.merchant();
        var amex = accounts.createCardToken().create(shop, raw("378282246310005", "123")).getLeft();
        assertEquals(List.of("security_code"), ((InvalidInput) amex).errors().map(InvalidInput.FieldError::field));

        var customer = world.customer(shop, "amex@example.com").customer().id().value();
        var card = accounts.addCard().add(shop, customer, new AddCustomerCard.Command(
                accounts.createCardToken().create(shop, raw("378282246310005", "1234")).get().id().value(), null)).get();
        var recaptured = accounts.createCardToken().create(shop,
                new CreateCardToken.Command(null, null, null, "123", null, null, null, card.id().value(), null, null)).getLeft();
        assertEquals(List.of("security_code"), ((InvalidInput) recaptured).errors().map(InvalidInput.FieldError::field));
        assertEquals(4, accounts.createCardToken().create(shop, new CreateCardToken.Command(null, null, null, "1234",
                null, null, null, card.id().value(), null, null)).get().securityCodeLength());
    }

    @Test
    void an_expired_card_cannot_become_a_card_token() {
        var refused = accounts.createCardToken().create(world.merchant(),
                new CreateCardToken.Command("4111111111111111", 1, 2026, "123", "APRO", null, null, null, null, null)).getLeft();
        assertEquals(List.of("expiration_year"), ((InvalidInput) refused).errors().map(InvalidInput.FieldError::field));
    }

    @Test
    void search_pages_with_limit_offset_and_total_and_refuses_out_of_range_paging_at_once() {
        var shop = world.merchant();
        for (int i = 0; i < 5; i++) {
            world.customer(shop, "c" + i + "@example.com");
        }
        var page = accounts.search().search(shop, new SearchCustomers.Command(null, 2, 3)).get();
        assertEquals(5, page.total());
        assertEquals(List.of("c3@example.com", "c4@example.com"), page.results().map(a -> a.customer().email().value()));

        assertEquals(10, accounts.search().search(shop, new SearchCustomers.Command(null, 0, 0)).get().limit(),
                "a limit of 0, as the vendor's Java SDK example sends, is the default");
        var refused = accounts.search().search(shop, new SearchCustomers.Command("bad", 101, -1)).getLeft();
        assertEquals(List.of("email", "limit", "offset"), ((InvalidInput) refused).errors().map(InvalidInput.FieldError::field));
    }

    @Test
    void every_write_retried_under_its_idempotency_key_answers_the_first_result_and_does_it_once() {
        var shop = world.merchant();
        var create = new CreateCustomer.Command(email("retry@example.com"), "key-1");
        var customer = accounts.create().create(shop, create).get().customer();
        assertEquals(customer, accounts.create().create(shop, create).get().customer());
        assertEquals(1, accounts.search().search(shop, new SearchCustomers.Command(null, null, null)).get().total());

        var tokenCommand = new CreateCardToken.Command("4111111111111111", 11, 2030, "123", "APRO", null, null, null,
                null, "key-2");
        var token = accounts.createCardToken().create(shop, tokenCommand).get();
        assertEquals(token.id(), accounts.createCardToken().create(shop, tokenCommand).get().id());

        var addCard = new AddCustomerCard.Command(token.id().value(), "key-3");
        var card = accounts.addCard().add(shop, customer.id().value(), addCard).get();
        assertEquals(card.id(), accounts.addCard().add(shop, customer.id().value(), addCard).get().id(),
                "the retry answers the card, although the first request spent the card token");

        var update = new UpdateCustomer.Command(email("retry@example.com"), card.id().value(), "key-4");
        var updated = accounts.update().update(shop, customer.id().value(), update).get().customer();
        assertEquals(updated.version(), accounts.update().update(shop, customer.id().value(), update).get()
                .customer().version(), "the retry changes nothing");
    }

    @Test
    void a_key_used_for_another_request_is_refused_and_a_bad_key_is_named_with_the_other_fields() {
        var shop = world.merchant();
        accounts.create().create(shop, new CreateCustomer.Command(email("a@example.com"), "same-key"));

        assertEquals(new IdempotencyError.KeyReused(), accounts.create().create(shop,
                new CreateCustomer.Command(email("b@example.com"), "same-key")).getLeft());
        assertEquals(new IdempotencyError.KeyReused(), accounts.createCardToken().create(shop,
                new CreateCardToken.Command("4111111111111111", 11, 2030, "123", "APRO", null, null, null, null,
                        "same-key")).getLeft());
        var refused = accounts.create().create(shop, new CreateCustomer.Command(email("bad"), " ")).getLeft();
        assertEquals(List.of("email", "idempotencyKey"), ((InvalidInput) refused).errors().map(InvalidInput.FieldError::field));
    }

    private String add(dev.cofre.domain.merchant.MerchantId shop, String customer, String number) {
        return accounts.addCard().add(shop, customer,
                new AddCustomerCard.Command(world.cardToken(shop, number).id().value(), null)).get().id().value();
    }

    private Option<String> defaultOf(dev.cofre.domain.merchant.MerchantId shop, String customer) {
        return accounts.get().get(shop, customer).get().customer().defaultCard().map(Object::toString);
    }
}
