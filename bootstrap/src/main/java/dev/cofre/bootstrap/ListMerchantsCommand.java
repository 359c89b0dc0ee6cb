package dev.cofre.bootstrap;

import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantCredentials;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code cofre merchants list}: every merchant, never a secret. */
@Command(name = "list", description = "List merchants.")
final class ListMerchantsCommand extends OperatorCommand implements Callable<Integer> {

    private static final String ROW = "%-36s  %-36s  %-8s  %-7s  %-8s  %s  %s%s%n";

    @Override
    public Integer call() {
        try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
            out.printf(ROW, "MERCHANT ID", "CLIENT ID", "STATUS", "PROFILE", "PRE-AUTH", "NAME", "IPS", "");
            for (Merchant m : wiring.accounts().list()) {
                String clientId = wiring.accounts().merchants().credentialsOf(m.id())
                        .map(MerchantCredentials::clientId).getOrElse("-");
                out.printf(ROW, m.id(), clientId, wiring.accounts().operate().isEnabled(m.id()) ? "enabled" : "disabled",
                        m.profile(), m.features().preAuthEnabled() ? "yes" : "no",
                        m.name(), m.allowedIps().map(IpRange::cidr).mkString(","), browser(wiring, m));
            }
            return 0;
        }
    }

    /** The merchant's publishable keys and allowed origins: public, so shown again, on lines of their own. */
    private static String browser(Wiring wiring, Merchant m) {
        var keys = wiring.publishableKeys();
        var lines = new StringBuilder();
        var all = keys.keysOf(m.id(), dev.cofre.application.merchant.PublishableKeyAccess.Kind.MERCADO_PAGO)
                .appendAll(keys.keysOf(m.id(), dev.cofre.application.merchant.PublishableKeyAccess.Kind.PAGARME));
        if (!all.isEmpty()) {
            lines.append(System.lineSeparator()).append("    public keys: ").append(all.mkString(" "));
        }
        var origins = keys.originsOf(m.id());
        if (!origins.isEmpty()) {
            lines.append(System.lineSeparator()).append("    origins:     ").append(origins.map(o -> o.value()).mkString(" "));
        }
        return lines.toString();
    }
}
