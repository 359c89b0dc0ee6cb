package dev.cofre.application.merchant;

import dev.cofre.domain.Ids;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.Merchants;
import io.vavr.collection.List;
import java.time.Clock;

/** The merchant and OAuth use cases, wired over the same ports, clock and id generator. */
public record MerchantAccounts(RegisterMerchant register, IssueAccessToken issueAccessToken,
                               AuthenticateMerchant authenticate, OperateMerchant operate, Merchants merchants) {

    public static MerchantAccounts create(Merchants merchants, AccessTokens accessTokens, AuditTrail auditTrail,
                                          Transactions transactions, Clock clock, Ids ids) {
        var throttle = new FailureThrottle(clock, FailureThrottle.DEFAULT_LIMIT, FailureThrottle.DEFAULT_WINDOW);
        return new MerchantAccounts(
                new RegisterMerchant(merchants, transactions, clock, ids),
                new IssueAccessToken(merchants, accessTokens, throttle, clock, ids),
                new AuthenticateMerchant(merchants, accessTokens, clock),
                new OperateMerchant(merchants, accessTokens, auditTrail, transactions, clock, ids),
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
