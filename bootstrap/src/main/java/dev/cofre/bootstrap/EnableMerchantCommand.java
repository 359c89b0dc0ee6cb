package dev.cofre.bootstrap;

import dev.cofre.application.merchant.OperateMerchant;
import dev.cofre.domain.merchant.Merchant;
import picocli.CommandLine.Command;

/** {@code cofre merchants enable}: a disabled merchant's credentials work again. */
@Command(name = "enable", description = "Enable a disabled merchant: its client secret and MerchantKey work again.")
final class EnableMerchantCommand extends MerchantOperation {

    @Override
    int operate(OperateMerchant operate, Merchant m) {
        operate.enable(m.id());
        out.println(named(m) + " enabled");
        return 0;
    }
}
