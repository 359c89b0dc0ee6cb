package dev.cofre.application.charge;

import dev.cofre.application.Idempotent;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.charge.TransactionKind;
import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.idempotency.IdempotentRequest;
import dev.cofre.domain.idempotency.RequestFingerprint;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Instant;
import java.util.function.BiFunction;

/**
 * The steps every capture, void and refund shares: check every field at once; claim the
 * idempotency key and write the new transaction in its "no answer" status in one transaction; call
 * the acquirer outside it; record the answer. A retry gets the charge back without a second call.
 * A crash between the steps leaves the transaction in doubt for reconciliation.
 */
final class FollowUps {

    /** The operation on the charge, through its stage: the charge with its new in-doubt transaction, or why not. */
    @FunctionalInterface
    interface Plan {
        Either<ChargeError, Charge> apply(Charge charge, Option<Amount> amount, TransactionId id, Instant at);
    }

    private record Parsed(String charge, Option<Amount> amount, IdempotencyKey key) {
    }

    /** The charge after the operation was written, and whether the acquirer still has to be asked (not on a replay). */
    private record Written(Charge charge, boolean send) {
    }

    private final Charges charges;
    private final IdempotencyKeys idempotency;
    private final Acquirer acquirer;
    private final Transactions transactions;
    private final Ids ids;
    private final Clock clock;

    FollowUps(ChargeStores stores, Acquirer acquirer, Ids ids, Clock clock) {
        this.charges = stores.charges();
        this.idempotency = stores.idempotency();
        this.transactions = stores.transactions();
        this.acquirer = acquirer;
        this.ids = ids;
        this.clock = clock;
    }

    Either<DomainError, Charge> run(MerchantId merchant, String chargeId, Long amount, String key,
                                    TransactionKind kind, Plan plan,
                                    BiFunction<Acquirer, Acquirer.FollowUpRequest, AcquirerAnswer> call) {
        Either<InvalidInput, Parsed> parsed = parse(chargeId, amount, key);
        if (parsed.isLeft()) {
            return Either.left(parsed.getLeft());
        }
        Parsed p = parsed.get();
        if (!p.charge().startsWith("ch_")) {
            return Either.left(new ChargeError.ChargeNotFound());
        }
        ChargeId id = new ChargeId(p.charge());
        // one key space for every charge operation: a capture's key reused for a refund is refused
        var request = new IdempotentRequest(merchant, ChargeStores.IDEMPOTENCY_SCOPE, p.key(), RequestFingerprint.of(
                kind.name(), id.value(), p.amount().map(a -> Long.toString(a.cents())).getOrElse("all")));
        TransactionId tx = new TransactionId(ids.prefixed("tran_", 16));
        Either<DomainError, Written> written = Idempotent.run(transactions, idempotency, Option.some(request),
                new Idempotent.Memory<Written>(w -> w.charge().id().value(), first -> charges.find(merchant, id)
                        .<DomainError>toEither(ChargeError.ChargeNotFound::new).map(c -> new Written(c, false))),
                () -> charges.find(merchant, id)
                        .<ChargeError>toEither(ChargeError.ChargeNotFound::new)
                        .flatMap(charge -> plan.apply(charge, p.amount(), tx, clock.instant()))
                        .flatMap(charges::update)
                        .map(c -> new Written(c, true)));
        return written.flatMap(w -> {
            if (!w.send()) {
                return Either.right(w.charge());
            }
            Charge charge = w.charge();
            AcquirerAnswer answer = call.apply(acquirer, new Acquirer.FollowUpRequest(tx, charge.authorization().id(),
                    merchant, charge.lastTransaction().amount()));
            return record(charges, transactions, merchant, id, tx, answer, clock);
        });
    }

    /** Every invalid field at once. A charge id that is not one of ours is simply not found, later. */
    private static Either<InvalidInput, Parsed> parse(String chargeId, Long amount, String key) {
        Either<InvalidInput, String> id = chargeId == null || chargeId.isBlank()
                ? Either.left(InvalidInput.missing("chargeId"))
                : chargeId.length() > 64
                ? Either.left(InvalidInput.of("chargeId", "must have at most 64 characters"))
                : Either.right(chargeId);
        Either<InvalidInput, Option<Amount>> requested = amount == null
                ? Either.right(Option.none())
                : amount <= 0
                ? Either.left(InvalidInput.of("amount", "must be greater than zero"))
                : Either.right(Option.some(Amount.of(amount)));
        return Validation.combine(Validation.fromEither(id), Validation.fromEither(requested),
                        Validation.fromEither(IdempotencyKey.parse("idempotencyKey", key)))
                .ap(Parsed::new)
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither();
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
}
