package dev.cofre.application.charge;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.IdempotencyKey;
import dev.cofre.domain.charge.Transaction;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.charge.TransactionKind;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The steps every capture, void and refund shares: replay a known idempotency key; write the new
 * transaction in its "no answer" status; call the acquirer outside any store transaction; record
 * the answer. A crash between the steps leaves the transaction in doubt for reconciliation.
 */
final class FollowUps {

    /** Plans the operation on a charge: the charge with its new in-doubt transaction, or why not. */
    @FunctionalInterface
    interface Plan {
        Either<ChargeError, Charge> apply(Charge charge, Option<Amount> amount, TransactionId id, IdempotencyKey key,
                                          Instant at);
    }

    private final Charges charges;
    private final Acquirer acquirer;
    private final Transactions transactions;
    private final Ids ids;
    private final Clock clock;

    FollowUps(Charges charges, Acquirer acquirer, Transactions transactions, Ids ids, Clock clock) {
        this.charges = charges;
        this.acquirer = acquirer;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    <C> Either<DomainError, Charge> run(MerchantId merchant, C command, String chargeId, Long amount, String key,
                                        TransactionKind kind, Plan plan,
                                        BiFunction<Acquirer, Acquirer.FollowUpRequest, AcquirerAnswer> call) {
        Either<DomainError, C> valid = Commands.validate(command).mapLeft(e -> e);
        if (valid.isLeft()) {
            return Either.left(valid.getLeft());
        }
        Either<DomainError, IdempotencyKey> parsedKey = IdempotencyKey.parse("idempotencyKey", key).mapLeft(e -> e);
        if (parsedKey.isLeft()) {
            return Either.left(parsedKey.getLeft());
        }
        IdempotencyKey idempotencyKey = parsedKey.get();
        Option<Amount> requested = Option.of(amount).map(Amount::of);
        if (!chargeId.startsWith("ch_")) {
            return Either.left(new ChargeError.ChargeNotFound());
        }
        ChargeId id = new ChargeId(chargeId);
        Option<Charge> known = charges.findByKey(merchant, idempotencyKey);
        if (known.isDefined()) {
            return replay(known.get(), id, idempotencyKey, kind, requested);
        }
        TransactionId tx = new TransactionId(ids.prefixed("tran_", 16));
        Either<ChargeError, Charge> planned = transactions.inTransaction(() -> charges.findByKey(merchant, idempotencyKey)
                .isDefined()
                ? Either.left(new ChargeError.IdempotencyKeyReused()) // the same key got here first: replayed below
                : charges.find(merchant, id)
                .<ChargeError>toEither(ChargeError.ChargeNotFound::new)
                .flatMap(charge -> plan.apply(charge, requested, tx, idempotencyKey, clock.instant()))
                .flatMap(charges::update));
        if (planned.isLeft()) {
            if (planned.getLeft() instanceof ChargeError.IdempotencyKeyReused) {
                // the same key raced us in: answer as the first request will
                return charges.findByKey(merchant, idempotencyKey)
                        .map(c -> replay(c, id, idempotencyKey, kind, requested))
                        .getOrElse(Either.left(planned.getLeft()));
            }
            return Either.left(planned.getLeft());
        }
        Charge charge = planned.get();
        Transaction sent = charge.lastTransaction();
        AcquirerAnswer answer = call.apply(acquirer, new Acquirer.FollowUpRequest(tx, charge.authorization().id(),
                merchant, sent.amount()));
        return record(charges, transactions, merchant, id, tx, answer, clock);
    }

    /** Records the acquirer's answer on the transaction it was for, unless reconciliation got there first. */
    static Either<DomainError, Charge> record(Charges charges, Transactions transactions, MerchantId merchant,
                                              ChargeId id, TransactionId tx, AcquirerAnswer answer, Clock clock) {
        return transactions.inTransaction(() -> {
            Option<Charge> current = charges.find(merchant, id);
            if (current.isEmpty()) {
                return Either.left(new ChargeError.ChargeNotFound());
            }
            return current.get().answered(tx, answer, clock.instant())
                    .fold(alreadySettled -> Either.<DomainError, Charge>right(current.get()),
                            changed -> charges.update(changed).mapLeft(e -> (DomainError) e));
        });
    }

    private static Either<DomainError, Charge> replay(Charge charge, ChargeId id, IdempotencyKey key,
                                                      TransactionKind kind, Option<Amount> requested) {
        Option<Transaction> first = charge.transaction(key);
        boolean same = charge.id().equals(id)
                && first.exists(t -> t.kind() == kind && requested.forAll(a -> a.equals(t.amount())));
        return same ? Either.right(charge) : Either.left(new ChargeError.IdempotencyKeyReused());
    }
}
