package dev.cofre.application.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.inmemory.InMemoryAccessTokens;
import dev.cofre.application.inmemory.InMemoryMerchants;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.merchant.MerchantError;
import dev.cofre.domain.merchant.SecretHash;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MerchantAccountsTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final InMemoryMerchants merchants = new InMemoryMerchants();
    private final InMemoryAccessTokens tokens = new InMemoryAccessTokens();
    private final MerchantAccounts accounts = MerchantAccounts.create(merchants, tokens,
            new dev.cofre.application.inmemory.InMemoryTransactions(merchants, tokens), clock, new SecureIds());

    private RegisterMerchant.Registered register(String name) {
        return accounts.register().register(new RegisterMerchant.Command(name, List.of("203.0.113.0/24"), true, true,
                null, null)).get();
    }

    @Test
    void registering_hands_out_credentials_once_and_stores_only_their_hashes() {
        var r = register("Loja");
        var stored = merchants.credentialsOf(r.merchant().id()).get();
        assertEquals(r.clientId(), stored.clientId());
        assertEquals(SecretHash.of(r.clientSecret()), stored.clientSecret());
        assertEquals(SecretHash.of(r.merchantKey()), stored.justClickKey());
        assertTrue(r.clientSecret().length() >= 43, "256 bits");
        assertFalse(r.toString().contains(r.clientSecret()));
        assertTrue(r.merchant().features().preAuthEnabled());
    }

    @Test
    void a_bad_ip_range_is_refused_with_its_field_named() {
        var refused = accounts.register().register(new RegisterMerchant.Command("Loja",
                List.of("10.0.0.0/8", "not-an-ip"), false, false, null, null));
        assertEquals("ipRanges[1]", ((InvalidInput) refused.getLeft()).errors().head().field());
        assertTrue(merchants.isEmpty());
    }

    @Test
    void a_bearer_token_authenticates_its_merchant_until_it_expires() {
        var r = register("Loja");
        var issued = accounts.issueAccessToken().issue(r.clientId(), r.clientSecret()).get();
        assertEquals(599, issued.expiresIn());
        assertEquals(r.merchant(), accounts.authenticate().byBearer(issued.accessToken()).get());
        now = now.plus(Duration.ofSeconds(599));
        assertTrue(accounts.authenticate().byBearer(issued.accessToken()).isEmpty());
    }

    @Test
    void the_merchant_key_authenticates_its_merchant_in_any_case() {
        var r = register("Loja");
        assertEquals(r.merchant(), accounts.authenticate().byMerchantKey(r.merchantKey().toUpperCase()).get());
        assertTrue(accounts.authenticate().byMerchantKey(new SecureIds().uuid().toString()).isEmpty());
    }

    @Test
    void five_wrong_secrets_throttle_the_client_id_even_for_the_right_secret() {
        var r = register("Loja");
        for (int i = 0; i < 5; i++) {
            assertInstanceOf(MerchantError.InvalidClient.class,
                    accounts.issueAccessToken().issue(r.clientId(), "wrong").getLeft());
        }
        var throttled = accounts.issueAccessToken().issue(r.clientId(), r.clientSecret()).getLeft();
        assertInstanceOf(MerchantError.TooManyFailures.class, throttled);
        now = now.plus(FailureThrottle.DEFAULT_WINDOW);
        assertTrue(accounts.issueAccessToken().issue(r.clientId(), r.clientSecret()).isRight());
    }
}
