package dev.cofre.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.charge.AuthorizeCharge;
import dev.cofre.application.charge.CaptureCharge;
import dev.cofre.application.charge.CardInput;
import dev.cofre.application.charge.Charging;
import dev.cofre.application.charge.RefundCharge;
import dev.cofre.application.charge.ScriptedAcquirer;
import dev.cofre.application.charge.VoidCharge;
import dev.cofre.application.inmemory.InMemoryCryptogramHasher;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.charge.AcquirerAnswer.Kind;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeFixtures;
import dev.cofre.domain.charge.CreditCardPayment;
import dev.cofre.domain.charge.CryptogramDigest;
import dev.cofre.domain.charge.ThreeDSecure;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.charge.TransactionStatus;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the charge engine needs from its stores: a charge reads back exactly as it was written
 * (order, items, options, 3-D Secure, metadata, masked card, every transaction and acquirer field),
 * a stale update is refused, another merchant's charge is absent, the in-doubt query finds exactly
 * the charges reconciliation must ask about, a cryptogram is spent once, and a reconciliation lease
 * has one holder at a time. Charges are made by the real use cases over the stores under test.
 */
public abstract class ChargesContract {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00.123456Z");

    protected ChargeContractStores stores;
    private final ScriptedAcquirer acquirer = new ScriptedAcquirer();
    private final TestCardCipher cipher = new TestCardCipher();
    private final Merchant merchant = ChargeFixtures.gateway();
    private final Merchant other = ChargeFixtures.gateway();
    private Charging charging;

    /** Fresh, empty stores that share one backing store. */
    protected abstract ChargeContractStores openStores() throws Exception;

    @BeforeEach
    void open() throws Exception {
        stores = openStores();
        for (Merchant m : List.of(merchant, other)) {
            stores.merchants().add(m, VaultFixtures.credentialsOf(m.id()));
        }
        charging = Charging.create(stores.charging(), cipher, new InMemoryCryptogramHasher(), acquirer,
                Clock.fixed(NOW, ZoneOffset.UTC), new SecureIds(), Duration.ZERO);
    }

    @AfterEach
    void closeStores() {
        stores.close();
    }

    private Charge authorize(CardInput card, CreditCardPayment.Fields payment) {
        return charging.authorize().authorize(merchant, new AuthorizeCharge.Command(UUID.randomUUID().toString(),
                List.of(new AuthorizeCharge.Item("Chaveiro do Tesseract", 2990L, 1),
                        new AuthorizeCharge.Item("Escudo", 1005L, 3)), card, payment)).get();
    }

    private static CardInput card(String number) {
        return new CardInput.PresentedCard(number, "Tony Stark", 1, 30, "353");
    }

    private static CreditCardPayment.Fields options(String operationType) {
        return new CreditCardPayment.Fields(operationType, 3, "AVENGERS", "first", "subscription", "retry", "credit",
                Map.of("pedido", "123", "canal", "web"),
                new ThreeDSecure.Fields("threed_secure", "third_party", "05", "BwABBylVaQAAAAFwllVpAAAAAAA=",
                        "9345dcf2-57bf-48ee-a495-663cf1fdb760", "4165037e-2f84-443c-a4e2-0e3285eb911a", "2.2.0"));
    }

    private Charge stored(Charge charge) {
        return stores.charging().charges().find(charge.merchant(), charge.id()).get();
    }

    @Test
    void a_charge_reads_back_with_its_order_options_card_and_transactions() {
        Charge charge = authorize(card("4000000000000010"), options("auth_only"));

        assertEquals(charge, stored(charge));
        assertEquals(TransactionStatus.AUTHORIZED_PENDING_CAPTURE, stored(charge).lastTransaction().status());
        assertTrue(stored(charge).lastTransaction().acquirer().isDefined());
        assertEquals(2, stored(charge).order().items().size());
        assertEquals(6005L, stored(charge).amount().cents());
    }

    @Test
    void each_later_transaction_is_stored_with_its_status_amount_and_acquirer_answer() {
        Charge charge = authorize(card("4000000000000010"), options("auth_only"));
        var captured = charging.capture().capture(merchant.id(), new CaptureCharge.Command(charge.id().value(), 3000L,
                "capture-1")).get();
        assertEquals(captured, stored(charge));

        var refunded = charging.refund().refund(merchant.id(), new RefundCharge.Command(charge.id().value(), 1000L,
                "refund-1")).get();
        assertEquals(refunded, stored(charge));
        assertEquals(List.of(TransactionStatus.AUTHORIZED_PENDING_CAPTURE, TransactionStatus.PARTIAL_CAPTURE,
                        TransactionStatus.PARTIAL_REFUNDED),
                stored(charge).transactions().map(t -> t.status()).toJavaList());
    }

    @Test
    void a_vaulted_card_and_a_network_token_read_back_with_their_source() {
        Pan pan = Pan.parse("4551870000000183").get();
        var reference = new TokenReference(UUID.randomUUID());
        stores.charging().tokens().add(Token.issue(reference, merchant.id(), Option.none(), Option.none(), pan.masked(),
                        new CardHolder("Tony Stark"), CardExpiry.of(2030, 1), cipher.fingerprint(pan), NOW),
                cipher.seal(pan, merchant.id(), reference));
        Charge vaulted = authorize(new CardInput.VaultedCard(reference.toString()), null);
        Charge network = authorize(new CardInput.NetworkToken("4190000000000010", "Tony Stark", 1, 30,
                List.of("ANfQt43bddROAAEnSAMhAAADFA====")), null);

        assertEquals(vaulted, stored(vaulted));
        assertEquals(Option.some(reference), stored(vaulted).card().vaulted());
        assertEquals(network, stored(network));
        assertEquals(TransactionStatus.CAPTURED, stored(network).lastTransaction().status());
    }

    @Test
    void a_card_saved_after_its_authorization_is_recorded_by_an_update_and_reads_back() {
        Charge charge = authorize(card("4000000000000010"), options("auth_only"));
        var reference = new TokenReference(UUID.randomUUID());

        Charge saved = stores.charging().charges().update(charge.withSavedCard(reference)).get();

        assertEquals(saved, stored(charge));
        assertEquals(Option.some(reference), stored(charge).card().vaulted());
        assertEquals(charge.version() + 1, stored(charge).version());
    }

    @Test
    void a_charge_refused_before_the_acquirer_reads_back_failed_with_its_reason() {
        var cryptogram = List.of("ANfQt43bddROAAEnSAMhAAADFA====");
        authorize(new CardInput.NetworkToken("4190000000000010", "Tony Stark", 1, 30, cryptogram), null);
        Charge reused = authorize(new CardInput.NetworkToken("4190000000000010", "Tony Stark", 1, 30, cryptogram), null);

        assertEquals(reused, stored(reused));
        assertEquals(TransactionStatus.FAILED, stored(reused).lastTransaction().status());
        assertTrue(stored(reused).lastTransaction().rejection().isDefined());
    }

    @Test
    void another_merchants_charge_is_not_found() {
        Charge charge = authorize(card("4000000000000010"), null);

        assertTrue(stores.charging().charges().find(other.id(), charge.id()).isEmpty());
        assertTrue(stores.charging().charges().findByOrder(other.id(), charge.order().id()).isEmpty());
        assertEquals(charge, stores.charging().charges().findByOrder(merchant.id(), charge.order().id()).get());
        assertInstanceOf(ChargeError.class, charging.capture().capture(other.id(),
                new CaptureCharge.Command(charge.id().value(), null, "k")).getLeft());
    }

    @Test
    void an_update_from_a_stale_read_is_refused_and_changes_nothing() {
        Charge charge = authorize(card("4000000000000010"), options("auth_only"));
        charging.voids().voidAuthorization(merchant.id(), new VoidCharge.Command(charge.id().value(), null, "void-1"))
                .get();
        Charge afterVoid = stored(charge);

        var stale = charging.capture().capture(merchant.id(), new CaptureCharge.Command(charge.id().value(), null,
                "capture-1"));
        assertTrue(stale.isLeft());
        var staleWrite = stores.charging().charges().update(new Charge(charge.id(), charge.merchant(), charge.order(),
                charge.payment(), charge.card(), charge.transactions(), charge.createdAt(), charge.version() + 1));
        assertInstanceOf(ChargeError.ConcurrentUpdate.class, staleWrite.getLeft());
        assertEquals(afterVoid, stored(charge));
    }

    @Test
    void of_two_updates_from_the_same_read_exactly_one_wins() throws Exception {
        for (int round = 0; round < 5; round++) {
            Charge charge = authorize(card("4000000000000010"), options("auth_only"));
            Charge bumped = new Charge(charge.id(), charge.merchant(), charge.order(), charge.payment(), charge.card(),
                    charge.transactions(), charge.createdAt(), charge.version() + 1);
            var results = race(6, i -> stores.charging().charges().update(bumped).isRight());
            assertEquals(1, results.stream().filter(b -> b).count(), "round " + round);
            assertEquals(charge.version() + 1, stored(charge).version());
        }
    }

    @Test
    void a_charge_id_already_taken_is_refused() {
        Charge charge = authorize(card("4000000000000010"), null);

        assertInstanceOf(ChargeError.ConcurrentUpdate.class, stores.charging().charges().add(charge).getLeft());
        assertEquals(charge, stored(charge));
    }

    @Test
    void the_in_doubt_query_finds_exactly_the_charges_in_doubt_of_every_merchant() {
        acquirer.next(Kind.UNKNOWN, Kind.APPROVED);
        Charge timedOut = authorize(card("4000000000000010"), null);
        Charge settled = authorize(card("4000000000000010"), options("auth_only"));
        acquirer.next(Kind.PENDING, Kind.APPROVED);
        Charge waiting = charging.capture().capture(merchant.id(), new CaptureCharge.Command(settled.id().value(),
                null, "capture-1")).get();
        Charge fine = authorize(card("4000000000000010"), null);

        var inDoubt = stores.charging().charges().inDoubt().map(Charge::id).toJavaSet();
        assertEquals(java.util.Set.of(timedOut.id(), waiting.id()), inDoubt);
        assertFalse(inDoubt.contains(fine.id()));

        var report = charging.reconcile().reconcile();
        assertEquals(2, report.moved());
        assertTrue(stores.charging().charges().inDoubt().isEmpty());
        assertEquals(TransactionStatus.CAPTURED, stored(timedOut).lastTransaction().status());
        assertEquals(TransactionStatus.CAPTURED, stored(waiting).lastTransaction().status());
    }

    @Test
    void a_cryptogram_is_spent_once_even_by_racing_callers() throws Exception {
        var spent = stores.charging().spentCryptograms();
        var first = new CryptogramDigest("a".repeat(64));
        assertTrue(spent.spend(first, NOW));
        assertFalse(spent.spend(first, NOW.plusSeconds(1)));

        var raced = new CryptogramDigest("b".repeat(64));
        var results = race(8, i -> spent.spend(raced, NOW));
        assertEquals(1, results.stream().filter(b -> b).count());
    }

    @Test
    void a_lease_has_one_holder_until_released_or_expired() throws Exception {
        var leases = stores.leases();
        var transaction = new TransactionId("tran_" + "x".repeat(16));
        var minute = Duration.ofMinutes(1);

        assertTrue(leases.acquire(transaction, "server-a", NOW, minute));
        assertFalse(leases.acquire(transaction, "server-b", NOW.plusSeconds(30), minute));
        leases.release(transaction, "server-b"); // not its lease: nothing happens
        assertFalse(leases.acquire(transaction, "server-b", NOW.plusSeconds(31), minute));
        assertTrue(leases.acquire(transaction, "server-b", NOW.plusSeconds(61), minute), "an expired lease is free");
        leases.release(transaction, "server-b");
        assertTrue(leases.acquire(transaction, "server-a", NOW.plusSeconds(62), minute));

        var raced = new TransactionId("tran_" + "y".repeat(16));
        var results = race(8, i -> leases.acquire(raced, "server-" + i, NOW, minute));
        assertEquals(1, results.stream().filter(b -> b).count());
    }

    private static <T> List<T> race(int threads, java.util.function.IntFunction<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var start = new CyclicBarrier(threads);
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < threads; i++) {
                int racer = i;
                futures.add(pool.submit((Callable<T>) () -> {
                    start.await();
                    return call.apply(racer);
                }));
            }
            var answers = new ArrayList<T>();
            for (var f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
