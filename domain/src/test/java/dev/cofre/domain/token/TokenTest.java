package dev.cofre.domain.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    static ActiveToken active() {
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
        SuspendedToken suspended = active().suspend(ChangedBy.CARD_HOLDER, ChangeReason.FRAUD_SUSPICION, NOW);
        assertEquals(TokenStatus.SUSPENDED, suspended.status());
        assertEquals(new StatusChange(TokenStatus.SUSPENDED, ChangedBy.CARD_HOLDER, ChangeReason.FRAUD_SUSPICION, NOW),
                suspended.lastChange().get());
        ActiveToken active = suspended.reactivate(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW);
        assertEquals(TokenStatus.ACTIVE, active.status());
        assertEquals(3, active.version());
    }

    @Test
    void removed_is_final_releases_the_alias_and_keeps_who_removed_it() {
        RemovedToken removed = active().remove(ChangedBy.MERCHANT, ChangeReason.FRAUD_SUSPICION, NOW);
        assertFalse(removed.holdsAlias());
        assertEquals(ChangedBy.MERCHANT, removed.removal().by());
        for (TokenStatus target : new TokenStatus[] {TokenStatus.ACTIVE, TokenStatus.SUSPENDED}) {
            assertInstanceOf(VaultError.InvalidTransition.class,
                    removed.changeTo(target, ChangedBy.MERCHANT, ChangeReason.OTHER, NOW).getLeft());
        }
        assertInstanceOf(VaultError.TokenNotActive.class, removed.active().getLeft());
    }

    @Test
    void only_an_active_token_is_active() {
        ActiveToken token = active();
        assertSame(token, token.active().get());
        assertEquals(new VaultError.TokenNotActive(TokenStatus.SUSPENDED),
                token.suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW).active().getLeft());
    }

    @Test
    void a_request_for_the_state_a_token_is_in_already_succeeds_and_changes_nothing() {
        Token active = active();
        Token suspended = active().suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW);
        Token removed = active().remove(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW);
        for (Token token : new Token[] {active, suspended, removed}) {
            TokenChange retry = token.changeTo(token.status(), ChangedBy.CARD_HOLDER, ChangeReason.FRAUD_SUSPICION,
                    NOW.plusSeconds(60)).get();
            assertFalse(retry.moved(), token.status() + " to itself");
            assertSame(token, retry.token());
        }
    }

    @Test
    void a_request_moves_a_token_along_the_life_cycle_and_bumps_its_version() {
        TokenChange suspend = active().changeTo(TokenStatus.SUSPENDED, ChangedBy.MERCHANT, ChangeReason.OTHER, NOW).get();
        assertTrue(suspend.moved());
        assertInstanceOf(SuspendedToken.class, suspend.token());
        assertEquals(2, suspend.token().version());
        TokenChange reactivate = suspend.token().changeTo(TokenStatus.ACTIVE, ChangedBy.MERCHANT, ChangeReason.OTHER, NOW)
                .get();
        assertInstanceOf(ActiveToken.class, reactivate.token());
        TokenChange remove = reactivate.token().changeTo(TokenStatus.REMOVED, ChangedBy.MERCHANT, ChangeReason.OTHER, NOW)
                .get();
        assertInstanceOf(RemovedToken.class, remove.token());
        assertEquals(4, remove.token().version());
    }

    @Test
    void invalid_moves_are_errors_with_a_reason_not_exceptions() {
        Token removed = active().remove(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW);
        var error = removed.changeTo(TokenStatus.ACTIVE, ChangedBy.MERCHANT, ChangeReason.OTHER, NOW).getLeft();
        assertEquals("Cannot reactivate a token that is Removed", error.message());
    }

    @Test
    void a_stored_suspended_or_removed_token_without_its_change_is_refused_as_corrupt() {
        TokenDetails details = active().details();
        assertThrows(IllegalStateException.class,
                () -> Token.restore(details, TokenStatus.REMOVED, Option.none(), NOW, 2));
        assertInstanceOf(ActiveToken.class, Token.restore(details, TokenStatus.ACTIVE, Option.none(), NOW, 1));
    }

    @Test
    void a_JustClickAlias_sent_with_the_key_identifies_the_token_only_if_it_is_its_alias() {
        Token token = active();
        assertSame(token, token.identifiedBy(Option.none()).get());
        assertSame(token, token.identifiedBy(Option.some("")).get(), "an empty alias is no alias");
        assertSame(token, token.identifiedBy(Option.some("CartaoDoJose")).get());
        assertEquals(new VaultError.TokenNotFound(), token.identifiedBy(Option.some("cartaodojose")).getLeft());
        Token noAlias = Token.issue(new TokenReference(UUID.randomUUID()), token.merchant(), Option.none(),
                Option.none(), token.card(), token.holder(), token.expiry(), token.fingerprint(), NOW);
        assertEquals(new VaultError.TokenNotFound(), noAlias.identifiedBy(Option.some("CartaoDoJose")).getLeft());
    }
}
