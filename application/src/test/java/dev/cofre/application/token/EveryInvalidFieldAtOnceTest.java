package dev.cofre.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.testing.InMemoryVault;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.InvalidInput.Kind;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.TokenStatus;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Every use case of the vault reports every invalid field of a request in one answer, each with
 * its kind (missing or invalid): a missing field never hides an invalid one, and the command's
 * constraints never hide the domain's checks.
 */
class EveryInvalidFieldAtOnceTest {

    final InMemoryVault vault = new InMemoryVault(new TestCardCipher(),
            Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC));
    final MerchantId loja = vault.merchant("Loja A", "10.0.0.0/8");

    /** field -> kind, in the order reported. */
    static List<String> fields(Either<DomainError, ?> result) {
        var invalid = assertInstanceOf(InvalidInput.class, result.getLeft());
        return invalid.errors().map(e -> e.field() + " " + e.kind());
    }

    @Test
    void tokenize_reports_an_empty_holder_together_with_a_bad_number_month_and_security_code() {
        // The request of issue 9: it used to answer only that the holder is required.
        var result = vault.vault.tokenize().tokenize(loja,
                new TokenizeCard.Command(null, "4551870000000184", "", "13/2030", "12", null));
        assertEquals(List.of("number INVALID", "holder MISSING", "expiration INVALID", "securityCode INVALID"),
                fields(result));
    }

    @Test
    void tokenize_reports_a_missing_number_with_an_invalid_alias_and_an_empty_idempotency_key() {
        var result = vault.vault.tokenize().tokenize(loja,
                new TokenizeCard.Command("two words", null, "Jose", "12/2030", "123", ""));
        assertEquals(List.of("number MISSING", "alias INVALID", "idempotencyKey MISSING"), fields(result));
    }

    @Test
    void save_credit_card_reports_missing_and_invalid_fields_together() {
        var result = vault.vault.saveCreditCard().save(loja, new SaveCreditCard.Command(null, " ", "12#34",
                "Holder 2", "1234", "2029/03", "a".repeat(65)));
        assertEquals(List.of("requestId MISSING", "cardNumber INVALID", "cardHolder INVALID",
                        "cardExpiration INVALID", "alias INVALID", "customerIdentification INVALID",
                        "customerName MISSING"),
                fields(result));
        assertTrue(vault.tokens.aliasHistory(loja, new dev.cofre.domain.token.Alias("a")).isEmpty());
    }

    @Test
    void a_status_change_reports_its_reference_who_and_why_at_once() {
        var result = vault.vault.changeStatus().suspend(loja,
                new ChangeTokenStatus.Command("not-a-guid", "Someone", null));
        assertEquals(List.of("reference INVALID", "changedBy INVALID", "reason MISSING"), fields(result));
    }

    @Test
    void removing_with_nothing_filled_in_names_all_three_fields_as_missing() {
        var result = vault.vault.changeStatus().remove(loja, new ChangeTokenStatus.Command("", "", ""));
        assertEquals(List.of("reference MISSING", "changedBy MISSING", "reason MISSING"), fields(result));
    }

    @Test
    void reading_a_card_reports_a_missing_key_and_a_missing_caller_address_together() {
        var result = vault.vault.detokenize().detokenize(loja, new DetokenizeCard.Command(null, null, null));
        assertEquals(List.of("reference MISSING", "source MISSING"), fields(result));
    }

    @Test
    void reading_a_masked_card_or_invalidating_it_with_a_malformed_key_is_invalid_not_missing() {
        assertEquals(List.of("reference INVALID"), fields(vault.vault.getMaskedCreditCard().get(loja,
                new GetMaskedCreditCard.Command("xyz", "Alias"))));
        assertEquals(List.of("reference MISSING"), fields(vault.vault.invalidateCreditCard().invalidate(loja,
                new InvalidateCreditCard.Command(" ", null))));
    }

    @Test
    void recovering_a_key_without_a_request_id_is_missing_and_with_a_malformed_one_invalid() {
        assertEquals(List.of("saveCreditCardRequestId MISSING"),
                fields(vault.vault.justClickKey().recover(loja, new GetJustClickKey.Command(null))));
        assertEquals(List.of("saveCreditCardRequestId INVALID"),
                fields(vault.vault.justClickKey().recover(loja, new GetJustClickKey.Command("r-1"))));
    }

    @Test
    void a_refused_request_changes_nothing() {
        var token = vault.vault.tokenize().tokenize(loja,
                new TokenizeCard.Command("Casa", "4551870000000183", "Jose", "12/2030", "123", null)).get();
        vault.vault.changeStatus().suspend(loja, new ChangeTokenStatus.Command(token.reference().toString(), "x", null));
        assertEquals(TokenStatus.ACTIVE, vault.tokens.find(loja, token.reference()).get().status());
        assertEquals(Kind.MISSING, ((InvalidInput) vault.vault.detokenize().detokenize(loja,
                new DetokenizeCard.Command(token.reference().toString(), null, null)).getLeft()).errors().head().kind());
    }
}
