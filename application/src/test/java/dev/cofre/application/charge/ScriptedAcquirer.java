package dev.cofre.application.charge;

import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.AcquirerAnswer.Kind;
import dev.cofre.domain.charge.AcquirerFields;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.OperationType;
import dev.cofre.domain.charge.TransactionId;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An acquirer whose answers the test scripts: each call takes the next (answer, truth) pair,
 * approved by default. The truth is what really happened, which {@link #query} tells and which the
 * test may change later (a pending operation completing). It keeps the books a real acquirer would:
 * what it authorized, captured, voided and refunded per authorization.
 */
public final class ScriptedAcquirer implements Acquirer {

    /** One operation as the acquirer saw it. */
    public record Operation(String kind, TransactionId authorization, Amount amount, boolean captures, Kind truth) {
    }

    private final Deque<Kind[]> script = new ArrayDeque<>();
    private final Map<TransactionId, Operation> operations = new LinkedHashMap<>();
    private int calls;

    /** The next call answers {@code answer}; what really happened is {@code truth}. */
    public synchronized void next(Kind answer, Kind truth) {
        script.add(new Kind[] {answer, truth});
    }

    /** Forgets answers scripted for calls that were never made. */
    public synchronized void clearScript() {
        script.clear();
    }

    public void next(Kind answer) {
        next(answer, answer);
    }

    /** What really happened to an operation becomes {@code truth} (a pending one completes, say). */
    public synchronized void settle(TransactionId operation, Kind truth) {
        operations.computeIfPresent(operation, (id, op) -> new Operation(op.kind(), op.authorization(), op.amount(),
                op.captures(), truth));
    }

    public synchronized Map<TransactionId, Operation> operations() {
        return operations;
    }

    public synchronized int calls() {
        return calls;
    }

    /** What the acquirer really did with the operations of one authorization, by kind. */
    public synchronized Amount total(TransactionId authorization, String kind) {
        return operations.values().stream()
                .filter(op -> op.authorization().equals(authorization) && op.truth() == Kind.APPROVED)
                .filter(op -> op.kind().equals(kind) || (kind.equals("capture") && op.captures()))
                .map(Operation::amount)
                .reduce(Amount.ZERO, Amount::plus);
    }

    @Override
    public AcquirerAnswer authorize(AuthorizationRequest request) {
        return call(request.operation(), new Operation("authorize", request.operation(), request.amount(),
                request.type() == OperationType.AUTH_AND_CAPTURE, Kind.UNKNOWN));
    }

    @Override
    public AcquirerAnswer capture(FollowUpRequest request) {
        return call(request.operation(), new Operation("capture", request.authorization(), request.amount(), false,
                Kind.UNKNOWN));
    }

    @Override
    public AcquirerAnswer voidAuthorization(FollowUpRequest request) {
        return call(request.operation(), new Operation("void", request.authorization(), request.amount(), false,
                Kind.UNKNOWN));
    }

    @Override
    public AcquirerAnswer refund(FollowUpRequest request) {
        return call(request.operation(), new Operation("refund", request.authorization(), request.amount(), false,
                Kind.UNKNOWN));
    }

    @Override
    public synchronized AcquirerAnswer query(TransactionId operation) {
        Operation op = operations.get(operation);
        return op == null ? answer(Kind.DECLINED) : answer(op.truth());
    }

    private synchronized AcquirerAnswer call(TransactionId id, Operation operation) {
        calls++;
        Kind[] next = script.isEmpty() ? new Kind[] {Kind.APPROVED, Kind.APPROVED} : script.poll();
        operations.put(id, new Operation(operation.kind(), operation.authorization(), operation.amount(),
                operation.captures(), next[1]));
        return answer(next[0]);
    }

    private static AcquirerAnswer answer(Kind kind) {
        AcquirerFields fields = new AcquirerFields("scripted", "806863466", "66184", "890", "00", "ok");
        switch (kind) {
            case APPROVED:
                return new AcquirerAnswer.Approved(fields);
            case DECLINED:
                return new AcquirerAnswer.Declined("05", "Transação não autorizada", fields);
            case PENDING:
                return new AcquirerAnswer.Pending(fields);
            default:
                return new AcquirerAnswer.Unknown("scripted timeout");
        }
    }
}
