package dev.cofre.application.charge;

import dev.cofre.domain.Transactions;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.ChargeStage;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.ReconcileLeases;
import dev.cofre.domain.charge.Transaction;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.charge.TransactionStatus;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Asks the acquirer about every transaction left in doubt (with_error, waiting_*, error_on_*) and
 * moves it to what the answer means. Transactions younger than the grace period are left alone:
 * their own call may still be waiting for its answer.
 *
 * <p>Several servers may reconcile the same backlog at once. Before asking about a transaction a
 * server takes its lease (a row in the shared database), then reads the charge again: a transaction
 * another server is asking about is skipped, and one it has already settled is not asked about
 * again. So the acquirer is never asked about one transaction by two servers at the same time.
 */
public final class ReconcileCharges {

    /** How long a lease lasts if its holder dies before giving it back: longer than any acquirer call. */
    static final Duration LEASE = Duration.ofMinutes(5);

    /** One transaction the acquirer was asked about, and the status it was left in. */
    public record Resolution(ChargeId charge, TransactionId transaction, TransactionStatus from,
                             TransactionStatus to, AcquirerAnswer.Kind answer) {

        /** Settled: no longer in doubt. */
        public boolean settled() {
            return !to.isInDoubt();
        }

        @Override
        public String toString() {
            return charge + " " + transaction + " " + from.wireName() + " -> " + to.wireName()
                    + " (acquirer: " + answer.name().toLowerCase(java.util.Locale.ROOT) + ")";
        }
    }

    /**
     * How one run went.
     *
     * @param asked        transactions the acquirer was asked about
     * @param moved        of those, the ones settled (no longer in doubt)
     * @param stillInDoubt in doubt after the run: asked and not settled, or still within the grace period
     * @param leftToOthers in doubt but being reconciled by another server (its lease), so not asked here
     * @param resolutions  each transaction asked about, with what became of it
     */
    public record Report(int asked, int moved, int stillInDoubt, int leftToOthers, List<Resolution> resolutions) {

        /** One line for a log or a terminal. */
        public String summary() {
            return "asked=" + asked + " settled=" + moved + " still_in_doubt=" + stillInDoubt
                    + " left_to_other_servers=" + leftToOthers;
        }
    }

    private final Charges charges;
    private final ReconcileLeases leases;
    private final Acquirer acquirer;
    private final Transactions transactions;
    private final Clock clock;
    private final Duration grace;
    private final String holder;

    ReconcileCharges(Charges charges, ReconcileLeases leases, Acquirer acquirer, Transactions transactions,
                     Clock clock, Duration grace, String holder) {
        this.charges = charges;
        this.leases = leases;
        this.acquirer = acquirer;
        this.transactions = transactions;
        this.clock = clock;
        this.grace = grace;
        this.holder = holder;
    }

    public Report reconcile() {
        Instant settledBefore = clock.instant().minus(grace);
        List<Resolution> resolutions = List.empty();
        int young = 0;
        int leftToOthers = 0;
        for (Charge listed : charges.inDoubt()) {
            TransactionId inDoubt = listed.lastTransaction().id();
            if (listed.lastTransaction().updatedAt().isAfter(settledBefore)) {
                young++;
                continue;
            }
            if (!leases.acquire(inDoubt, holder, clock.instant(), LEASE)) {
                leftToOthers++;
                continue;
            }
            try {
                // Read again under the lease: another server may have settled it since the list was read.
                Option<Charge> current = charges.find(listed.merchant(), listed.id())
                        .filter(c -> c.lastTransaction().id().equals(inDoubt) && c.stage() instanceof ChargeStage.InDoubt);
                if (current.isDefined()) {
                    resolutions = resolutions.append(ask(current.get()));
                }
            } finally {
                leases.release(inDoubt, holder);
            }
        }
        int moved = resolutions.count(Resolution::settled);
        return new Report(resolutions.size(), moved, resolutions.size() - moved + young, leftToOthers, resolutions);
    }

    private Resolution ask(Charge charge) {
        Transaction inDoubt = charge.lastTransaction();
        AcquirerAnswer answer = acquirer.query(inDoubt.id());
        transactions.inTransaction(() -> charges.find(charge.merchant(), charge.id())
                .filter(current -> current.lastTransaction().id().equals(inDoubt.id()))
                .flatMap(current -> current.stage() instanceof ChargeStage.InDoubt stillOpen
                        ? stillOpen.reconcile(answer, clock.instant()).toOption()
                        .filter(next -> next.version() != current.version())
                        : Option.<Charge>none())
                .map(next -> charges.update(next).isRight())
                .getOrElse(false));
        TransactionStatus now = charges.find(charge.merchant(), charge.id())
                .flatMap(c -> c.transaction(inDoubt.id()))
                .map(Transaction::status)
                .getOrElse(inDoubt.status());
        return new Resolution(charge.id(), inDoubt.id(), inDoubt.status(), now, answer.kind());
    }
}
