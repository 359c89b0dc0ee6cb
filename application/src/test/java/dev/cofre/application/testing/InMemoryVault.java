package dev.cofre.application.testing;

import dev.cofre.application.inmemory.InMemoryAuditTrail;
import dev.cofre.application.inmemory.InMemoryKeyRecoveries;
import dev.cofre.application.inmemory.InMemoryMerchants;
import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.application.inmemory.InMemoryTokens;
import dev.cofre.application.token.Vault;
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

    private final InMemoryStores stores = new InMemoryStores();
    public final InMemoryTokens tokens = stores.tokens;
    public final InMemoryKeyRecoveries keyRecoveries = stores.keyRecoveries;
    public final InMemoryAuditTrail audit = stores.audit;
    public final InMemoryMerchants merchants = stores.merchants;
    public final Vault vault;

    public InMemoryVault(CardCipher cipher, Clock clock) {
        this.vault = Vault.create(stores.vault(), cipher, clock, new SecureIds());
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
