package dev.cofre.domain.charge;

import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * The charge lifecycle as types: each stage offers only the operations the state table allows
 * from it. Operations return the charge with a new transaction written in the status "no answer"
 * means, ready to be sent to the acquirer; {@link Charge#answered} then records the answer.
 */
public sealed interface ChargeStage {

    Charge charge();

    /**
     * The charge as the stage {@code type} if it is in it; else why {@code move} is not allowed
     * from where it stands.
     */
    static <S extends ChargeStage> Either<ChargeError, S> as(Class<S> type, Charge charge, Move move) {
        ChargeStage stage = charge.stage();
        return type.isInstance(stage)
                ? Either.right(type.cast(stage))
                : Either.left(new ChargeError.NotAllowed(Option.some(charge.lastTransaction().status()), move));
    }

    /** Authorized, nothing captured or voided yet (authorized_pending_capture). */
    record AwaitingCapture(Charge charge) implements ChargeStage {

        public Either<ChargeError, Charge> capture(Option<Amount> amount, TransactionId id,
                                                   Instant at) {
            Amount available = charge.money().authorized();
            return follow(charge, TransactionKind.CAPTURE, amount, available, Move.CAPTURE_FULL, Move.CAPTURE_PARTIAL,
                    id, at);
        }

        public Either<ChargeError, Charge> voidAuthorization(Option<Amount> amount, TransactionId id, Instant at) {
            Amount available = charge.money().authorized().minus(charge.money().captured());
            return follow(charge, TransactionKind.VOID, amount, available, Move.VOID_FULL, Move.VOID_PARTIAL,
                    id, at);
        }
    }

    /** Captured, with something left to refund (captured, partial_capture, partial_refunded). */
    record Refundable(Charge charge) implements ChargeStage {

        /** Refunds are cumulative: the charge is refunded once they add up to what was captured. */
        public Either<ChargeError, Charge> refund(Option<Amount> amount, TransactionId id, Instant at) {
            return follow(charge, TransactionKind.REFUND, amount, charge.money().refundable(), Move.REFUND_REST,
                    Move.REFUND_PART, id, at);
        }
    }

    /** Its last transaction awaits an answer (with_error, waiting_*, error_on_*). */
    record InDoubt(Charge charge) implements ChargeStage {

        public Transaction transaction() {
            return charge.lastTransaction();
        }

        public Either<ChargeError, Charge> reconcile(AcquirerAnswer answer, Instant at) {
            Transaction last = transaction();
            return TransitionTable.reconcile(last.status(), last.move(), answer.kind(), last.before())
                    .map(to -> to == last.status() && answer.receipt().isEmpty()
                            ? charge
                            : charge.replaceLast(last.movedTo(to, answer, at)));
        }
    }

    /** Nothing more can happen: not_authorized, voided, partial_void, refunded, failed. */
    record Closed(Charge charge) implements ChargeStage {
    }

    private static Either<ChargeError, Charge> follow(Charge charge, TransactionKind kind, Option<Amount> requested,
                                                      Amount available, Move whole, Move part, TransactionId id, Instant at) {
        Amount amount = requested.getOrElse(available);
        if (amount.isZero()) {
            return Either.left(requested.isDefined() ? new ChargeError.AmountNotPositive()
                    : new ChargeError.AmountExceedsAvailable(kind, available));
        }
        if (amount.exceeds(available)) {
            return Either.left(new ChargeError.AmountExceedsAvailable(kind, available));
        }
        Move move = amount.equals(available) ? whole : part;
        TransactionStatus from = charge.lastTransaction().status();
        return TransitionTable.answer(Option.some(from), move, AcquirerAnswer.Kind.UNKNOWN)
                .map(inDoubt -> charge.append(new Transaction(id, move, amount, inDoubt, Option.some(from),
                        Option.none(), Option.none(), Option.none(), at, at)));
    }
}
