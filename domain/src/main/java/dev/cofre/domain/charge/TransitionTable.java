package dev.cofre.domain.charge;

import static dev.cofre.domain.charge.TransactionStatus.*;

import dev.cofre.domain.charge.AcquirerAnswer.Kind;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Set;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * DESIGN.md's charge state machine, the one place that says which status follows which.
 *
 * <pre>
 * from                                          move                   approved          declined        pending               unknown
 * (new)                                         AUTHORIZE_ONLY         authorized_p_c    not_authorized  with_error            with_error
 * (new)                                         AUTHORIZE_AND_CAPTURE  captured          not_authorized  with_error            with_error
 * (new)                                         rejected before the acquirer: failed
 * authorized_pending_capture                    CAPTURE_FULL           captured          with_error      waiting_capture       with_error
 * authorized_pending_capture                    CAPTURE_PARTIAL        partial_capture   with_error      waiting_capture       with_error
 * authorized_pending_capture                    VOID_FULL              voided            error_on_voiding waiting_cancellation error_on_voiding
 * authorized_pending_capture                    VOID_PARTIAL           partial_void      error_on_voiding waiting_cancellation error_on_voiding
 * captured, partial_capture, partial_refunded   REFUND_REST            refunded          error_on_refunding (declined, pending, unknown)
 * captured, partial_capture, partial_refunded   REFUND_PART            partial_refunded  error_on_refunding (declined, pending, unknown)
 * </pre>
 *
 * <p>Reconciliation moves an in-doubt transaction (with_error, waiting_*, error_on_*) by what the
 * acquirer now says: approved gives the approved column of its move; declined means the operation
 * never happened, so an authorization becomes not_authorized and a capture, void or refund goes back
 * to the status the charge had before it; pending gives the pending column (a pending refund stays
 * error_on_refunding, a pending authorization stays with_error); unknown leaves it where it is.
 */
public final class TransitionTable {

    private TransitionTable() {
    }

    /** The settled statuses from which a move may start; authorizations start from nothing. */
    public static Set<TransactionStatus> startsOf(Move move) {
        switch (move.kind()) {
            case CAPTURE:
            case VOID:
                return HashSet.of(AUTHORIZED_PENDING_CAPTURE);
            case REFUND:
                return HashSet.of(CAPTURED, PARTIAL_CAPTURE, PARTIAL_REFUNDED);
            default:
                return HashSet.empty();
        }
    }

    /** Whether {@code move} may start when the charge's last transaction is {@code from} (none: a new charge). */
    public static boolean mayStart(Option<TransactionStatus> from, Move move) {
        return from.fold(() -> move.kind() == TransactionKind.AUTHORIZATION, s -> startsOf(move).contains(s));
    }

    /** The status a move started from {@code from} ends in, given the acquirer's answer. */
    public static Either<ChargeError, TransactionStatus> answer(Option<TransactionStatus> from, Move move, Kind answer) {
        if (!mayStart(from, move)) {
            return Either.left(new ChargeError.NotAllowed(from, move));
        }
        return Either.right(answered(move, answer));
    }

    /** The status a new charge ends in when Cofre refuses it before asking the acquirer. */
    public static TransactionStatus rejectedBeforeAcquirer() {
        return FAILED;
    }

    /**
     * The status an in-doubt transaction made by {@code move} moves to when the acquirer answers
     * {@code answer} now. {@code before} is the status the charge had before the move (unused for
     * authorizations).
     */
    public static Either<ChargeError, TransactionStatus> reconcile(TransactionStatus inDoubt, Move move, Kind answer,
                                                                   Option<TransactionStatus> before) {
        if (!inDoubtStatusesOf(move).contains(inDoubt)) {
            return Either.left(new ChargeError.NotAllowed(Option.some(inDoubt), move));
        }
        if (move.kind() != TransactionKind.AUTHORIZATION
                && !before.exists(b -> startsOf(move).contains(b))) {
            return Either.left(new ChargeError.NotAllowed(before, move));
        }
        switch (answer) {
            case APPROVED:
            case PENDING:
                return Either.right(answered(move, answer));
            case DECLINED:
                return Either.right(move.kind() == TransactionKind.AUTHORIZATION ? NOT_AUTHORIZED : before.get());
            default:
                return Either.right(inDoubt);
        }
    }

    /** The in-doubt statuses a move can leave its transaction in. */
    public static Set<TransactionStatus> inDoubtStatusesOf(Move move) {
        return List.of(Kind.values()).map(k -> answered(move, k)).filter(TransactionStatus::isInDoubt).toSet();
    }

    /** The status a move's transaction has once the acquirer approved it: the only one in which it counts. */
    public static TransactionStatus approved(Move move) {
        return answered(move, Kind.APPROVED);
    }

    /** The status a transaction is written with before the acquirer is called: what "no answer" means. */
    public static TransactionStatus beforeAnswer(Move move) {
        return answered(move, Kind.UNKNOWN);
    }

    /**
     * Every (from, to) pair the table allows, from none (a new charge) included. A status pair not
     * in this set is never reached.
     */
    public static final Set<Tuple2<Option<TransactionStatus>, TransactionStatus>> EDGES = edges();

    public static boolean allows(Option<TransactionStatus> from, TransactionStatus to) {
        return EDGES.contains(Tuple.of(from, to));
    }

    private static Set<Tuple2<Option<TransactionStatus>, TransactionStatus>> edges() {
        Set<Tuple2<Option<TransactionStatus>, TransactionStatus>> edges = HashSet.of(
                Tuple.of(Option.none(), FAILED));
        List<Option<TransactionStatus>> froms = List.of(TransactionStatus.values()).map(Option::some)
                .prepend(Option.none());
        for (Move move : Move.values()) {
            for (Kind kind : Kind.values()) {
                for (Option<TransactionStatus> from : froms) {
                    for (var to : answer(from, move, kind)) {
                        edges = edges.add(Tuple.of(from, to));
                    }
                }
                for (TransactionStatus inDoubt : inDoubtStatusesOf(move)) {
                    for (Option<TransactionStatus> before : froms) {
                        for (var to : reconcile(inDoubt, move, kind, before)) {
                            edges = edges.add(Tuple.of(Option.some(inDoubt), to));
                        }
                    }
                }
            }
        }
        return edges;
    }

    private static TransactionStatus answered(Move move, Kind answer) {
        switch (move) {
            case AUTHORIZE_ONLY:
                return pick(answer, AUTHORIZED_PENDING_CAPTURE, NOT_AUTHORIZED, WITH_ERROR, WITH_ERROR);
            case AUTHORIZE_AND_CAPTURE:
                return pick(answer, CAPTURED, NOT_AUTHORIZED, WITH_ERROR, WITH_ERROR);
            case CAPTURE_FULL:
                return pick(answer, CAPTURED, WITH_ERROR, WAITING_CAPTURE, WITH_ERROR);
            case CAPTURE_PARTIAL:
                return pick(answer, PARTIAL_CAPTURE, WITH_ERROR, WAITING_CAPTURE, WITH_ERROR);
            case VOID_FULL:
                return pick(answer, VOIDED, ERROR_ON_VOIDING, WAITING_CANCELLATION, ERROR_ON_VOIDING);
            case VOID_PARTIAL:
                return pick(answer, PARTIAL_VOID, ERROR_ON_VOIDING, WAITING_CANCELLATION, ERROR_ON_VOIDING);
            case REFUND_REST:
                return pick(answer, REFUNDED, ERROR_ON_REFUNDING, ERROR_ON_REFUNDING, ERROR_ON_REFUNDING);
            default:
                return pick(answer, PARTIAL_REFUNDED, ERROR_ON_REFUNDING, ERROR_ON_REFUNDING, ERROR_ON_REFUNDING);
        }
    }

    private static TransactionStatus pick(Kind answer, TransactionStatus approved, TransactionStatus declined,
                                          TransactionStatus pending, TransactionStatus unknown) {
        switch (answer) {
            case APPROVED:
                return approved;
            case DECLINED:
                return declined;
            case PENDING:
                return pending;
            default:
                return unknown;
        }
    }
}
