package dev.cofre.application.customer;

import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.CardTokenSecrets;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

/**
 * A card number or security code never shows in what Cofre prints of a card token, its command, its
 * opened secrets, or an error about it.
 */
class CardDataNeverPrintedTest {

    private static final String NUMBER = "5031755734530604";
    private static final String CODE = "4821";

    private final CustomerWorld world = new CustomerWorld();

    @Test
    void no_card_token_object_prints_the_number_or_the_code() {
        var shop = world.merchant();
        var command = new CreateCardToken.Command("378282246310005", 11, 2030, CODE, "APRO", null, null, null, null, null);
        var masked = world.accounts.createCardToken().create(shop, command).get();
        var redeemed = world.stores.customers(world.cipher).cardTokens().redeem(shop, masked.id(), world.clock.instant()).get();
        var mastercard = world.accounts.createCardToken().create(shop,
                new CreateCardToken.Command(NUMBER, 11, 2030, "482", "APRO", null, null, null, null, null)).get();

        for (Object printed : List.of(command, masked, redeemed, redeemed.card(), mastercard,
                new CardTokenSecrets(redeemed.card().pan(), redeemed.securityCode()))) {
            // random ids may hold any three digits by chance: they are not what is checked
            String text = String.valueOf(printed).replace(masked.id().value(), "").replace(mastercard.id().value(), "");
            assertFalse(text.contains("378282246310005") || text.contains(NUMBER), "a number in " + text);
            assertFalse(text.contains(CODE) || text.contains("482"), "a code in " + text);
        }
    }

    @Test
    void a_refused_card_token_names_its_fields_without_echoing_them() {
        var refused = (InvalidInput) world.accounts.createCardToken().create(world.merchant(),
                new CreateCardToken.Command("4111111111111112", 11, 2030, "12345", "APRO", null, null, null, null,
                        null)).getLeft();
        assertFalse(refused.message().contains("4111111111111112") || refused.message().contains("12345"),
                refused.message());
        var pasted = (InvalidInput) world.accounts.create().create(world.merchant(), new CreateCustomer.Command(
                new dev.cofre.domain.customer.CustomerProfile.Draft("a@example.com", "Ana", null, null, null, null,
                        null, null, null, null, "cartão " + NUMBER, null, null), null)).getLeft();
        assertFalse(pasted.message().contains(NUMBER), pasted.message());
    }
}
