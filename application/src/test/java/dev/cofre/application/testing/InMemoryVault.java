package dev.cofre.application.testing;

import dev.cofre.application.inmemory.InMemoryAccessTokens;
import dev.cofre.application.inmemory.InMemoryAuditTrail;
import dev.cofre.application.inmemory.InMemoryIdempotencyKeys;
import dev.cofre.application.inmemory.InMemoryKeyRecoveries;
import dev.cofre.application.inmemory.InMemoryMerchants;
import dev.cofre.application.inmemory.InMemorySaveRequests;
import dev.cofre.application.inmemory.InMemoryTokens;
import dev.cofre.application.inmemory.InMemoryTransactions;
import dev.cofre.application.token.Vault;
import dev.cofre.application.token.VaultStores;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantCredentials;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Profile;
import dev.cofre.domain.merchant.SecretHash;
import dev.cofre.domain.token.CardCipher;
import io.vavr.collection.List;
import java.time.Clock;
import java.util.UUID;

/** A vault over fresh in-memory stores, for tests. */
public final class InMemoryVault {

    public final InMemoryTokens tokens = new InMemoryTokens();
    public final InMemorySaveRequests saveRequests = new InMemorySaveRequests();
    public final InMemoryKeyRecoveries keyRecoveries = new InMemoryKeyRecoveries();
    public final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    public final InMemoryIdempotencyKeys idempotency = new InMemoryIdempotencyKeys();
    public final InMemoryMerchants merchants = new InMemoryMerchants();
    public final InMemoryAccessTokens accessTokens = new InMemoryAccessTokens();
    public final InMemoryTransactions transactions = new InMemoryTransactions(
            tokens, saveRequests, keyRecoveries, audit, idempotency, merchants, accessTokens);
    public final Vault vault;

    public InMemoryVault(CardCipher cipher, Clock clock) {
        this.vault = Vault.create(new VaultStores(tokens, saveRequests, keyRecoveries, audit, idempotency,
                merchants, transactions), cipher, clock, new SecureIds());
    }

    /** Registers a merchant allowed to read card numbers from the given CIDRs. */
    public MerchantId merchant(String name, String... cidrs) {
        var id = new MerchantId(UUID.randomUUID());
        merchants.add(new Merchant(id, name, Profile.GATEWAY,
                        List.of(cidrs).map(c -> IpRange.parse("ip", c).get()), Merchant.Features.NONE,
                        java.time.Instant.EPOCH),
                new MerchantCredentials(id, id.toString(), SecretHash.of("secret-" + id), SecretHash.of("key-" + id)));
        return id;
    }
}
