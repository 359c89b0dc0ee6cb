package dev.cofre.application.merchant;

import dev.cofre.domain.Ids;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.LoginFailures;
import dev.cofre.domain.merchant.TrustedProxies;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.Merchants;
import io.vavr.collection.List;
import java.time.Clock;

/** The merchant and OAuth use cases, wired over the same ports, clock and id generator. */
public record MerchantAccounts(RegisterMerchant register, IssueAccessToken issueAccessToken,
                               AuthenticateMerchant authenticate, OperateMerchant operate, Merchants merchants) {

    /** The ports the merchant use cases work on. */
    public record Stores(Merchants merchants, AccessTokens accessTokens, LoginFailures loginFailures,
                         AuditTrail auditTrail, Transactions transactions) {
    }

    public static MerchantAccounts create(Stores stores, TrustedProxies trustedProxies, Clock clock, Ids ids) {
        var merchants = stores.merchants();
        var accessTokens = stores.accessTokens();
        var auditTrail = stores.auditTrail();
        var transactions = stores.transactions();
        var throttle = new FailureThrottle(stores.loginFailures(), clock, FailureThrottle.DEFAULT_WINDOW);
        var authenticate = new AuthenticateMerchant(merchants, accessTokens, clock);
        return new MerchantAccounts(
                new RegisterMerchant(merchants, transactions, clock, ids),
                new IssueAccessToken(merchants, accessTokens, throttle, trustedProxies, clock, ids),
                authenticate,
                new OperateMerchant(merchants, accessTokens, auditTrail, transactions, clock, ids, authenticate),
                merchants);
    }

    /** Every merchant, oldest first. */
    public List<Merchant> list() {
        return merchants.all();
    }

    public boolean noMerchantYet() {
        return merchants.isEmpty();
    }
}
