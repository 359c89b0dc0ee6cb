package dev.cofre.application.token;

import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.token.KeyRecoveries;
import dev.cofre.domain.token.SaveRequests;
import dev.cofre.domain.token.Tokens;

/** The stores the vault's use cases work on, all behind one {@link Transactions}. */
public record VaultStores(Tokens tokens, SaveRequests saveRequests, KeyRecoveries keyRecoveries,
                          AuditTrail audit, IdempotencyKeys idempotency, Merchants merchants,
                          Transactions transactions) {
}
