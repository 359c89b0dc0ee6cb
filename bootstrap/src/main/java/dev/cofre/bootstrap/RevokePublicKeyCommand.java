package dev.cofre.bootstrap;

import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code cofre merchants revoke-public-key MERCHANT KEY}: one publishable key stops working, at once, on every server. */
@Command(name = "revoke-public-key", description = "Revoke one of a merchant's public keys or appIds: it stops"
        + " creating card tokens at once, on every server. Issue new ones with set-origins --issue-keys.")
final class RevokePublicKeyCommand extends OperatorCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MERCHANT", description = "merchant id or exact name") String merchant;
    @Parameters(index = "1", paramLabel = "KEY", description = "the public key (APP_USR-...) or appId (pk_...)") String key;

    @Override
    public Integer call() {
        try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
            var found = MerchantArgument.find(wiring.accounts().list(), merchant);
            if (found.isEmpty()) {
                err.println(MerchantArgument.notFound(merchant));
                return 2;
            }
            if (!wiring.publishableKeys().revoke(found.get().id(), key)) {
                err.println(MerchantOperation.named(found.get()) + " has no such public key");
                return 2;
            }
            out.println("Revoked " + key + " of " + MerchantOperation.named(found.get()));
            return 0;
        }
    }
}
