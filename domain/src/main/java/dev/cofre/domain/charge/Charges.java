package dev.cofre.domain.charge;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The charge store. Reads are scoped by merchant: another merchant's charge is simply absent.
 * Retries are recognised by {@link dev.cofre.domain.idempotency.IdempotencyKeys}, not here.
 */
public interface Charges {

    /** Stores a new charge; {@link ChargeError.ConcurrentUpdate} if its id is taken. */
    Either<ChargeError, Charge> add(Charge charge);

    Option<Charge> find(MerchantId merchant, ChargeId id);

    /** The charge of an order (an order has one charge); another merchant's order is absent. */
    Option<Charge> findByOrder(MerchantId merchant, OrderId order);

    /**
     * Saves a changed charge if nobody changed it since it was read ({@code version - 1} is the
     * version read), else {@link ChargeError.ConcurrentUpdate}.
     */
    Either<ChargeError, Charge> update(Charge changed);

    /** Every charge, of every merchant, whose last transaction is in doubt: the reconciliation's work. */
    List<Charge> inDoubt();
}
