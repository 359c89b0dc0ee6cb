package dev.cofre.adapters.acquirer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.adapters.acquirer.AcquirerSimulator.Fault;
import dev.cofre.application.charge.AcquirerWithDeadline;
import dev.cofre.application.charge.AuthorizeCharge;
import dev.cofre.application.charge.CaptureCharge;
import dev.cofre.application.charge.ReconcileCharges;
import dev.cofre.application.charge.CardInput;
import dev.cofre.application.charge.Charging;
import dev.cofre.application.inmemory.InMemoryCryptogramHasher;
import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeFixtures;
import dev.cofre.domain.charge.ChargeStatus;
import dev.cofre.domain.charge.CreditCardPayment;
import dev.cofre.domain.charge.TransactionStatus;
import dev.cofre.domain.merchant.Merchant;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The charge use cases against the simulator, through the deadline every real deployment puts on the acquirer. */
class ReconciliationWithSimulatorTest {

    private final AcquirerSimulator simulator = new AcquirerSimulator().withHang(Duration.ofMillis(600));
    private final InMemoryStores stores = new InMemoryStores();
    private final Merchant merchant = ChargeFixtures.gateway();
    private final Clock clock = Clock.systemUTC();
    private final AcquirerWithDeadline acquirer = new AcquirerWithDeadline(simulator, Duration.ofMillis(150));
    private final TestCardCipher cipher = new TestCardCipher();
    private final Charging charging = Charging.create(stores.charging(cipher), cipher,
            new InMemoryCryptogramHasher(), acquirer, clock, new SecureIds(), Duration.ZERO);
    private final CaptureCharge capture = charging.capture();
    private final ReconcileCharges reconcile = charging.reconcile();

    @AfterEach
    void stopTheAcquirerCalls() {
        acquirer.close();
    }

    private Charge charge(String key, String number, String operationType) {
        return charging.authorize().authorize(merchant, new AuthorizeCharge.Command(key,
                List.of(new AuthorizeCharge.Item("Chaveiro do Tesseract", 2990L, 1)),
                new CardInput.PresentedCard(number, "Tony Stark", 1, 30, "353"),
                new CreditCardPayment.Fields(operationType, 1, "AVENGERS", null, null, null, null, null, null))).get();
    }

    private TransactionStatus statusOf(Charge charge) {
        return stores.charges.find(merchant.id(), charge.id()).get().lastTransaction().status();
    }

    @Test
    void theSeedsCardIsCapturedWithTheSimulatorsFields() {
        var charge = charge("k1", "4000000000000010", null);
        assertEquals(ChargeStatus.PAID, charge.status());
        var fields = charge.lastTransaction().acquirer().get();
        assertEquals("simulator", fields.name());
        assertEquals("00", fields.returnCode());
        assertEquals("Transação capturada com sucesso", fields.message());
    }

    @Test
    void theTimeoutCardIsWithErrorUntilReconciliationFindsItCaptured() {
        var charge = charge("k1", "4000000000000036", null);
        assertEquals(TransactionStatus.WITH_ERROR, charge.lastTransaction().status());
        reconcile.reconcile();
        assertEquals(TransactionStatus.CAPTURED, statusOf(charge));
    }

    @Test
    void thePendingCardIsSettledOnceTheSimulatorCompletesIt() {
        var charge = charge("k1", "4000000000000044", "auth_only");
        assertEquals(TransactionStatus.WITH_ERROR, charge.lastTransaction().status());
        reconcile.reconcile();
        assertEquals(TransactionStatus.WITH_ERROR, statusOf(charge));
        simulator.completePending();
        reconcile.reconcile();
        assertEquals(TransactionStatus.AUTHORIZED_PENDING_CAPTURE, statusOf(charge));
    }

    @Test
    void aCaptureThatHangsPastTheDeadlineIsWithErrorThenReconciledAsCaptured() {
        var charge = charge("k1", "4000000000000010", "auth_only");
        simulator.nextCall(Fault.HANG);
        long start = System.nanoTime();
        var inDoubt = capture.capture(merchant.id(), new CaptureCharge.Command(charge.id().value(), null, "cap")).get();
        assertEquals(true, System.nanoTime() - start < 550_000_000L, "the caller did not wait for the hang");
        assertEquals(TransactionStatus.WITH_ERROR, inDoubt.lastTransaction().status());
        reconcile.reconcile();
        assertEquals(TransactionStatus.CAPTURED, statusOf(charge));
    }

    @Test
    void anAuthorizationThatNeverReachedTheAcquirerIsReconciledAsNotAuthorized() {
        simulator.nextCall(Fault.FAIL);
        var charge = charge("k1", "4000000000000010", null);
        assertEquals(TransactionStatus.WITH_ERROR, charge.lastTransaction().status());
        reconcile.reconcile();
        assertEquals(TransactionStatus.NOT_AUTHORIZED, statusOf(charge));
    }

    @Test
    void aDeclinedCardIsNotAuthorized() {
        assertEquals(TransactionStatus.NOT_AUTHORIZED, charge("k1", "4000000000000028", null).lastTransaction().status());
    }
}
