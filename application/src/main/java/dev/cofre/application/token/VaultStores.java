// STAND-IN written on branch rest so the REST adapter can be built and tested before the lead's
// vault use cases land on main; main's version replaces this file on merge.
package dev.cofre.application.token;

import dev.cofre.domain.IdempotencyKeys;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.token.KeyRecoveries;
import dev.cofre.domain.token.SaveRequests;
import dev.cofre.domain.token.Tokens;

public record VaultStores(Tokens tokens, SaveRequests saveRequests, KeyRecoveries keyRecoveries, AuditTrail audit,
                          IdempotencyKeys idempotency, Transactions transactions) {
}
