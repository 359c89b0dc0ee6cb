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
 * Voids an authorized, uncaptured charge, all of it (no amount) or part of it. A retry under the
 * same idempotency key gets the first void back, never a second one.
 */
public final class VoidCharge {

    /** Unchecked: every invalid field is reported at once. No amount means all that is left. */
    public record Command(String chargeId, Long amount, String idempotencyKey) {
    }

    private final FollowUps followUps;

    VoidCharge(FollowUps followUps) {
        this.followUps = followUps;
    }

    public Either<DomainError, Charge> voidAuthorization(MerchantId merchant, Command command) {
        return followUps.run(merchant, command.chargeId(), command.amount(), command.idempotencyKey(),
                TransactionKind.VOID, VoidCharge::plan, Acquirer::voidAuthorization);
    }

    /** Only an authorized charge awaiting capture can be voided. */
    private static Either<ChargeError, Charge> plan(Charge charge, Option<Amount> amount, TransactionId id, Instant at) {
        return ChargeStage.as(ChargeStage.AwaitingCapture.class, charge, amount.isDefined() ? Move.VOID_PARTIAL : Move.VOID_FULL)
                .flatMap(awaiting -> awaiting.voidAuthorization(amount, id, at));
    }
}
