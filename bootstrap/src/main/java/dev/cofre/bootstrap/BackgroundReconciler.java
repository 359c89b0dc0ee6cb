package dev.cofre.bootstrap;

import dev.cofre.application.charge.ReconcileCharges;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the reconciliation on a schedule ({@code COFRE_RECONCILE_INTERVAL_SECONDS}) while the server
 * serves, and logs what each run resolved: one summary line, one line per transaction asked about.
 * A run that fails is logged and the next one tries again.
 */
final class BackgroundReconciler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger("cofre.reconcile");

    private final ReconcileCharges reconcile;
    private final ScheduledExecutorService schedule = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "cofre-reconciler");
        t.setDaemon(true);
        return t;
    });

    private BackgroundReconciler(ReconcileCharges reconcile) {
        this.reconcile = reconcile;
    }

    /** Starts running every {@code interval}, the first run one interval from now. */
    static BackgroundReconciler start(ReconcileCharges reconcile, Duration interval) {
        var reconciler = new BackgroundReconciler(reconcile);
        long millis = interval.toMillis();
        reconciler.schedule.scheduleWithFixedDelay(reconciler::runOnce, millis, millis, TimeUnit.MILLISECONDS);
        LOG.info("Reconciling charges in doubt every {} s", interval.toSeconds());
        return reconciler;
    }

    /** One run, reported to the log; quiet when there was nothing in doubt. */
    static ReconcileCharges.Report runAndLog(ReconcileCharges reconcile) {
        ReconcileCharges.Report report = reconcile.reconcile();
        if (report.asked() > 0 || report.stillInDoubt() > 0 || report.leftToOthers() > 0) {
            LOG.info("cofre.reconcile {}", report.summary());
            report.resolutions().forEach(r -> LOG.info("cofre.reconcile resolved {}", r));
        }
        return report;
    }

    private void runOnce() {
        try {
            runAndLog(reconcile);
        } catch (RuntimeException e) {
            LOG.warn("cofre.reconcile run failed, the next run tries again: {}", e.getClass().getSimpleName());
        }
    }

    @Override
    public void close() {
        schedule.shutdownNow();
        try {
            schedule.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
