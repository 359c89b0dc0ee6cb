package dev.cofre.application.contract;

import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.token.KeyRecoveries;
import dev.cofre.domain.token.SaveRequests;
import dev.cofre.domain.token.SealedPans;
import dev.cofre.domain.token.Tokens;

/** One set of store implementations sharing one backing store, as a contract test gets them. */
public record Stores(Tokens tokens, SealedPans sealedPans, SaveRequests saveRequests, KeyRecoveries keyRecoveries,
                     AuditTrail auditTrail, Merchants merchants, AccessTokens accessTokens,
                     IdempotencyKeys idempotencyKeys, Transactions transactions, Runnable closer)
        implements AutoCloseable {

    @Override
    public void close() {
        closer.run();
    }
}
