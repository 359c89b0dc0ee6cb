package dev.cofre.domain.charge;

import static dev.cofre.domain.charge.TransactionStatus.*;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * A charge of an order's amount to one card, and every transaction made for it. Its status is
 * the status its last transaction means; its money is the sum of its settled transactions. What
 * may be done next is offered by its {@link ChargeStage}: capture and void only by an
 * awaiting-capture charge, refund only by a refundable one, reconcile only by one in doubt.
 */
public record Charge(ChargeId id, MerchantId merchant, Order order, CreditCardPayment payment, CardSummary card,
                     List<Transaction> transactions, Instant createdAt, long version) {

    public Charge {
        java.util.Objects.requireNonNull(id, "id");
        java.util.Objects.requireNonNull(merchant, "merchant");
        java.util.Objects.requireNonNull(order, "order");
        java.util.Objects.requireNonNull(payment, "payment");
        java.util.Objects.requireNonNull(card, "card");
        java.util.Objects.requireNonNull(createdAt, "createdAt");
        if (transactions == null || transactions.isEmpty()
                || transactions.head().kind() != TransactionKind.AUTHORIZATION
                || transactions.tail().exists(t -> t.kind() == TransactionKind.AUTHORIZATION)) {
            throw new IllegalArgumentException("a charge starts with its one authorization");
        }
        if (!merchant.equals(order.merchant())) {
            throw new IllegalArgumentException("a charge belongs to its order's merchant");
        }
        money(transactions); // refuses a charge that created or lost money
    }

    /**
     * A new charge whose authorization is about to be sent: written before the acquirer is called,
     * in the status "no answer" means, so that a crash or a timeout leaves it in doubt, never lost.
     */
    public static Charge authorizing(ChargeId id, Order order, CreditCardPayment payment, CardSummary card,
                                     TransactionId transaction, Instant now) {
        Move move = payment.operationType().move();
        var auth = new Transaction(transaction, move, order.amount(), TransitionTable.beforeAnswer(move),
                Option.none(), Option.none(), Option.none(), Option.none(), now, now);
        return new Charge(id, order.merchant(), order, payment, card, List.of(auth), now, 1);
    }

    /** A new charge refused before the acquirer was asked: its one transaction has failed. */
    public static Charge rejected(ChargeId id, Order order, CreditCardPayment payment, CardSummary card,
                                  TransactionId transaction, Rejection why, Instant now) {
        var auth = new Transaction(transaction, payment.operationType().move(), order.amount(),
                TransitionTable.rejectedBeforeAcquirer(), Option.none(), Option.none(), Option.none(), Option.some(why),
                now, now);
        return new Charge(id, order.merchant(), order, payment, card, List.of(auth), now, 1);
    }

    public Amount amount() {
        return order.amount();
    }

    /**
     * The charge once the card it was made to has been saved in the vault as {@code reference} (a sale
     * that saves the card, after its authorization succeeded): the next version, its card's
     * {@code vaulted} set.
     */
    public Charge withSavedCard(dev.cofre.domain.token.TokenReference reference) {
        var saved = new CardSummary(card.source(), card.card(), card.holder(), card.expiry(), Option.some(reference));
        return new Charge(id, merchant, order, payment, saved, transactions, createdAt, version + 1);
    }

    public Transaction authorization() {
        return transactions.head();
    }

    public Transaction lastTransaction() {
        return transactions.last();
    }

    /** Derived from the last transaction, never stored. */
    public ChargeStatus status() {
        return lastTransaction().status().chargeStatus();
    }

    public ChargeMoney money() {
        return money(transactions);
    }

    public Option<Transaction> transaction(TransactionId id) {
        return transactions.find(t -> t.id().equals(id));
    }

    /** What may be done next, as a type: only an awaiting-capture charge can be captured, and so on. */
    public ChargeStage stage() {
        TransactionStatus last = lastTransaction().status();
        if (last.isInDoubt()) {
            return new ChargeStage.InDoubt(this);
        }
        if (last == AUTHORIZED_PENDING_CAPTURE) {
            return new ChargeStage.AwaitingCapture(this);
        }
        if (last == CAPTURED || last == PARTIAL_CAPTURE || last == PARTIAL_REFUNDED) {
            return new ChargeStage.Refundable(this);
        }
        return new ChargeStage.Closed(this);
    }

    /**
     * Records the acquirer's answer to the call that transaction {@code id} was written for, by the
     * table's answer columns. Refused if that transaction is no longer the one in doubt (a
     * reconciliation got there first).
     */
    public Either<ChargeError, Charge> answered(TransactionId id, AcquirerAnswer answer, Instant at) {
        Transaction last = lastTransaction();
        if (!last.id().equals(id) || last.status() != TransitionTable.beforeAnswer(last.move())) {
            return Either.left(new ChargeError.NothingInDoubt());
        }
        return TransitionTable.answer(last.before(), last.move(), answer.kind())
                .map(to -> replaceLast(last.movedTo(to, answer, at)));
    }

    Charge append(Transaction transaction) {
        return new Charge(id, merchant, order, payment, card, transactions.append(transaction), createdAt, version + 1);
    }

    Charge replaceLast(Transaction transaction) {
        return new Charge(id, merchant, order, payment, card, transactions.init().append(transaction), createdAt,
                version + 1);
    }

    private static ChargeMoney money(List<Transaction> transactions) {
        Transaction auth = transactions.head();
        Amount authorized = auth.tookEffect() ? auth.amount() : Amount.ZERO;
        Amount captured = sum(transactions, TransactionKind.CAPTURE)
                .plus(auth.tookEffect() && auth.move() == Move.AUTHORIZE_AND_CAPTURE ? auth.amount() : Amount.ZERO);
        Amount voided = sum(transactions, TransactionKind.VOID);
        Amount refunded = sum(transactions, TransactionKind.REFUND);
        boolean partiallyCaptured = transactions.exists(t -> t.move() == Move.CAPTURE_PARTIAL && t.tookEffect());
        Amount released = partiallyCaptured && !captured.exceeds(authorized) ? authorized.minus(captured) : Amount.ZERO;
        return new ChargeMoney(authorized, captured, voided, refunded, released);
    }

    /** What the transactions of one kind that took effect add up to. */
    private static Amount sum(List<Transaction> transactions, TransactionKind kind) {
        return transactions.filter(t -> t.kind() == kind && t.tookEffect())
                .foldLeft(Amount.ZERO, (s, t) -> s.plus(t.amount()));
    }

    @Override
    public String toString() {
        return "Charge[" + id + ", " + amount() + ", " + lastTransaction().status().wireName() + ", " + card + "]";
    }
}
