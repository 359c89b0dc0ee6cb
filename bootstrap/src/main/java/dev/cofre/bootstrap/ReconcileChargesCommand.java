package dev.cofre.bootstrap;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cofre charges reconcile}: asks the acquirer now about every transaction left in doubt. */
@Command(name = "reconcile", description = "Ask the acquirer now about every charge transaction left in doubt"
        + " (with_error, waiting_*, error_on_*) and print what became of each. Servers running on the same"
        + " database may reconcile at the same time: a transaction one of them is asking about is left to it.")
final class ReconcileChargesCommand extends OperatorCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
            var report = BackgroundReconciler.runAndLog(wiring.charging().reconcile());
            report.resolutions().forEach(r -> out.println("  " + r));
            out.println("Reconciled: " + report.summary());
            return 0;
        }
    }
}
