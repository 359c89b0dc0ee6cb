package dev.cofre.adapters.acquirer;

import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.AcquirerFields;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.OperationType;
import dev.cofre.domain.charge.TransactionId;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deterministic acquirer for tests, demos and embedding without a real one. The card number
 * decides the answer (see the README's test-card table); tests can also say what the next call does (fail, hang,
 * answer unknown, stay pending, decline). Whatever a call answered, {@link #query} tells what really
 * happened, so reconciliation can be tested.
 */
public final class AcquirerSimulator implements Acquirer {

    public static final String NAME = "simulator";

    /** What the next call does instead of its usual answer. */
    public enum Fault {
        /** Throws before doing anything: the operation never happened. */
        FAIL,
        /** Does the operation, then sleeps for the hang duration before answering. */
        HANG,
        /** Does the operation, then answers Unknown: the answer was lost. */
        UNKNOWN,
        /** Answers Pending; query keeps answering Pending until {@link #completePending()}. */
        PENDING,
        /** Refuses the operation. */
        DECLINE
    }

    /** What the simulator did with one operation, and what query answers about it. */
    private record Outcome(AcquirerAnswer truth, boolean pending, AcquirerAnswer whenCompleted) {
    }

    /** Thrown by a {@link Fault#FAIL}ed call, like a refused connection. */
    public static final class SimulatedOutage extends RuntimeException {
        SimulatedOutage() {
            super("simulated acquirer outage");
        }
    }

    private final Map<TransactionId, Outcome> outcomes = new ConcurrentHashMap<>();
    private final java.util.Optional<SimulatorJournal> journal;
    private final Map<TransactionId, Amount> authorized = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Fault> faults = new ConcurrentLinkedQueue<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration hang = Duration.ofSeconds(30);

    /** A simulator that remembers its operations in this process only. */
    public AcquirerSimulator() {
        this.journal = java.util.Optional.empty();
    }

    private AcquirerSimulator(java.nio.file.Path journal) {
        this.journal = java.util.Optional.of(new SimulatorJournal(journal));
    }

    /**
     * A simulator that also writes what it did to {@code journal}, and reads it when asked about an
     * operation it did not do itself: simulators of several processes on one data directory (a server
     * and an operator's {@code charges reconcile}) then answer {@link #query} alike, as one real
     * acquirer would.
     */
    public static AcquirerSimulator journaledIn(java.nio.file.Path journal) {
        return new AcquirerSimulator(journal);
    }

    /** Every call waits this long before answering. */
    public AcquirerSimulator withLatency(Duration latency) {
        this.latency = latency;
        return this;
    }

    /** How long a {@link Fault#HANG}ing call sleeps: longer than the caller's deadline. */
    public AcquirerSimulator withHang(Duration hang) {
        this.hang = hang;
        return this;
    }

    /** The next call (of any kind) does this; queued faults apply one per call, in order. */
    public void nextCall(Fault fault) {
        faults.add(fault);
    }

    /** Every pending operation completes as it would have: query answers the real outcome from now on. */
    public void completePending() {
        outcomes.replaceAll((id, o) -> {
            if (!o.pending()) {
                return o;
            }
            journal.ifPresent(j -> j.append(id, new SimulatorJournal.Entry(o.whenCompleted(), false, o.whenCompleted())));
            return new Outcome(o.whenCompleted(), false, o.whenCompleted());
        });
    }

    @Override
    public AcquirerAnswer authorize(AuthorizationRequest request) {
        Fault fault = beforeCall();
        // the one place outside the crypto adapter that reads a card number: the simulator's table is keyed by it
        String digits = request.card().number().revealDigits();
        TestCard card = TestCard.of(digits);
        AcquirerAnswer answer = CieloSandboxCards.of(digits, request.type(), request.operation())
                .map(sandbox -> sandbox.answer(fields(sandbox.returnCode(), sandbox.message(), sandbox.approved())))
                .or(() -> SandboxHolderName.of(request.card().holder()).map(h -> h.answer(fields(h.returnCode(), h.message()))))
                .orElseGet(() -> card.answer(fields(card.returnCode(), message(request.type(), card))));
        if (card == TestCard.TIMEOUT && fault == null) {
            fault = Fault.UNKNOWN;
        }
        if (answer instanceof AcquirerAnswer.Approved || answer instanceof AcquirerAnswer.Pending) {
            authorized.put(request.operation(), request.amount());
        }
        return complete(request.operation(), fault, answer);
    }

    @Override
    public AcquirerAnswer capture(FollowUpRequest request) {
        return followUp(request, "Transação capturada com sucesso");
    }

    @Override
    public AcquirerAnswer voidAuthorization(FollowUpRequest request) {
        return followUp(request, "Transação cancelada com sucesso");
    }

    @Override
    public AcquirerAnswer refund(FollowUpRequest request) {
        return followUp(request, "Transação estornada com sucesso");
    }

    /** What really became of an operation; Declined ("NF") if it never reached the simulator. */
    @Override
    public AcquirerAnswer query(TransactionId operation) {
        Outcome outcome = outcomes.get(operation);
        if (outcome == null && journal.isPresent()) {
            outcome = journal.get().find(operation)
                    .map(e -> new Outcome(e.truth(), e.pending(), e.whenCompleted())).orElse(null);
        }
        if (outcome == null) {
            return declined("NF", "Operação não encontrada");
        }
        return outcome.truth();
    }

    private AcquirerAnswer followUp(FollowUpRequest request, String message) {
        Fault fault = beforeCall();
        Amount limit = authorized.get(request.authorization());
        AcquirerAnswer answer = limit == null
                ? declined("NF", "Autorização não encontrada")
                : request.amount().exceeds(limit)
                ? declined("13", "Valor inválido")
                : new AcquirerAnswer.Approved(fields("00", message));
        return complete(request.operation(), fault, answer);
    }

    private Fault beforeCall() {
        sleep(latency);
        Fault fault = faults.poll();
        if (fault == Fault.FAIL) {
            throw new SimulatedOutage();
        }
        return fault;
    }

    private AcquirerAnswer complete(TransactionId operation, Fault fault, AcquirerAnswer answer) {
        if (fault == Fault.DECLINE) {
            answer = declined("57", "Transação não permitida");
        }
        boolean pending = fault == Fault.PENDING || answer instanceof AcquirerAnswer.Pending;
        AcquirerAnswer completed = answer instanceof AcquirerAnswer.Pending
                ? new AcquirerAnswer.Approved(fields("00", "Transação autorizada com sucesso"))
                : answer;
        AcquirerAnswer pendingAnswer = new AcquirerAnswer.Pending(fields("PE", "Transação pendente"));
        var outcome = new Outcome(pending ? pendingAnswer : completed, pending, completed);
        outcomes.put(operation, outcome);
        journal.ifPresent(j -> j.append(operation, new SimulatorJournal.Entry(outcome.truth(), outcome.pending(),
                outcome.whenCompleted())));
        if (fault == Fault.HANG) {
            sleep(hang);
        }
        if (fault == Fault.UNKNOWN) {
            return new AcquirerAnswer.Unknown("simulated timeout");
        }
        return pending ? pendingAnswer : answer;
    }

    private static String message(OperationType type, TestCard card) {
        boolean approves = card == TestCard.APPROVED || card == TestCard.TIMEOUT;
        return approves && type == OperationType.AUTH_AND_CAPTURE ? "Transação capturada com sucesso" : card.message();
    }

    private AcquirerAnswer.Declined declined(String code, String message) {
        return new AcquirerAnswer.Declined(code, message, fields(code, message));
    }

    /** Deterministic numbers: the n-th operation of a simulator always gets the same tid, nsu and code. */
    private AcquirerFields fields(String returnCode, String message) {
        return fields(returnCode, message, returnCode.equals("00"));
    }

    private AcquirerFields fields(String returnCode, String message, boolean approved) {
        long n = sequence.incrementAndGet();
        String tid = String.format("%09d", (n * 7_919L + 100_000_000L) % 1_000_000_000L);
        String nsu = String.format("%05d", (n * 613L + 10_000L) % 100_000L);
        String authCode = approved ? String.format("%03d", (n * 37L + 100L) % 1_000L) : "";
        return new AcquirerFields(NAME, tid, nsu, authCode, returnCode, message);
    }

    private static void sleep(Duration d) {
        if (d.isZero() || d.isNegative()) {
            return;
        }
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
