package dev.cofre.domain.charge;

import static dev.cofre.domain.charge.AcquirerAnswer.Kind.*;
import static dev.cofre.domain.charge.Move.*;
import static dev.cofre.domain.charge.TransactionStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.charge.AcquirerAnswer.Kind;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** DESIGN.md's charge state machine, written out row by row and checked against every possible triple. */
class TransitionTableTest {

    private static final List<Option<TransactionStatus>> EVERY_FROM =
            List.of(TransactionStatus.values()).map(Option::some).prepend(Option.none());

    /** (from, move) -> [approved, declined, pending, unknown]. Every pair not here is refused. */
    private static final Map<Tuple2<Option<TransactionStatus>, Move>, List<TransactionStatus>> STARTS = HashMap
            .<Tuple2<Option<TransactionStatus>, Move>, List<TransactionStatus>>empty()
            .put(Tuple.of(Option.none(), AUTHORIZE_ONLY), List.of(AUTHORIZED_PENDING_CAPTURE, NOT_AUTHORIZED, WITH_ERROR, WITH_ERROR))
            .put(Tuple.of(Option.none(), AUTHORIZE_AND_CAPTURE), List.of(CAPTURED, NOT_AUTHORIZED, WITH_ERROR, WITH_ERROR))
            .put(Tuple.of(Option.some(AUTHORIZED_PENDING_CAPTURE), CAPTURE_FULL), List.of(CAPTURED, WITH_ERROR, WAITING_CAPTURE, WITH_ERROR))
            .put(Tuple.of(Option.some(AUTHORIZED_PENDING_CAPTURE), CAPTURE_PARTIAL), List.of(PARTIAL_CAPTURE, WITH_ERROR, WAITING_CAPTURE, WITH_ERROR))
            .put(Tuple.of(Option.some(AUTHORIZED_PENDING_CAPTURE), VOID_FULL), List.of(VOIDED, ERROR_ON_VOIDING, WAITING_CANCELLATION, ERROR_ON_VOIDING))
            .put(Tuple.of(Option.some(AUTHORIZED_PENDING_CAPTURE), VOID_PARTIAL), List.of(PARTIAL_VOID, ERROR_ON_VOIDING, WAITING_CANCELLATION, ERROR_ON_VOIDING))
            .merge(refundRows(CAPTURED)).merge(refundRows(PARTIAL_CAPTURE)).merge(refundRows(PARTIAL_REFUNDED));

    private static Map<Tuple2<Option<TransactionStatus>, Move>, List<TransactionStatus>> refundRows(TransactionStatus from) {
        return HashMap.of(
                Tuple.of(Option.some(from), REFUND_REST), List.of(REFUNDED, ERROR_ON_REFUNDING, ERROR_ON_REFUNDING, ERROR_ON_REFUNDING),
                Tuple.of(Option.some(from), REFUND_PART), List.of(PARTIAL_REFUNDED, ERROR_ON_REFUNDING, ERROR_ON_REFUNDING, ERROR_ON_REFUNDING));
    }

    @Test
    void everyStartingMoveEndsWhereTheTableSaysAndEveryOtherMoveIsRefused() {
        int checked = 0;
        for (Option<TransactionStatus> from : EVERY_FROM) {
            for (Move move : Move.values()) {
                for (Kind answer : Kind.values()) {
                    var result = TransitionTable.answer(from, move, answer);
                    var expected = STARTS.get(Tuple.of(from, move));
                    if (expected.isDefined()) {
                        assertEquals(expected.get().get(answer.ordinal()), result.get(), from + " " + move + " " + answer);
                    } else {
                        assertTrue(result.isLeft(), from + " " + move + " " + answer + " should be refused");
                        assertEquals(810, result.getLeft().code());
                    }
                    checked++;
                }
            }
        }
        assertEquals(15 * 8 * 4, checked);
    }

    @Test
    void aChargeRefusedBeforeTheAcquirerFails() {
        assertEquals(FAILED, TransitionTable.rejectedBeforeAcquirer());
        assertTrue(TransitionTable.allows(Option.none(), FAILED));
    }

    /** (in-doubt status, move) -> [approved, declined, pending, unknown]; null means "back to before". */
    private static final Map<Tuple2<TransactionStatus, Move>, java.util.List<TransactionStatus>> RECONCILES = HashMap
            .<Tuple2<TransactionStatus, Move>, java.util.List<TransactionStatus>>empty()
            .put(Tuple.of(WITH_ERROR, AUTHORIZE_ONLY), java.util.Arrays.asList(AUTHORIZED_PENDING_CAPTURE, NOT_AUTHORIZED, WITH_ERROR, WITH_ERROR))
            .put(Tuple.of(WITH_ERROR, AUTHORIZE_AND_CAPTURE), java.util.Arrays.asList(CAPTURED, NOT_AUTHORIZED, WITH_ERROR, WITH_ERROR))
            .put(Tuple.of(WITH_ERROR, CAPTURE_FULL), java.util.Arrays.asList(CAPTURED, null, WAITING_CAPTURE, WITH_ERROR))
            .put(Tuple.of(WAITING_CAPTURE, CAPTURE_FULL), java.util.Arrays.asList(CAPTURED, null, WAITING_CAPTURE, WAITING_CAPTURE))
            .put(Tuple.of(WITH_ERROR, CAPTURE_PARTIAL), java.util.Arrays.asList(PARTIAL_CAPTURE, null, WAITING_CAPTURE, WITH_ERROR))
            .put(Tuple.of(WAITING_CAPTURE, CAPTURE_PARTIAL), java.util.Arrays.asList(PARTIAL_CAPTURE, null, WAITING_CAPTURE, WAITING_CAPTURE))
            .put(Tuple.of(ERROR_ON_VOIDING, VOID_FULL), java.util.Arrays.asList(VOIDED, null, WAITING_CANCELLATION, ERROR_ON_VOIDING))
            .put(Tuple.of(WAITING_CANCELLATION, VOID_FULL), java.util.Arrays.asList(VOIDED, null, WAITING_CANCELLATION, WAITING_CANCELLATION))
            .put(Tuple.of(ERROR_ON_VOIDING, VOID_PARTIAL), java.util.Arrays.asList(PARTIAL_VOID, null, WAITING_CANCELLATION, ERROR_ON_VOIDING))
            .put(Tuple.of(WAITING_CANCELLATION, VOID_PARTIAL), java.util.Arrays.asList(PARTIAL_VOID, null, WAITING_CANCELLATION, WAITING_CANCELLATION))
            .put(Tuple.of(ERROR_ON_REFUNDING, REFUND_REST), java.util.Arrays.asList(REFUNDED, null, ERROR_ON_REFUNDING, ERROR_ON_REFUNDING))
            .put(Tuple.of(ERROR_ON_REFUNDING, REFUND_PART), java.util.Arrays.asList(PARTIAL_REFUNDED, null, ERROR_ON_REFUNDING, ERROR_ON_REFUNDING));

    @Test
    void reconcilingAnInDoubtTransactionMovesItToWhatTheAnswerMeansAndNothingElseIsReconcilable() {
        int accepted = 0;
        for (TransactionStatus inDoubt : TransactionStatus.values()) {
            for (Move move : Move.values()) {
                for (Kind answer : Kind.values()) {
                    for (Option<TransactionStatus> before : EVERY_FROM) {
                        var result = TransitionTable.reconcile(inDoubt, move, answer, before);
                        var row = RECONCILES.get(Tuple.of(inDoubt, move));
                        boolean validBefore = move.kind() == TransactionKind.AUTHORIZATION
                                || before.exists(b -> TransitionTable.startsOf(move).contains(b));
                        if (row.isDefined() && validBefore) {
                            TransactionStatus expected = row.get().get(answer.ordinal());
                            assertEquals(expected == null ? before.get() : expected, result.get(),
                                    inDoubt + " " + move + " " + answer + " before " + before);
                            accepted++;
                        } else {
                            assertTrue(result.isLeft(), inDoubt + " " + move + " " + answer + " should be refused");
                        }
                    }
                }
            }
        }
        assertTrue(accepted > 0);
    }

    @Test
    void aDeclinedRefundFoundOnReconciliationLeavesTheChargeAsItWasBeforeTheRefund() {
        assertEquals(PARTIAL_REFUNDED,
                TransitionTable.reconcile(ERROR_ON_REFUNDING, REFUND_PART, DECLINED, Option.some(PARTIAL_REFUNDED)).get());
        assertEquals(PARTIAL_CAPTURE,
                TransitionTable.reconcile(ERROR_ON_REFUNDING, REFUND_REST, DECLINED, Option.some(PARTIAL_CAPTURE)).get());
    }

    @Test
    void noStatusLeadsOutOfATerminalStatus() {
        for (var edge : TransitionTable.EDGES) {
            assertTrue(edge._1.forAll(from -> !from.isTerminal()), "edge out of terminal status: " + edge);
        }
    }

    @Test
    void theTableReachesEveryOneOfTheFourteenStatuses() {
        assertEquals(14, TransitionTable.EDGES.map(e -> e._2).size());
    }

    @Test
    void aChargeStatusFollowsFromItsLastTransaction() {
        assertEquals(ChargeStatus.PENDING, AUTHORIZED_PENDING_CAPTURE.chargeStatus());
        assertEquals(ChargeStatus.PAID, CAPTURED.chargeStatus());
        assertEquals(ChargeStatus.PAID, PARTIAL_CAPTURE.chargeStatus());
        assertEquals(ChargeStatus.PAID, PARTIAL_REFUNDED.chargeStatus());
        assertEquals(ChargeStatus.CANCELED, REFUNDED.chargeStatus());
        assertEquals(ChargeStatus.CANCELED, VOIDED.chargeStatus());
        assertEquals(ChargeStatus.CANCELED, PARTIAL_VOID.chargeStatus());
        assertEquals(ChargeStatus.FAILED, NOT_AUTHORIZED.chargeStatus());
        assertEquals(ChargeStatus.FAILED, FAILED.chargeStatus());
        for (TransactionStatus s : TransactionStatus.values()) {
            if (s.isInDoubt()) {
                assertEquals(ChargeStatus.PROCESSING, s.chargeStatus(), s.wireName());
            }
        }
    }

    @Test
    void statusesAreNamedAsSeed002PrintsThem() {
        assertEquals(List.of("authorized_pending_capture", "not_authorized", "captured", "partial_capture",
                        "waiting_capture", "refunded", "voided", "partial_refunded", "partial_void", "error_on_voiding",
                        "error_on_refunding", "waiting_cancellation", "with_error", "failed"),
                List.of(TransactionStatus.values()).map(TransactionStatus::wireName));
    }
}
