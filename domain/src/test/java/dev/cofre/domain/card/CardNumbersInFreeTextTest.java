package dev.cofre.domain.card;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.Metadata;
import dev.cofre.domain.charge.OrderItem;
import dev.cofre.domain.charge.StatementDescriptor;
import dev.cofre.domain.charge.ThreeDSecure;
import dev.cofre.domain.customer.Email;
import dev.cofre.domain.customer.FreeText;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.customer.Phone;
import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.merchant.Profile;
import dev.cofre.domain.token.Alias;
import io.vavr.control.Either;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every value type that holds text a merchant types, and that Cofre stores or echoes, refuses a card
 * number pasted into it, in an error that does not repeat it: the rule lives in the types, so every
 * dialect that reads its fields through them has it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CardNumbersInFreeTextTest {

    /** Each free-text type, given a text; what it answers. */
    private static final Map<String, Function<String, Either<InvalidInput, ?>>> TYPES = Map.ofEntries(
            Map.entry("Alias", t -> Alias.parse("Alias", t)),
            Map.entry("FreeText", t -> FreeText.parse("description", t, 600)),
            Map.entry("Metadata value", t -> Metadata.parse("metadata", Map.of("note", t))),
            Map.entry("Metadata key", t -> Metadata.parse("metadata", Map.of(t.length() > 40 ? t.substring(0, 40) : t, "x"))),
            Map.entry("StatementDescriptor", t -> StatementDescriptor.parse("statement_descriptor",
                    t.length() > 22 ? t.substring(0, 22) : t, Profile.GATEWAY)),
            Map.entry("OrderItem", t -> OrderItem.parse("items[0]", t, 100, 1)),
            Map.entry("ThreeDSecure transaction_id", t -> ThreeDSecure.parse("authentication",
                    new ThreeDSecure.Fields("threed_secure", "third_party", "05", "BwABBylVaQAAAAFwllVpAAAAAAA=", t,
                            null, "2"), Profile.GATEWAY, Brand.VISA)),
            Map.entry("Email", t -> Email.parse("email", t.replace(" ", "") + "@example.com")),
            Map.entry("IdempotencyKey", t -> IdempotencyKey.parse("idempotencyKey", t)),
            Map.entry("Identification", t -> Identification.parse("identification", "CPF", t.replace(" ", ""))),
            Map.entry("Identification type", t -> Identification.parse("identification", t.replace(" ", ""), "19119119100")),
            Map.entry("Phone", t -> Phone.parse("phone", "11", t.replace(" ", ""))));

    @ParameterizedTest
    @ValueSource(strings = {"378282246310005", "4551 8700 0000 0183", "5555-5555-5555-4444", "4111111111111111",
            "\uff14\uff15\uff15\uff11\uff18\uff17\uff10\uff10\uff10\uff10\uff10\uff10\uff10\uff11\uff18\uff13"})
    void a_card_number_in_any_free_text_type_is_refused_without_being_repeated(String pan) {
        String digits = pan.replaceAll("[^0-9]", "");
        TYPES.forEach((type, parse) -> {
            var answer = parse.apply(pan);
            assertTrue(answer.isLeft(), type + " accepted a card number");
            String message = answer.getLeft().message();
            assertTrue(message.contains("card number") || message.contains("digits")
                    || message.contains("letters"), type + ": " + message);
            assertFalse(!digits.isEmpty() && message.replaceAll("[^0-9]", "").contains(digits), type + ": " + message);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"Pedido 12345", "c7026cf4-d1ee-49e2-ab6e-52c6d6d3e301", "NF 2026/000123"})
    void ordinary_text_and_ids_are_accepted(String text) {
        for (String type : new String[] {"FreeText", "Metadata value", "OrderItem", "IdempotencyKey"}) {
            assertTrue(TYPES.get(type).apply(text).isRight(), type + " refused " + text);
        }
    }

    @org.junit.jupiter.api.Test
    void no_uuid_is_ever_taken_for_a_card_number() {
        for (int i = 0; i < 50_000; i++) {
            String id = java.util.UUID.randomUUID().toString();
            assertFalse(EmbeddedCardNumbers.in(id), id);
            assertFalse(EmbeddedCardNumbers.in("/v1/Token/" + id.toUpperCase(java.util.Locale.ROOT) + "/suspend"), id);
        }
        assertFalse(EmbeddedCardNumbers.in("12345678-1234-1234-1234-123456789012"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"cartao 4551 8700 0000 0183 12/30 cvv 123", "4551870000000183 1"})
    void a_card_number_followed_by_more_digits_is_still_found(String text) {
        assertTrue(EmbeddedCardNumbers.in(text), text);
        assertFalse(EmbeddedCardNumbers.masked(text).contains("0183"), EmbeddedCardNumbers.masked(text));
    }
}
