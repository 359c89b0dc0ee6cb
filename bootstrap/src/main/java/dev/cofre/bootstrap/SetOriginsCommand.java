package dev.cofre.bootstrap;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cofre merchants set-origins MERCHANT ORIGIN...}: the web origins whose pages may create card tokens
 * with the merchant's publishable keys (CORS). Replaces the list; none allows no browser page.
 */
@Command(name = "set-origins", description = "Set the web origins (https://shop.example) whose pages may create card"
        + " tokens with the merchant's public key; replaces the list, none allows no page. With --issue-keys, also"
        + " issues the merchant a new public key and appId (merchants added before they existed have none).")
final class SetOriginsCommand extends OperatorCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "MERCHANT", description = "merchant id or exact name") String merchant;
    @Parameters(index = "1..*", paramLabel = "ORIGIN", description = "scheme://host[:port], no path, no wildcard")
    List<String> origins = new ArrayList<>();
    @Option(names = "--issue-keys", description = "issue a new public key and appId too") boolean issueKeys;

    @Override
    public Integer call() {
        try (var wiring = Wiring.open(settings.get(), Clock.systemUTC())) {
            var found = MerchantArgument.find(wiring.accounts().list(), merchant);
            if (found.isEmpty()) {
                err.println(MerchantArgument.notFound(merchant));
                return 2;
            }
            var m = found.get();
            return wiring.publishableKeys().setOrigins(m.id(), origins).fold(invalid -> {
                err.println("Not changed: " + invalid.errors().map(e -> e.field() + " " + e.reason()).mkString("; "));
                return 2;
            }, allowed -> {
                out.println(MerchantOperation.named(m) + " origins: "
                        + (allowed.isEmpty() ? "none" : allowed.map(o -> o.value()).mkString(" ")));
                if (issueKeys) {
                    MerchantsCommand.printPublicKeys(out, wiring, m.id());
                }
                return 0;
            });
        }
    }
}
