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
 * Captures an authorized charge, all of it (no amount) or part of it; a partial capture releases
 * the rest. A retry under the same idempotency key gets the first capture back, never a second one.
 */
public final class CaptureCharge {

    /** Unchecked: every invalid field is reported at once. No amount means all that is left. */
    public record Command(String chargeId, Long amount, String idempotencyKey) {
    }

    private final FollowUps followUps;

    CaptureCharge(FollowUps followUps) {
        this.followUps = followUps;
    }

    public Either<DomainError, Charge> capture(MerchantId merchant, Command command) {
        return followUps.run(merchant, command.chargeId(), command.amount(), command.idempotencyKey(),
                TransactionKind.CAPTURE, CaptureCharge::plan, Acquirer::capture);
    }

    /** Only an authorized charge awaiting capture can be captured. */
    private static Either<ChargeError, Charge> plan(Charge charge, Option<Amount> amount, TransactionId id, Instant at) {
        return ChargeStage.as(ChargeStage.AwaitingCapture.class, charge, amount.isDefined() ? Move.CAPTURE_PARTIAL : Move.CAPTURE_FULL)
                .flatMap(awaiting -> awaiting.capture(amount, id, at));
    }
}
