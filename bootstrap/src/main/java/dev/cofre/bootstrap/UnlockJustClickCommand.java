package dev.cofre.bootstrap;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofre justclick unlock}: lets a merchant locked out of GetJustClickKey recover keys again. */
@Command(name = "unlock", description = "Unlock GetJustClickKey for a merchant locked out after 5 failures.")
final class UnlockJustClickCommand extends OperatorCommand implements Callable<Integer> {

    @Parameters(paramLabel = "MERCHANT", description = "merchant id or exact name") String merchant;

    @Override
    public Integer call() {
        try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
            var found = MerchantArgument.find(wiring.accounts().list(), merchant);
            if (found.isEmpty()) {
                err.println(MerchantArgument.notFound(merchant));
                return 2;
            }
            wiring.vault().unlockJustClickKey().unlock(found.get().id());
            out.println("GetJustClickKey unlocked for " + found.get().name() + " (" + found.get().id() + ")");
            return 0;
        }
    }
}
