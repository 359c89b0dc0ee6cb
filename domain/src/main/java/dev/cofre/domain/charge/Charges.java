package dev.cofre.domain.charge;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The charge store. Reads are scoped by merchant: another merchant's charge is simply absent.
 * Idempotency keys are unique per merchant across every transaction, for every server sharing it.
 */
public interface Charges {

    /** Stores a new charge; {@link ChargeError.IdempotencyKeyReused} if its key is taken. */
    Either<ChargeError, Charge> add(Charge charge);

    Option<Charge> find(MerchantId merchant, ChargeId id);

    /** The charge that has a transaction made under this key, if any. */
    Option<Charge> findByKey(MerchantId merchant, IdempotencyKey key);

    /**
     * Saves a changed charge if nobody changed it since it was read ({@code version - 1} is the
     * version read), else {@link ChargeError.ConcurrentUpdate}; a new transaction's key already
     * taken is {@link ChargeError.IdempotencyKeyReused}.
     */
    Either<ChargeError, Charge> update(Charge changed);

    /** Every charge, of every merchant, whose last transaction is in doubt: the reconciliation's work. */
    List<Charge> inDoubt();
}
