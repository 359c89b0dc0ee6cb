package dev.cofre.application.charge;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.TransactionKind;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Clock;

/**
 * Captures an authorized charge, all of it (no amount) or part of it; a partial capture releases
 * the rest. A retry under the same idempotency key gets the first capture back, never a second one.
 */
public final class CaptureCharge {

    public record Command(@NotBlank @Size(max = 64) String chargeId, @Positive Long amount,
                          @NotBlank @Size(max = 255) String idempotencyKey) {
    }

    private final FollowUps followUps;

    public CaptureCharge(Charges charges, Acquirer acquirer, Transactions transactions, Ids ids, Clock clock) {
        this.followUps = new FollowUps(charges, acquirer, transactions, ids, clock);
    }

    public Either<DomainError, Charge> capture(MerchantId merchant, Command command) {
        return followUps.run(merchant, command, command.chargeId(), command.amount(), command.idempotencyKey(),
                TransactionKind.CAPTURE, Charge::capture, Acquirer::capture);
    }
}
