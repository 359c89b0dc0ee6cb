package dev.cofre.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.testing.InMemoryVault;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.RemovedToken;
import dev.cofre.domain.token.StatusChange;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenStatus;
import dev.cofre.domain.token.VaultError;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import io.vavr.collection.List;
import org.junit.jupiter.api.Test;

class JustClickRulesTest {

    final InMemoryVault vault = new InMemoryVault(new TestCardCipher(),
            Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC));
    final MerchantId loja = vault.merchant("Loja A", "10.0.0.0/8");
    final MerchantId outra = vault.merchant("Loja B", "10.0.0.0/8");

    SaveCreditCard.Command save(String requestId, String alias) {
        return new SaveCreditCard.Command(requestId, "Comprador Fulano", "123.456.789-09", "Teste Holder",
                "4551870000000183", "03/2029", alias);
    }

    io.vavr.control.Either<dev.cofre.domain.DomainError, dev.cofre.domain.token.TokenReference> recover(
            MerchantId merchant, String saveCreditCardRequestId) {
        return vault.vault.justClickKey().recover(merchant, new GetJustClickKey.Command(saveCreditCardRequestId));
    }

    @Test
    void a_request_id_saves_one_card_and_a_second_use_is_735_and_saves_nothing() {
        String id = UUID.randomUUID().toString();
        Token first = vault.vault.saveCreditCard().save(loja, save(id, "XPTO")).get();
        var again = vault.vault.saveCreditCard().save(loja, save(id, "OUTRO"));
        assertEquals(735, again.getLeft().code());
        assertTrue(vault.vault.findByAlias().find(loja, "OUTRO").isLeft(), "the refused save left nothing behind");
        assertEquals(first.reference(), recover(loja, id).get());
    }

    @Test
    void the_same_request_id_is_free_for_another_merchant() {
        String id = UUID.randomUUID().toString();
        vault.vault.saveCreditCard().save(loja, save(id, null)).get();
        assertTrue(vault.vault.saveCreditCard().save(outra, save(id, null)).isRight());
    }

    @Test
    void a_saved_alias_is_749_until_its_token_is_invalidated() {
        vault.vault.saveCreditCard().save(loja, save(UUID.randomUUID().toString(), "XPTO")).get();
        Token second = null;
        var refused = vault.vault.saveCreditCard().save(loja, save(UUID.randomUUID().toString(), "XPTO"));
        assertEquals(749, refused.getLeft().code());
        Token holder = vault.vault.findByAlias().find(loja, "XPTO").get();
        vault.vault.changeStatus().remove(loja, new ChangeTokenStatus.Command(holder.reference().toString(), "Merchant", "Other")).get();
        second = vault.vault.saveCreditCard().save(loja, save(UUID.randomUUID().toString(), "XPTO")).get();
        assertEquals(second.reference(), vault.vault.findByAlias().find(loja, "XPTO").get().reference());
        var history = vault.tokens.aliasHistory(loja, second.alias().get());
        assertEquals(2, history.size());
        assertEquals(1, history.count(a -> a.enabled()));
    }

    @Test
    void five_consecutive_unknown_request_ids_lock_recovery_with_734_until_an_operator_unlocks() {
        String known = UUID.randomUUID().toString();
        Token token = vault.vault.saveCreditCard().save(loja, save(known, null)).get();
        for (int i = 0; i < 5; i++) {
            assertEquals(733, recover(loja, UUID.randomUUID().toString()).getLeft().code());
        }
        assertEquals(734, recover(loja, known).getLeft().code(), "locked even for a known id");
        assertTrue(recover(outra, UUID.randomUUID().toString()).getLeft().code() == 733,
                "the lock is per merchant");
        vault.vault.unlockJustClickKey().unlock(loja);
        assertEquals(token.reference(), recover(loja, known).get());
    }

    @Test
    void a_success_resets_the_count_of_consecutive_failures() {
        String known = UUID.randomUUID().toString();
        vault.vault.saveCreditCard().save(loja, save(known, null)).get();
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 4; i++) {
                recover(loja, UUID.randomUUID().toString());
            }
            assertTrue(recover(loja, known).isRight(), "round " + round);
        }
    }

    @Test
    void missing_fields_are_reported_together_by_name() {
        var result = vault.vault.saveCreditCard().save(loja,
                new SaveCreditCard.Command(null, "", null, null, null, null, null));
        var invalid = assertInstanceOf(InvalidInput.class, result.getLeft());
        assertEquals(io.vavr.collection.List.of("cardExpiration", "cardHolder", "cardNumber", "customerName", "requestId"),
                invalid.errors().map(InvalidInput.FieldError::field).distinct().sorted());
    }

    @Test
    void an_empty_request_id_for_recovery_is_invalid_input_and_not_an_attempt() {
        for (int i = 0; i < 10; i++) {
            assertInstanceOf(InvalidInput.class, recover(loja, "").getLeft());
        }
        assertEquals(0, vault.keyRecoveries.of(loja).consecutiveFailures());
        assertInstanceOf(VaultError.SaveRequestIdNotFound.class,
                recover(loja, UUID.randomUUID().toString()).getLeft());
    }

    @Test
    void every_invalid_field_is_reported_in_one_answer() {
        var result = vault.vault.saveCreditCard().save(loja, new SaveCreditCard.Command("not-a-guid", "Comprador",
                null, "Teste Holder", "4551870000000184", "13/2029", "no spaces"));
        var invalid = assertInstanceOf(InvalidInput.class, result.getLeft());
        assertEquals(io.vavr.collection.List.of("alias", "cardExpiration", "cardNumber", "requestId"),
                invalid.errors().map(InvalidInput.FieldError::field).sorted());
    }

    @Test
    void a_JustClickAlias_sent_with_the_key_must_be_the_cards_alias_or_the_card_is_not_found() throws Exception {
        Token saved = vault.vault.saveCreditCard().save(loja, save(UUID.randomUUID().toString(), "XPTO")).get();
        String key = saved.reference().toString();
        assertEquals(saved, vault.vault.getMaskedCreditCard().get(loja, new GetMaskedCreditCard.Command(key, null)).get());
        assertEquals(saved, vault.vault.getMaskedCreditCard().get(loja, new GetMaskedCreditCard.Command(key, "XPTO")).get());
        assertEquals(new VaultError.TokenNotFound(),
                vault.vault.getMaskedCreditCard().get(loja, new GetMaskedCreditCard.Command(key, "OUTRO")).getLeft());
        assertEquals(new VaultError.TokenNotFound(), vault.vault.detokenize().detokenize(loja,
                new DetokenizeCard.Command(key, "OUTRO", java.net.InetAddress.getByName("10.1.2.3"))).getLeft());
        assertEquals(new VaultError.TokenNotFound(),
                vault.vault.getMaskedCreditCard().get(outra, new GetMaskedCreditCard.Command(key, null)).getLeft());
    }

    @Test
    void invalidating_with_another_alias_changes_nothing_and_with_the_right_one_removes_the_card_once() {
        Token saved = vault.vault.saveCreditCard().save(loja, save(UUID.randomUUID().toString(), "XPTO")).get();
        String key = saved.reference().toString();

        var refused = vault.vault.invalidateCreditCard().invalidate(loja, new InvalidateCreditCard.Command(key, "OUTRO"));
        assertEquals(new VaultError.TokenNotFound(), refused.getLeft());
        assertEquals(TokenStatus.ACTIVE, vault.tokens.find(loja, saved.reference()).get().status());

        Token removed = vault.vault.invalidateCreditCard().invalidate(loja, new InvalidateCreditCard.Command(key, "XPTO")).get();
        assertInstanceOf(RemovedToken.class, removed);
        assertEquals(new StatusChange(TokenStatus.REMOVED, ChangedBy.MERCHANT, ChangeReason.OTHER,
                Instant.parse("2026-06-15T12:00:00Z")), removed.lastChange().get());
        assertTrue(vault.tokens.sealedPan(loja, saved.reference()).isEmpty(), "the sealed number is destroyed");
        assertTrue(vault.vault.findByAlias().find(loja, "XPTO").isLeft(), "the alias is free");

        Token retried = vault.vault.invalidateCreditCard().invalidate(loja, new InvalidateCreditCard.Command(key, null)).get();
        assertEquals(removed, retried, "a retry succeeds and changes nothing");
        assertEquals(List.of("REFUSED", "SUCCEEDED", "SUCCEEDED"), vault.audit.of(loja).filter(e -> e.action().equals("remove"))
                .map(e -> e.outcome().name()).toList());
    }
}
