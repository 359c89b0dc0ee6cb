package dev.cofre.bootstrap;

import dev.cofre.application.merchant.RegisterMerchant;
import java.io.PrintStream;
import picocli.CommandLine.Command;

/** {@code cofre merchants ...}: the merchant commands. */
@Command(name = "merchants", description = "Register, list and manage merchants.",
        subcommands = {AddMerchantCommand.class, ListMerchantsCommand.class, RotateClientSecretCommand.class,
                RotateMerchantKeyCommand.class, RevokeAccessTokensCommand.class, DisableMerchantCommand.class,
                EnableMerchantCommand.class, SetOriginsCommand.class,
                RevokePublicKeyCommand.class})
final class MerchantsCommand {

    /** Prints a merchant's credentials in the clear: the one time the operator sees them. */
    static void printCredentials(PrintStream out, RegisterMerchant.Registered r) {
        out.println("  merchant id:   " + r.merchant().id());
        out.println("  name:          " + r.merchant().name());
        out.println("  client id:     " + r.clientId());
        out.println("  client secret: " + r.clientSecret());
        out.println("  MerchantKey:   " + r.merchantKey());
    }

    /** The orders API's secret key (HTTP Basic user name under /core/v5), shown once. */
    static void printSecretKey(PrintStream out, String secretKey) {
        out.println("  secret key:    " + secretKey);
    }

    /** The Mercado Pago dialect's access token (Authorization: Bearer under /v1/customers), shown once. */
    static void printAccessToken(PrintStream out, String accessToken) {
        out.println("  access token:  " + accessToken);
    }

    /** The publishable keys, which create card tokens from browsers and nothing else: public, listed again by merchants list. */
    static void printPublicKeys(PrintStream out, Wiring wiring, dev.cofre.domain.merchant.MerchantId merchant) {
        out.println("  public key:    " + wiring.publishableKeys().issue(merchant,
                dev.cofre.application.merchant.PublishableKeyAccess.Kind.MERCADO_PAGO) + "  (?public_key=, cofre.js)");
        out.println("  appId:         " + wiring.publishableKeys().issue(merchant,
                dev.cofre.application.merchant.PublishableKeyAccess.Kind.PAGARME) + "  (?appId=, /core/v5/tokens)");
    }
}
