package dev.cofre.bootstrap;

import dev.cofre.application.merchant.OperateMerchant;
import dev.cofre.domain.merchant.Merchant;
import picocli.CommandLine.Command;

/** {@code cofre merchants rotate-merchant-key}: a new JustClick MerchantKey, shown once; the old one stops working. */
@Command(name = "rotate-merchant-key", description = "Give a merchant a new JustClick MerchantKey (printed once)."
        + " The old one stops working at once, on every server.")
final class RotateMerchantKeyCommand extends MerchantOperation {

    @Override
    int operate(OperateMerchant operate, Merchant m) {
        var rotated = operate.rotateMerchantKey(m.id()).get();
        out.println("New MerchantKey for " + named(m) + " (shown only now):");
        out.println("  MerchantKey:   " + rotated.value());
        return 0;
    }
}
