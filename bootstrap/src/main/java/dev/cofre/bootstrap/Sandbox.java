package dev.cofre.bootstrap;

import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.merchant.RegisterMerchant;
import io.vavr.control.Option;
import java.io.PrintStream;

/**
 * The merchant a fresh installation starts with, so that the first curl works: created when the
 * database has no merchant, with its credentials printed that one time. COFRE_SANDBOX_CLIENT_ID
 * and COFRE_SANDBOX_CLIENT_SECRET fix its client id and secret.
 */
final class Sandbox {

    private Sandbox() {
    }

    static Option<RegisterMerchant.Registered> ensure(Wiring wiring, Settings settings, PrintStream out) {
        var accounts = wiring.accounts();
        if (!accounts.noMerchantYet()) {
            return Option.none();
        }
        var command = new RegisterMerchant.Command("Sandbox", java.util.List.of("127.0.0.1/32", "::1/128"),
                true, true, settings.sandboxClientId().getOrNull(), settings.sandboxClientSecret().getOrNull());
        var registered = accounts.register().register(command)
                .getOrElseThrow(e -> new IllegalStateException("cannot create the sandbox merchant: " + e.message()));
        out.println("Created the sandbox merchant (shown once, keep it):");
        MerchantsCommand.printCredentials(out, registered);
        MerchantsCommand.printSecretKey(out, wiring.secretKeys().issue(registered.merchant().id()));
        MerchantsCommand.printAccessToken(out, wiring.accessTokens().issue(registered.merchant().id()));
        MerchantsCommand.printPublicKeys(out, wiring, registered.merchant().id());
        return Option.some(registered);
    }
}
