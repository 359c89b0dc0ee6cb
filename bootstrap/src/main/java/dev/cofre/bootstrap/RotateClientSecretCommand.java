package dev.cofre.bootstrap;

import dev.cofre.application.merchant.OperateMerchant;
import dev.cofre.domain.merchant.Merchant;
import picocli.CommandLine.Command;

/** {@code cofre merchants rotate-secret}: a new client secret, shown once; the old one and its tokens stop working. */
@Command(name = "rotate-secret", description = "Give a merchant a new OAuth2 client secret (printed once). The old"
        + " secret and every access token stop working at once, on every server.")
final class RotateClientSecretCommand extends MerchantOperation {

    @Override
    int operate(OperateMerchant operate, Merchant m) {
        var rotated = operate.rotateClientSecret(m.id()).get();
        out.println("New client secret for " + named(m) + " (shown only now; " + rotated.accessTokensRevoked()
                + " access tokens revoked):");
        out.println("  client secret: " + rotated.value());
        return 0;
    }
}
