package dev.cofre.application.charge;

import dev.cofre.domain.Transactions;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeStage;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.Transaction;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks the acquirer about every transaction left in doubt (with_error, waiting_*, error_on_*) and
 * moves it to what the answer means. Transactions younger than the grace period are left alone:
 * their own call may still be waiting for its answer.
 */
public final class ReconcileCharges {

    /** How one run went: transactions asked about, moved to another status, and still in doubt. */
    public record Report(int asked, int moved, int stillInDoubt) {
    }

    private final Charges charges;
    private final Acquirer acquirer;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration grace;

    ReconcileCharges(Charges charges, Acquirer acquirer, Transactions transactions, Clock clock,
                            Duration grace) {
        this.charges = charges;
        this.acquirer = acquirer;
        this.transactions = transactions;
        this.clock = clock;
        this.grace = grace;
    }

    public Report reconcile() {
        Instant settledBefore = clock.instant().minus(grace);
        int asked = 0;
        int moved = 0;
        int stillInDoubt = 0;
        for (Charge charge : charges.inDoubt()) {
            Transaction inDoubt = charge.lastTransaction();
            if (inDoubt.updatedAt().isAfter(settledBefore)) {
                stillInDoubt++;
                continue;
            }
            asked++;
            AcquirerAnswer answer = acquirer.query(inDoubt.id());
            boolean changed = transactions.inTransaction(() -> charges.find(charge.merchant(), charge.id())
                    .filter(current -> current.lastTransaction().id().equals(inDoubt.id()))
                    .flatMap(current -> current.stage() instanceof ChargeStage.InDoubt stillOpen
                            ? stillOpen.reconcile(answer, clock.instant()).toOption()
                            .filter(next -> next.version() != current.version())
                            : Option.<Charge>none())
                    .map(next -> charges.update(next).isRight())
                    .getOrElse(false));
            boolean settled = charges.find(charge.merchant(), charge.id())
                    .exists(c -> !c.lastTransaction().status().isInDoubt());
            if (changed && settled) {
                moved++;
            } else {
                stillInDoubt++;
            }
        }
        return new Report(asked, moved, stillInDoubt);
    }
}
