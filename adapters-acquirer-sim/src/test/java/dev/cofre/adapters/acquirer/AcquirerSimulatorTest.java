package dev.cofre.adapters.acquirer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.adapters.acquirer.AcquirerSimulator.Fault;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.OperationType;
import dev.cofre.domain.charge.PaymentType;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulator answers as the README's test-card table says. */
class AcquirerSimulatorTest {

    private final AcquirerSimulator simulator = new AcquirerSimulator();
    private final MerchantId merchant = new MerchantId(UUID.randomUUID());
    private int operations;

    private TransactionId nextId() {
        return new TransactionId("tran_" + (++operations));
    }

    private Acquirer.AuthorizationRequest authorization(TransactionId id, String number, OperationType type, long amount) {
        var card = new Acquirer.ChargeableCard(Pan.parse(number).get(), new CardHolder("Tony Stark"),
                CardExpiry.of(2030, 1), Option.none());
        return new Acquirer.AuthorizationRequest(id, merchant, Amount.of(amount), type, PaymentType.PAN, card, 1,
                Option.none(), Option.none(), Option.none());
    }

    private AcquirerAnswer authorize(String number) {
        return simulator.authorize(authorization(nextId(), number, OperationType.AUTH_ONLY, 2990));
    }

    @ParameterizedTest(name = "{0} is answered {1} with return code {2}")
    @CsvSource({
            "4000000000000010, Approved, 00",
            "4190000000000010, Approved, 00",
            "4551870000000183, Approved, 00",
            "4111111111111111, Approved, 00",
            "5555555555554444, Approved, 00",
            "4000000000000028, Declined, 05",
            "4000000000000051, Declined, 51",
            "4000000000000069, Declined, 57",
            "4000000000000044, Pending, PE"})
    void eachTestCardGetsItsAnswer(String number, String answer, String returnCode) {
        AcquirerAnswer a = authorize(number);
        assertEquals(answer, a.getClass().getSimpleName());
        assertEquals(returnCode, a.receipt().get().returnCode());
        assertEquals("simulator", a.receipt().get().name());
    }

    @Test
    void theTimeoutCardAnswersUnknownButWasApprovedAsQueryLaterTells() {
        var id = nextId();
        var answer = simulator.authorize(authorization(id, "4000000000000036", OperationType.AUTH_ONLY, 2990));
        assertInstanceOf(AcquirerAnswer.Unknown.class, answer);
        assertInstanceOf(AcquirerAnswer.Approved.class, simulator.query(id));
    }

    @Test
    void simulatorsSharingAJournalAnswerQueryAlikeAsOneAcquirerWould(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) {
        var journal = dir.resolve("simulator.journal");
        var server = AcquirerSimulator.journaledIn(journal);
        var timedOutId = nextId();
        var timedOut = server.authorize(authorization(timedOutId, "4000000000000036", OperationType.AUTH_ONLY, 2990));
        var pendingId = nextId();
        server.authorize(authorization(pendingId, "4000000000000044", OperationType.AUTH_ONLY, 2990));
        var declinedId = nextId();
        server.authorize(authorization(declinedId, "4000000000000051", OperationType.AUTH_ONLY, 2990));

        var operator = AcquirerSimulator.journaledIn(journal); // another process on the same data directory
        assertInstanceOf(AcquirerAnswer.Unknown.class, timedOut);
        assertInstanceOf(AcquirerAnswer.Approved.class, operator.query(timedOutId));
        assertInstanceOf(AcquirerAnswer.Pending.class, operator.query(pendingId));
        assertEquals("51", ((AcquirerAnswer.Declined) operator.query(declinedId)).code());
        server.completePending();
        assertInstanceOf(AcquirerAnswer.Approved.class, operator.query(pendingId));
        assertEquals("NF", ((AcquirerAnswer.Declined) operator.query(new TransactionId("tran_neversent000001"))).code());
        assertEquals("NF", ((AcquirerAnswer.Declined) new AcquirerSimulator().query(timedOutId)).code(),
                "without the journal, another simulator never heard of it");
    }

    @Test
    void aPendingCardStaysPendingUntilItCompletes() {
        var id = nextId();
        simulator.authorize(authorization(id, "4000000000000044", OperationType.AUTH_ONLY, 2990));
        assertInstanceOf(AcquirerAnswer.Pending.class, simulator.query(id));
        simulator.completePending();
        assertInstanceOf(AcquirerAnswer.Approved.class, simulator.query(id));
    }

    @Test
    void approvalsCarryEverySeed002AcquirerField() {
        var fields = authorize("4000000000000010").receipt().get();
        assertTrue(fields.tid().matches("\\d{9}"), fields.tid());
        assertTrue(fields.nsu().matches("\\d{5}"), fields.nsu());
        assertTrue(fields.authCode().matches("\\d{3}"), fields.authCode());
        assertEquals("Transação autorizada com sucesso", fields.message());
        var captured = simulator.authorize(authorization(nextId(), "4000000000000010", OperationType.AUTH_AND_CAPTURE, 1));
        assertEquals("Transação capturada com sucesso", captured.receipt().get().message());
    }

    @Test
    void twoSimulatorsGiveTheSameNumbersToTheSameCalls() {
        var other = new AcquirerSimulator();
        var a = simulator.authorize(authorization(new TransactionId("tran_a"), "4000000000000010", OperationType.AUTH_ONLY, 5));
        var b = other.authorize(authorization(new TransactionId("tran_a"), "4000000000000010", OperationType.AUTH_ONLY, 5));
        assertEquals(a, b);
    }

    @Test
    void aCaptureOfMoreThanWasAuthorizedIsDeclined() {
        var auth = nextId();
        simulator.authorize(authorization(auth, "4000000000000010", OperationType.AUTH_ONLY, 1000));
        var answer = simulator.capture(new Acquirer.FollowUpRequest(nextId(), auth, merchant, Amount.of(1001)));
        assertEquals("13", ((AcquirerAnswer.Declined) answer).code());
        assertInstanceOf(AcquirerAnswer.Approved.class,
                simulator.capture(new Acquirer.FollowUpRequest(nextId(), auth, merchant, Amount.of(1000))));
    }

    @Test
    void aFailedCallThrowsAndQueryLaterSaysItNeverHappened() {
        simulator.nextCall(Fault.FAIL);
        var id = nextId();
        assertThrows(AcquirerSimulator.SimulatedOutage.class,
                () -> simulator.authorize(authorization(id, "4000000000000010", OperationType.AUTH_ONLY, 1)));
        assertEquals("NF", ((AcquirerAnswer.Declined) simulator.query(id)).code());
    }

    @Test
    void anUnknownFaultLosesTheAnswerButNotTheOperation() {
        simulator.nextCall(Fault.UNKNOWN);
        var id = nextId();
        assertInstanceOf(AcquirerAnswer.Unknown.class,
                simulator.authorize(authorization(id, "4000000000000010", OperationType.AUTH_ONLY, 1)));
        assertInstanceOf(AcquirerAnswer.Approved.class, simulator.query(id));
    }

    @Test
    void aHangingCallSleepsBeforeAnswering() {
        simulator.withHang(Duration.ofMillis(300)).nextCall(Fault.HANG);
        long start = System.nanoTime();
        authorize("4000000000000010");
        assertTrue(System.nanoTime() - start >= 300_000_000L);
    }

    @Test
    void latencyDelaysEveryCall() {
        simulator.withLatency(Duration.ofMillis(50));
        long start = System.nanoTime();
        authorize("4000000000000010");
        authorize("4000000000000010");
        assertTrue(System.nanoTime() - start >= 100_000_000L);
    }

    @Test
    void faultsApplyOnePerCallInOrder() {
        simulator.nextCall(Fault.DECLINE);
        simulator.nextCall(Fault.PENDING);
        assertInstanceOf(AcquirerAnswer.Declined.class, authorize("4000000000000010"));
        assertInstanceOf(AcquirerAnswer.Pending.class, authorize("4000000000000010"));
        assertInstanceOf(AcquirerAnswer.Approved.class, authorize("4000000000000010"));
    }
}
