package dev.cofre.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TokenTest {

    static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

    static Token active() {
        return Token.issue(new TokenReference(UUID.randomUUID()), new MerchantId(UUID.randomUUID()),
                Option.some(new Alias("CartaoDoJose")), Option.none(), Pan.parse("4551870000000183").get().masked(),
                new CardHolder("Jose da Silva"), CardExpiry.of(2021, 12), new Fingerprint("a".repeat(64)), NOW);
    }

    @Test
    void a_new_token_is_active_and_expires_on_the_last_day_of_the_card_month() {
        Token t = active();
        assertEquals(TokenStatus.ACTIVE, t.status());
        assertEquals(LocalDate.of(2021, 12, 31), t.expirationDate());
        assertEquals(1, t.version());
    }

    @Test
    void suspend_then_reactivate_returns_to_active_and_records_who_and_why() {
        Token suspended = active().suspend(ChangedBy.CARD_HOLDER, ChangeReason.FRAUD_SUSPICION, NOW).get();
        assertEquals(TokenStatus.SUSPENDED, suspended.status());
        assertEquals(new StatusChange(TokenStatus.SUSPENDED, ChangedBy.CARD_HOLDER, ChangeReason.FRAUD_SUSPICION, NOW),
                suspended.lastChange().get());
        Token active = suspended.reactivate(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW).get();
        assertEquals(TokenStatus.ACTIVE, active.status());
        assertEquals(3, active.version());
    }

    @Test
    void removed_is_final_and_releases_the_alias() {
        Token removed = active().remove(ChangedBy.MERCHANT, ChangeReason.FRAUD_SUSPICION, NOW).get();
        assertFalse(removed.holdsAlias());
        assertInstanceOf(VaultError.InvalidTransition.class, removed.reactivate(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW).getLeft());
        assertInstanceOf(VaultError.InvalidTransition.class, removed.suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW).getLeft());
        assertInstanceOf(VaultError.InvalidTransition.class, removed.remove(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW).getLeft());
        assertInstanceOf(VaultError.TokenNotActive.class, removed.requireActive().getLeft());
    }

    @Test
    void invalid_moves_are_errors_with_a_reason_not_exceptions() {
        var error = active().reactivate(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW).getLeft();
        assertEquals("Cannot reactivate a token that is Active", error.message());
        assertTrue(active().suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW)
                .flatMap(t -> t.suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW)).isLeft());
    }
}
