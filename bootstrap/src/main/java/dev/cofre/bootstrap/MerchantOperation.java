package dev.cofre.bootstrap;

import dev.cofre.application.merchant.OperateMerchant;
import dev.cofre.domain.merchant.Merchant;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Parameters;

/** An operator command on one merchant, named by id or exact name: finds it, then acts on it. */
abstract class MerchantOperation extends OperatorCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MERCHANT", description = "merchant id or exact name") String merchant;

    @Override
    public final Integer call() {
        try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
            var found = MerchantArgument.find(wiring.accounts().list(), merchant);
            if (found.isEmpty()) {
                err.println(MerchantArgument.notFound(merchant));
                return 2;
            }
            return operate(wiring.accounts().operate(), found.get());
        }
    }

    abstract int operate(OperateMerchant operate, Merchant merchant);

    static String named(Merchant m) {
        return m.name() + " (" + m.id() + ")";
    }
}
