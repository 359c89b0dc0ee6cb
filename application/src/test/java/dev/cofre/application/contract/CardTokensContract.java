package dev.cofre.application.contract;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.Atomic;
import dev.cofre.application.customer.SealingCardTokens;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.charge.SealedCardToken;
import dev.cofre.domain.charge.StoredCardTokens;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What single-use card tokens must do, through {@link CardTokens} sealed into the store under
 * contract ({@link SealingCardTokens}): spent once, expiring, swept, scoped by merchant, their
 * secrets destroyed when spent.
 */
public abstract class CardTokensContract extends CustomerStoreContract {

    protected CardTokens cardTokens;

    @BeforeEach
    void sealing() {
        cardTokens = new SealingCardTokens(stores.cardTokens(), new TestCardCipher());
    }

    protected static CardToken cardToken(MerchantId merchant, String number, String cvv, Duration lifetime) {
        var pan = Pan.parse(number).get();
        return new CardToken(CardTokenId.issue(IDS), merchant, new Card(pan, new CardHolder("APRO"), CardExpiry.of(2030, 11)),
                Option.some(SecurityCode.parse("cvv", cvv, pan.brand()).get()),
                Option.some(new Identification("CPF", "19119119100")), Option.some(CardId.issue(IDS)), NOW,
                NOW.plus(lifetime));
    }

    @Test
    void a_card_token_is_seen_without_its_code_and_redeemed_once_with_it() {
        var merchant = givenMerchant();
        var token = cardToken(merchant, "378282246310005", "1234", Duration.ofDays(7));
        cardTokens.issue(token);

        var peeked = cardTokens.peek(merchant, token.id(), NOW).get();
        assertEquals(Option.none(), peeked.securityCode());
        assertEquals(token.card().pan(), peeked.card().pan());
        assertEquals(token.card().holder(), peeked.card().holder());
        assertEquals(token.card().expiry(), peeked.card().expiry());
        assertEquals(token.holderIdentification(), peeked.holderIdentification());
        assertEquals(token.savedCard(), peeked.savedCard());
        assertEquals(token.createdAt(), peeked.createdAt());
        assertEquals(token.expiresAt(), peeked.expiresAt());

        var redeemed = cardTokens.redeem(merchant, token.id(), NOW.plusSeconds(1)).get();
        assertEquals(token.card().pan(), redeemed.card().pan());
        assertEquals("1234", redeemed.securityCode().get().revealDigits());
        assertEquals(token.masked(), redeemed.masked());

        assertEquals(Either.left(new CardTokenError.Spent()), cardTokens.redeem(merchant, token.id(), NOW.plusSeconds(2)));
        assertEquals(Either.left(new CardTokenError.Spent()), cardTokens.peek(merchant, token.id(), NOW.plusSeconds(2)));
    }

    @Test
    void key_rotation_finds_unspent_tokens_under_older_keys_and_swaps_their_keys_compare_and_set() {
        var merchant = givenMerchant();
        var store = stores.cardTokens();
        var old = cardToken(merchant, "4111111111111111", "123", Duration.ofDays(7));
        var spent = cardToken(merchant, "5555555555554444", "321", Duration.ofDays(7));
        var current = cardToken(merchant, "378282246310005", "1234", Duration.ofDays(7));
        var sealedOld = new SealedCardToken(1, new byte[] {1, 2, 3}, new byte[] {4, 5}, Option.some(new byte[] {6}));
        store.add(old.masked(), sealedOld);
        store.add(spent.masked(), new SealedCardToken(1, new byte[] {7}, new byte[] {8}, Option.none()));
        store.add(current.masked(), new SealedCardToken(2, new byte[] {9}, new byte[] {10}, Option.none()));
        assertTrue(store.spend(merchant, spent.id(), NOW.plusSeconds(1)).isRight());

        assertEquals(1, store.countWrappedBefore(2));
        assertEquals(0, store.countWrappedBefore(1));
        var found = store.wrappedBefore(2, 10);
        assertEquals(1, found.size());
        assertEquals(old.id(), found.head().id());
        assertEquals(merchant, found.head().merchant());
        assertEquals(sealedOld, found.head().sealed());

        var rewrapped = new SealedCardToken(2, new byte[] {11, 12}, new byte[] {4, 5}, Option.some(new byte[] {6}));
        var stale = new StoredCardTokens.Wrapped(merchant, old.id(),
                new SealedCardToken(1, new byte[] {0}, new byte[] {4, 5}, Option.none()));
        assertFalse(store.replace(stale, rewrapped), "a row that changed meanwhile is left alone");
        assertTrue(store.replace(found.head(), rewrapped));
        assertFalse(store.replace(found.head(), rewrapped), "done once");
        assertEquals(Option.some(rewrapped), store.sealed(merchant, old.id()));
        assertEquals(0, store.countWrappedBefore(2));
        assertFalse(store.replace(new StoredCardTokens.Wrapped(merchant, spent.id(),
                new SealedCardToken(1, new byte[] {7}, new byte[] {8}, Option.none())), rewrapped),
                "a spent token's destroyed secrets never come back");
        assertEquals(Option.none(), store.sealed(merchant, spent.id()));
    }

    @Test
    void a_spent_token_keeps_no_sealed_secret_but_stays_visible_as_spent() {
        var merchant = givenMerchant();
        var token = cardToken(merchant, "4111111111111111", "123", Duration.ofDays(7));
        cardTokens.issue(token);
        assertTrue(stores.cardTokens().sealed(merchant, token.id()).isDefined());

        cardTokens.redeem(merchant, token.id(), NOW.plusSeconds(5));

        assertEquals(Option.none(), stores.cardTokens().sealed(merchant, token.id()));
        assertEquals(Option.some(NOW.plusSeconds(5)), stores.cardTokens().find(merchant, token.id()).get().spentAt());
    }

    @Test
    void an_expired_token_is_refused_as_expired_then_swept_away_while_live_ones_stay() {
        var merchant = givenMerchant();
        var short_ = cardToken(merchant, "4111111111111111", "123", Duration.ofMinutes(10));
        var long_ = cardToken(merchant, "5555555555554444", "123", Duration.ofDays(7));
        cardTokens.issue(short_);
        cardTokens.issue(long_);
        var later = NOW.plus(Duration.ofMinutes(10));

        assertEquals(Either.left(new CardTokenError.Expired()), cardTokens.peek(merchant, short_.id(), later));
        assertEquals(Either.left(new CardTokenError.Expired()), cardTokens.redeem(merchant, short_.id(), later));

        assertEquals(1, cardTokens.sweepExpired(later));
        assertEquals(Either.left(new CardTokenError.NotFound()), cardTokens.peek(merchant, short_.id(), later));
        assertTrue(cardTokens.redeem(merchant, long_.id(), later).isRight());
        assertEquals(0, cardTokens.sweepExpired(later));
    }

    @Test
    void another_merchants_or_an_unknown_token_is_not_found() {
        var owner = givenMerchant();
        var stranger = givenMerchant();
        var token = cardToken(owner, "4111111111111111", "123", Duration.ofDays(7));
        cardTokens.issue(token);

        assertEquals(Either.left(new CardTokenError.NotFound()), cardTokens.peek(stranger, token.id(), NOW));
        assertEquals(Either.left(new CardTokenError.NotFound()), cardTokens.redeem(stranger, token.id(), NOW));
        assertEquals(Either.left(new CardTokenError.NotFound()), cardTokens.redeem(owner, CardTokenId.issue(IDS), NOW));
        assertTrue(cardTokens.redeem(owner, token.id(), NOW).isRight());
    }

    @Test
    void a_spend_in_a_transaction_that_is_refused_later_is_undone() {
        var merchant = givenMerchant();
        var token = cardToken(merchant, "4111111111111111", "123", Duration.ofDays(7));
        cardTokens.issue(token);

        Either<DomainError, Object> refused = Atomic.run(stores.transactions(), () -> cardTokens.redeem(merchant, token.id(), NOW)
                .<DomainError>mapLeft(e -> e)
                .flatMap(spent -> Either.left(new CardTokenError.Unreadable())));

        assertEquals(Either.left(new CardTokenError.Unreadable()), refused);
        assertTrue(cardTokens.redeem(merchant, token.id(), NOW).isRight());
    }

    @Test
    void when_eight_threads_spend_one_token_exactly_one_gets_it() throws Exception {
        var merchant = givenMerchant();
        var threads = Executors.newFixedThreadPool(8);
        try {
            for (int round = 0; round < 10; round++) {
                var token = cardToken(merchant, "4111111111111111", "123", Duration.ofDays(7));
                cardTokens.issue(token);
                var start = new CyclicBarrier(8);
                var outcomes = new ArrayList<Future<Either<CardTokenError, CardToken>>>();
                for (int i = 0; i < 8; i++) {
                    outcomes.add(threads.submit(() -> {
                        start.await();
                        return stores.transactions().inTransaction(() -> cardTokens.redeem(merchant, token.id(), NOW));
                    }));
                }
                int winners = 0;
                for (var outcome : outcomes) {
                    var result = outcome.get(30, TimeUnit.SECONDS);
                    if (result.isRight()) {
                        winners++;
                        assertEquals("123", result.get().securityCode().get().revealDigits());
                    } else {
                        assertEquals(new CardTokenError.Spent(), result.getLeft());
                    }
                }
                assertEquals(1, winners, "round " + round);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
