package dev.cofre.adapters.acquirer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.adapters.acquirer.AcquirerSimulator.Fault;
import dev.cofre.application.charge.AcquirerWithDeadline;
import dev.cofre.application.charge.AuthorizeCharge;
import dev.cofre.application.charge.CaptureCharge;
import dev.cofre.application.charge.ReconcileCharges;
import dev.cofre.application.inmemory.HmacCryptogramHasher;
import dev.cofre.application.inmemory.InMemoryCardTokens;
import dev.cofre.application.inmemory.InMemoryCharges;
import dev.cofre.application.inmemory.InMemorySpentCryptograms;
import dev.cofre.application.inmemory.InMemoryTokens;
import dev.cofre.application.inmemory.InMemoryTransactions;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeFixtures;
import dev.cofre.domain.charge.ChargeStatus;
import dev.cofre.domain.charge.TransactionStatus;
import dev.cofre.domain.merchant.Merchant;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The charge use cases against the simulator, through the deadline every real deployment puts on the acquirer. */
class ReconciliationWithSimulatorTest {

    private final AcquirerSimulator simulator = new AcquirerSimulator().withHang(Duration.ofMillis(600));
    private final InMemoryCharges charges = new InMemoryCharges();
    private final Merchant merchant = ChargeFixtures.gateway();
    private final Clock clock = Clock.systemUTC();
    private final AcquirerWithDeadline acquirer = new AcquirerWithDeadline(simulator, Duration.ofMillis(150));
    private final InMemoryTransactions transactions = new InMemoryTransactions();
    private final AuthorizeCharge authorize = new AuthorizeCharge(charges, new InMemoryTokens(), null,
            new InMemoryCardTokens(), HmacCryptogramHasher.withRandomKey(), new InMemorySpentCryptograms(), acquirer,
            transactions, new SecureIds(), clock);
    private final CaptureCharge capture = new CaptureCharge(charges, acquirer, transactions, new SecureIds(), clock);
    private final ReconcileCharges reconcile = new ReconcileCharges(charges, acquirer, transactions, clock, Duration.ZERO);

    private Charge charge(String key, String number, String operationType) {
        var card = new AuthorizeCharge.CreditCard(1, "AVENGERS", operationType,
                new AuthorizeCharge.CardFields(number, "Tony Stark", 1, 30, "353"), null, null, null,
                null, null, null, null, null, null);
        return authorize.authorize(merchant, new AuthorizeCharge.Command(key,
                List.of(new AuthorizeCharge.Item(2990L, "Chaveiro do Tesseract", 1)), card)).get();
    }

    private TransactionStatus statusOf(Charge charge) {
        return charges.find(merchant.id(), charge.id()).get().lastTransaction().status();
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
