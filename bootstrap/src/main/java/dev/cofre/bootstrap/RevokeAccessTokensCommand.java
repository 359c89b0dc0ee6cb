package dev.cofre.bootstrap;

import dev.cofre.application.merchant.OperateMerchant;
import dev.cofre.domain.merchant.Merchant;
import picocli.CommandLine.Command;

/** {@code cofre merchants revoke-tokens}: every access token of a merchant stops working. */
@Command(name = "revoke-tokens", description = "Revoke every OAuth2 access token of a merchant, at once, on every"
        + " server. Its client secret keeps working.")
final class RevokeAccessTokensCommand extends MerchantOperation {

    @Override
    int operate(OperateMerchant operate, Merchant m) {
        int revoked = operate.revokeAccessTokens(m.id()).get();
        out.println(revoked + " access tokens of " + named(m) + " revoked");
        return 0;
    }
}
