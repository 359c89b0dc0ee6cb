package dev.cofre.bootstrap;

import dev.cofre.application.merchant.OperateMerchant;
import dev.cofre.domain.merchant.Merchant;
import picocli.CommandLine.Command;

/** {@code cofre merchants disable}: the merchant can no longer authenticate with any credential. */
@Command(name = "disable", description = "Disable a merchant: no credential of it authenticates any more and its"
        + " access tokens are revoked, at once, on every server. Its tokens and cards are kept.")
final class DisableMerchantCommand extends MerchantOperation {

    @Override
    int operate(OperateMerchant operate, Merchant m) {
        operate.disable(m.id());
        out.println(named(m) + " disabled");
        return 0;
    }
}
