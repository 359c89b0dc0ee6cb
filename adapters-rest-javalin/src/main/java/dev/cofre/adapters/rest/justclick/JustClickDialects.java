package dev.cofre.adapters.rest.justclick;

import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.merchant.TrustedProxies;
import io.vavr.collection.List;
import io.vavr.control.Option;
import dev.cofre.application.charge.Charging;

/** JustClick's two forms, SOAP (what its clients speak) and JSON (Cofre's convenience), over one set of calls. */
public final class JustClickDialects {

    private JustClickDialects() {
    }

    /** {@code charging} serves JustClickShop; without it the method answers that charges are not served. */
    public static List<ApiDialect> create(MerchantAccounts accounts, Vault vault, TrustedProxies trustedProxies,
                                          Option<Charging> charging) {
        var calls = new JustClickCalls(accounts, vault, trustedProxies, charging);
        return List.of(new JustClickSoapDialect(calls), new JustClickJsonDialect(calls));
    }
}
