package dev.cofre.bootstrap;

import java.time.Duration;
import java.util.Map;

/**
 * The charge engine's settings (README, "Settings"): which acquirer, how long a call to it may take
 * before it counts as unanswered (with_error, never a decline), and how often and after how long
 * the reconciler asks about transactions left in doubt.
 *
 * @param reconcileInterval zero: no background reconciliation (the {@code charges reconcile} command still works)
 */
public record ChargeSettings(Acquirers.Kind acquirer, Duration acquirerDeadline, Duration reconcileInterval,
                             Duration reconcileGrace) {

    static ChargeSettings from(Map<String, String> values) {
        return new ChargeSettings(
                Acquirers.Kind.parse(values.getOrDefault("COFRE_ACQUIRER", "simulator")),
                Duration.ofSeconds(Settings.positive(values, "COFRE_ACQUIRER_TIMEOUT_SECONDS", 10)),
                Duration.ofSeconds(Settings.atLeastZero(values, "COFRE_RECONCILE_INTERVAL_SECONDS", 60)),
                Duration.ofSeconds(Settings.atLeastZero(values, "COFRE_RECONCILE_GRACE_SECONDS", 60)));
    }
}
