package dev.cofre.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.testing.InMemoryVault;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.idempotency.IdempotencyError;
import dev.cofre.domain.token.VaultError;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class TokenizeCardTest {

    final InMemoryVault vault = new InMemoryVault(new TestCardCipher(),
            Clock.fixed(Instant.parse("2021-06-15T12:00:00Z"), ZoneOffset.UTC));
    final MerchantId loja = vault.merchant("Loja A", "127.0.0.1");

    static TokenizeCard.Command seedExample(String idempotencyKey) {
        return new TokenizeCard.Command("CartaoDoJose", "4551870000000183", "José da Silva", "12/2021", "123", idempotencyKey);
    }

    @Test
    void the_seed_example_vaults_a_masked_card_expiring_on_the_last_day_of_its_month() {
        Token token = vault.vault.tokenize().tokenize(loja, seedExample(null)).get();
        assertEquals("************0183", token.card().vaultMask());
        assertEquals(LocalDate.of(2021, 12, 31), token.expirationDate());
        assertEquals("José da Silva", token.holder().name());
        assertEquals("4551870000000183", vault.vault.detokenize().detokenize(loja,
                new DetokenizeCard.Command(token.reference().toString(), null, InetAddress.getLoopbackAddress())).get().pan().revealDigits());
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_token() {
        Token first = vault.vault.tokenize().tokenize(loja, seedExample("k-1")).get();
        Token retry = vault.vault.tokenize().tokenize(loja, seedExample("k-1")).get();
        assertEquals(first.reference(), retry.reference());
        assertEquals(1, vault.tokens.aliasHistory(loja, first.alias().get()).size());
    }

    @Test
    void an_idempotency_key_reused_for_another_card_is_refused_and_changes_nothing() {
        vault.vault.tokenize().tokenize(loja, seedExample("k-2")).get();
        var other = new TokenizeCard.Command("Outro", "4111111111111111", "José da Silva", "12/2021", "123", "k-2");
        assertInstanceOf(IdempotencyError.KeyReused.class, vault.vault.tokenize().tokenize(loja, other).getLeft());
        assertTrue(vault.vault.findByAlias().find(loja, "Outro").isLeft());
    }

    @Test
    void a_refused_alias_does_not_burn_the_idempotency_key() {
        vault.vault.tokenize().tokenize(loja, seedExample(null)).get();
        assertInstanceOf(VaultError.AliasInUse.class, vault.vault.tokenize().tokenize(loja, seedExample("k-3")).getLeft());
        Token holder = vault.vault.findByAlias().find(loja, "CartaoDoJose").get();
        vault.vault.changeStatus().remove(loja, new ChangeTokenStatus.Command(holder.reference().toString(), "Merchant", "Other")).get();
        Token retried = vault.vault.tokenize().tokenize(loja, seedExample("k-3")).get();
        assertNotEquals(holder.reference(), retried.reference());
    }

    @Test
    void the_security_code_must_fit_the_brand_and_is_never_echoed() {
        var amexWithThree = new TokenizeCard.Command(null, "378282246310005", "Ana", "12/2030", "123", null);
        var error = assertInstanceOf(InvalidInput.class, vault.vault.tokenize().tokenize(loja, amexWithThree).getLeft());
        assertEquals("securityCode: must have 4 digits for Amex", error.message());
    }

    @Test
    void every_bad_field_is_named_and_the_number_is_never_echoed() {
        var bad = new TokenizeCard.Command("no spaces allowed", "4551870000000184", "Jose", "13/2021", "12", null);
        var error = assertInstanceOf(InvalidInput.class, vault.vault.tokenize().tokenize(loja, bad).getLeft());
        assertEquals(io.vavr.collection.List.of("alias", "expiration", "number", "securityCode"),
                error.errors().map(InvalidInput.FieldError::field).sorted());
        assertFalse(error.message().contains("4551870000000184"));
    }

    @Test
    void an_expired_card_is_refused() {
        var expired = new TokenizeCard.Command(null, "4551870000000183", "Jose", "05/2021", "123", null);
        assertInstanceOf(VaultError.CardExpired.class, vault.vault.tokenize().tokenize(loja, expired).getLeft());
    }

    @Test
    void status_changes_are_idempotent_but_removed_is_final() {
        Token token = vault.vault.tokenize().tokenize(loja, seedExample(null)).get();
        var by = new ChangeTokenStatus.Command(token.reference().toString(), "Merchant", "FraudSuspicion");
        var uses = vault.vault.changeStatus();
        assertEquals("Suspended", uses.suspend(loja, by).get().status().displayName());
        assertEquals("Suspended", uses.suspend(loja, by).get().status().displayName(), "a retried suspend succeeds");
        assertEquals("Removed", uses.remove(loja, by).get().status().displayName());
        assertEquals("Removed", uses.remove(loja, by).get().status().displayName(), "a retried removal succeeds");
        assertEquals(761, uses.reactivate(loja, by).getLeft().code());
        assertEquals(io.vavr.collection.List.of("changedBy", "reason"),
                assertInstanceOf(InvalidInput.class, uses.suspend(loja,
                        new ChangeTokenStatus.Command(token.reference().toString(), "Bank", "Because")).getLeft())
                        .errors().map(InvalidInput.FieldError::field));
    }

    @Test
    void successes_and_refusals_both_reach_the_audit_trail_though_refusals_roll_back() {
        Token token = vault.vault.tokenize().tokenize(loja, seedExample(null)).get();
        assertInstanceOf(VaultError.AliasInUse.class, vault.vault.tokenize().tokenize(loja, seedExample(null)).getLeft());
        vault.vault.changeStatus().reactivate(loja, new ChangeTokenStatus.Command(token.reference().toString(), "Merchant", "Other"));
        vault.vault.changeStatus().remove(loja, new ChangeTokenStatus.Command(token.reference().toString(), "Merchant", "Other"));
        vault.vault.changeStatus().suspend(loja, new ChangeTokenStatus.Command(token.reference().toString(), "Merchant", "Other"));

        record Seen(String action, String outcome, String subject, String code) {
        }
        var events = vault.audit.of(loja).map(e -> new Seen(e.action(), e.outcome().name(), e.subject().getOrElse("-"),
                e.detail().isEmpty() ? "-" : e.detail().split(" ")[0]));
        String ref = token.reference().toString();
        assertEquals(io.vavr.collection.List.of(
                new Seen("tokenize", "SUCCEEDED", ref, "-"),
                new Seen("tokenize", "REFUSED", "-", "749"),
                new Seen("reactivate", "SUCCEEDED", ref, "-"),
                new Seen("remove", "SUCCEEDED", ref, "-"),
                new Seen("suspend", "REFUSED", ref, "761")), events);
    }
}
