package dev.cofre.application.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.inmemory.InMemoryPublishableKeys;
import dev.cofre.application.inmemory.InMemorySecretKeys;
import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.application.merchant.PublishableKeyAccess.Kind;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.merchant.MerchantId;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublishableKeyAccessTest {

    private final InMemoryStores stores = new InMemoryStores();
    private final MerchantAccounts accounts = MerchantAccounts.create(stores.merchantAccounts(),
            dev.cofre.domain.merchant.TrustedProxies.NONE, Clock.systemUTC(), new SecureIds());
    private final PublishableKeyAccess keys = new PublishableKeyAccess(new InMemoryPublishableKeys(), stores.merchants,
            Clock.systemUTC(), new SecureIds());
    private final InMemorySecretKeys secrets = new InMemorySecretKeys();
    private final SecretKeyAccess accessTokens = new SecretKeyAccess(secrets, accounts, Clock.systemUTC(),
            new SecureIds(), SecretKeyAccess.ACCESS_TOKEN_PREFIX);

    private MerchantId merchant(String name) {
        return accounts.register().register(new RegisterMerchant.Command(name, List.of(), false, false, null, null))
                .get().merchant().id();
    }

    @Test
    void a_key_names_its_merchant_for_its_own_kind_only() {
        var m = merchant("Loja");
        String publicKey = keys.issue(m, Kind.MERCADO_PAGO);
        String appId = keys.issue(m, Kind.PAGARME);
        assertEquals(m, keys.authenticate(Kind.MERCADO_PAGO, publicKey).get().id());
        assertEquals(m, keys.authenticate(Kind.PAGARME, appId).get().id());
        assertTrue(keys.authenticate(Kind.PAGARME, publicKey).isEmpty());
        assertTrue(keys.authenticate(Kind.MERCADO_PAGO, appId).isEmpty());
        assertTrue(keys.authenticate(Kind.MERCADO_PAGO, null).isEmpty());
    }

    @Test
    void a_public_key_and_an_access_token_share_a_prefix_but_never_stand_in_for_each_other() {
        var m = merchant("Loja");
        String publicKey = keys.issue(m, Kind.MERCADO_PAGO);
        String accessToken = accessTokens.issue(m);
        assertTrue(publicKey.startsWith("APP_USR-") && accessToken.startsWith("APP_USR-"));
        assertTrue(accessTokens.authenticate(publicKey).isEmpty(), "a public key is no access token");
        assertTrue(keys.authenticate(Kind.MERCADO_PAGO, accessToken).isEmpty(), "an access token is no public key");
    }

    @Test
    void a_disabled_merchants_key_names_no_one() {
        var m = merchant("Loja");
        String publicKey = keys.issue(m, Kind.MERCADO_PAGO);
        accounts.operate().disable(m);
        assertTrue(keys.authenticate(Kind.MERCADO_PAGO, publicKey).isEmpty());
    }

    @Test
    void origins_are_per_merchant_and_replaced_whole_or_not_at_all() {
        var a = merchant("A");
        var b = merchant("B");
        assertTrue(keys.setOrigins(a, List.of("https://a.example", "https://a.example:443")).isRight());
        assertEquals(1, keys.originsOf(a).size(), "the same origin once");
        assertTrue(keys.allows(a, "https://a.example"));
        assertFalse(keys.allows(b, "https://a.example"));
        var refused = keys.setOrigins(a, List.of("https://b.example", "*"));
        assertTrue(refused.isLeft());
        assertEquals("origins[1]", refused.getLeft().errors().head().field());
        assertTrue(keys.allows(a, "https://a.example"), "unchanged");
        assertTrue(keys.setOrigins(a, List.of()).isRight());
        assertFalse(keys.allows(a, "https://a.example"));
    }
}
