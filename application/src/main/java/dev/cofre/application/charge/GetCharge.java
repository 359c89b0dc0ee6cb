package dev.cofre.application.charge;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.OrderId;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;

/** Reads one of the merchant's charges; an unknown id, a malformed one and another merchant's are all "not found". */
public final class GetCharge {

    private final Charges charges;

    GetCharge(Charges charges) {
        this.charges = charges;
    }

    public Either<DomainError, Charge> get(MerchantId merchant, String chargeId) {
        if (chargeId == null || !chargeId.startsWith("ch_")) {
            return Either.left(new ChargeError.ChargeNotFound());
        }
        return charges.find(merchant, new ChargeId(chargeId)).toEither(ChargeError.ChargeNotFound::new);
    }

    /** The charge of one of the merchant's orders, by the order's id. */
    public Either<DomainError, Charge> byOrder(MerchantId merchant, String orderId) {
        if (orderId == null || !orderId.startsWith("or_")) {
            return Either.left(new ChargeError.ChargeNotFound());
        }
        return charges.findByOrder(merchant, new OrderId(orderId)).toEither(ChargeError.ChargeNotFound::new);
    }
}
