package dev.cofre.application.charge;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeStage;
import dev.cofre.domain.charge.Move;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.charge.TransactionKind;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Refunds a captured charge: what is left (no amount) or part of it. Refunds add up; the charge is
 * refunded once they reach what was captured. A retry under the same key never refunds twice.
 */
public final class RefundCharge {

    /** Unchecked: every invalid field is reported at once. No amount means all that is left. */
    public record Command(String chargeId, Long amount, String idempotencyKey) {
    }

    private final FollowUps followUps;

    RefundCharge(FollowUps followUps) {
        this.followUps = followUps;
    }

    public Either<DomainError, Charge> refund(MerchantId merchant, Command command) {
        return followUps.run(merchant, command.chargeId(), command.amount(), command.idempotencyKey(),
                TransactionKind.REFUND, RefundCharge::plan, Acquirer::refund);
    }

    /** Only a charge with something captured and not yet refunded can be refunded. */
    private static Either<ChargeError, Charge> plan(Charge charge, Option<Amount> amount, TransactionId id, Instant at) {
        return ChargeStage.as(ChargeStage.Refundable.class, charge, amount.isDefined() ? Move.REFUND_PART : Move.REFUND_REST)
                .flatMap(refundable -> refundable.refund(amount, id, at));
    }
}
