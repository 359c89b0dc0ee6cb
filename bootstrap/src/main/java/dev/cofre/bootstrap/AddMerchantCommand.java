package dev.cofre.bootstrap;

import dev.cofre.application.merchant.RegisterMerchant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cofre merchants add}: registers a merchant and prints its credentials once. */
@Command(name = "add", description = "Register a merchant and print its credentials once.")
final class AddMerchantCommand extends OperatorCommand implements Callable<Integer> {

    @Parameters(paramLabel = "NAME") String name;
    @Option(names = "--ip", paramLabel = "CIDR",
            description = "an address or range allowed to read card numbers (repeatable)")
    List<String> ips = new ArrayList<>();
    @Option(names = "--gateway", description = "gateway profile (default: PSP)") boolean gateway;
    @Option(names = "--pre-auth", description = "enable pre-authorization") boolean preAuth;

    @Override
    public Integer call() {
        try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
            return wiring.accounts().register()
                    .register(new RegisterMerchant.Command(name, ips, gateway, preAuth, null, null))
                    .fold(e -> {
                        err.println("Not registered: " + e.message());
                        return 2;
                    }, r -> {
                        out.println("Registered (the secrets are shown only now):");
                        MerchantsCommand.printCredentials(out, r);
                        MerchantsCommand.printSecretKey(out, wiring.secretKeys().issue(r.merchant().id()));
                        MerchantsCommand.printAccessToken(out, wiring.accessTokens().issue(r.merchant().id()));
                        MerchantsCommand.printPublicKeys(out, wiring, r.merchant().id());
                        return 0;
                    });
        }
    }
}
