package dev.cofre.adapters.rest.justclick;

import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.ClientAddress;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.Vault;
import io.vavr.collection.List;

/** JustClick's two forms, SOAP (what its clients speak) and JSON (Cofre's convenience), over one set of calls. */
public final class JustClickDialects {

    private JustClickDialects() {
    }

    public static List<ApiDialect> create(MerchantAccounts accounts, Vault vault, ClientAddress clients) {
        var calls = new JustClickCalls(accounts, vault);
        return List.of(new JustClickSoapDialect(calls, clients), new JustClickJsonDialect(calls, clients));
    }
}
