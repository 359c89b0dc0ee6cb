package dev.cofre.application.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.inmemory.InMemoryAuditTrail;
import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.TrustedProxies;
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
    private final InMemoryStores stores = new InMemoryStores();
    private final InMemoryMerchants merchants = stores.merchants;
    private final InMemoryAuditTrail audit = stores.audit;
    private final MerchantAccounts accounts = MerchantAccounts.create(stores.merchantAccounts(),
            new TrustedProxies(io.vavr.collection.List.of(IpRange.parse("proxy", "10.0.0.1").get())),
            clock, new SecureIds());

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

    private Object from(String address, String clientId, String secret) {
        var issued = accounts.issueAccessToken().issue(clientId, secret, address, null);
        return issued.isRight() ? "issued" : issued.getLeft().getClass().getSimpleName();
    }

    @Test
    void five_wrong_secrets_from_one_address_throttle_that_address_and_not_the_real_client_elsewhere() {
        var r = register("Loja");
        for (int i = 0; i < FailureThrottle.PER_SOURCE_LIMIT; i++) {
            assertEquals("InvalidClient", from("198.51.100.7", r.clientId(), "wrong"));
        }
        assertEquals("TooManyFailures", from("198.51.100.7", r.clientId(), r.clientSecret()));
        assertEquals("issued", from("203.0.113.9", r.clientId(), r.clientSecret()), "the victim is not locked out");
        now = now.plus(FailureThrottle.DEFAULT_WINDOW);
        assertEquals("issued", from("198.51.100.7", r.clientId(), r.clientSecret()));
    }

    @Test
    void one_IPv6_host_counts_as_its_whole_slash_64() {
        var r = register("Loja");
        for (int i = 0; i < FailureThrottle.PER_SOURCE_LIMIT; i++) {
            assertEquals("InvalidClient", from("2001:db8:1:2::" + Integer.toHexString(i + 1), r.clientId(), "wrong"));
        }
        assertEquals("TooManyFailures", from("2001:db8:1:2::ffff", r.clientId(), r.clientSecret()));
        assertEquals("issued", from("2001:db8:1:3::1", r.clientId(), r.clientSecret()));
    }

    @Test
    void the_per_client_ceiling_stops_a_guess_spread_over_many_addresses() {
        var r = register("Loja");
        for (int i = 0; i < FailureThrottle.PER_CLIENT_LIMIT; i++) {
            assertEquals("InvalidClient", from("198.51." + (i / 4) + "." + (i % 4 + 1), r.clientId(), "wrong"));
        }
        assertEquals("TooManyFailures", from("203.0.113.9", r.clientId(), r.clientSecret()));
        now = now.plus(FailureThrottle.DEFAULT_WINDOW);
        assertEquals("issued", from("203.0.113.9", r.clientId(), r.clientSecret()));
    }

    @Test
    void X_Forwarded_For_names_the_source_only_when_the_socket_is_a_trusted_proxy() {
        var r = register("Loja");
        for (int i = 0; i < FailureThrottle.PER_SOURCE_LIMIT; i++) {
            // An attacker cannot blame another address: the header is ignored from an untrusted socket.
            accounts.issueAccessToken().issue(r.clientId(), "wrong", "198.51.100.7", "203.0.113.9");
        }
        assertEquals("TooManyFailures", from("198.51.100.7", r.clientId(), r.clientSecret()));
        assertTrue(accounts.issueAccessToken().issue(r.clientId(), r.clientSecret(), "10.0.0.1", "203.0.113.9").isRight());
        assertInstanceOf(MerchantError.TooManyFailures.class, accounts.issueAccessToken()
                .issue(r.clientId(), r.clientSecret(), "10.0.0.1", "203.0.113.9, 198.51.100.7").getLeft());
    }

    @Test
    void a_client_id_no_merchant_can_have_is_refused_before_any_lookup() {
        assertEquals("InvalidClient", from("198.51.100.7", "bad\u0000id", "secret"));
        assertEquals("InvalidClient", from("198.51.100.7", "x".repeat(101), "secret"));
    }

    @Test
    void a_rotated_client_secret_replaces_the_old_one_and_revokes_the_tokens_bought_with_it() {
        var r = register("Loja");
        var bearer = accounts.issueAccessToken().issue(r.clientId(), r.clientSecret()).get().accessToken();
        var rotated = accounts.operate().rotateClientSecret(r.merchant().id()).get();
        assertEquals(1, rotated.accessTokensRevoked());
        assertFalse(rotated.toString().contains(rotated.value()));
        assertTrue(accounts.authenticate().byBearer(bearer).isEmpty());
        assertInstanceOf(MerchantError.InvalidClient.class,
                accounts.issueAccessToken().issue(r.clientId(), r.clientSecret()).getLeft());
        assertTrue(accounts.issueAccessToken().issue(r.clientId(), rotated.value()).isRight());
        assertEquals("merchant.rotate-client-secret", audit.of(r.merchant().id()).last().action());
    }

    @Test
    void a_rotated_merchant_key_replaces_the_old_one() {
        var r = register("Loja");
        var rotated = accounts.operate().rotateMerchantKey(r.merchant().id()).get();
        assertTrue(accounts.authenticate().byMerchantKey(r.merchantKey()).isEmpty());
        assertEquals(r.merchant(), accounts.authenticate().byMerchantKey(rotated.value()).get());
        assertEquals("merchant.rotate-merchant-key", audit.of(r.merchant().id()).last().action());
    }

    @Test
    void a_disabled_merchant_cannot_authenticate_with_any_credential_until_enabled() {
        var r = register("Loja");
        var bearer = accounts.issueAccessToken().issue(r.clientId(), r.clientSecret()).get().accessToken();
        assertTrue(accounts.operate().disable(r.merchant().id()));
        assertTrue(accounts.authenticate().byBearer(bearer).isEmpty());
        assertTrue(accounts.authenticate().byMerchantKey(r.merchantKey()).isEmpty());
        assertInstanceOf(MerchantError.InvalidClient.class,
                accounts.issueAccessToken().issue(r.clientId(), r.clientSecret()).getLeft());
        assertTrue(accounts.operate().enable(r.merchant().id()));
        assertEquals(r.merchant(), accounts.authenticate().byMerchantKey(r.merchantKey()).get());
        assertTrue(accounts.issueAccessToken().issue(r.clientId(), r.clientSecret()).isRight());
        assertEquals(List.of("merchant.disable", "merchant.enable"),
                audit.of(r.merchant().id()).map(e -> e.action()).toJavaList());
    }

    @Test
    void revoking_access_tokens_ends_every_token_of_that_merchant_only() {
        var r = register("Loja");
        var other = register("Outra");
        var bearer = accounts.issueAccessToken().issue(r.clientId(), r.clientSecret()).get().accessToken();
        var kept = accounts.issueAccessToken().issue(other.clientId(), other.clientSecret()).get().accessToken();
        assertEquals(1, accounts.operate().revokeAccessTokens(r.merchant().id()).get());
        assertTrue(accounts.authenticate().byBearer(bearer).isEmpty());
        assertEquals(other.merchant(), accounts.authenticate().byBearer(kept).get());
        assertTrue(accounts.operate().revokeAccessTokens(new dev.cofre.domain.merchant.MerchantId(
                java.util.UUID.randomUUID())).isEmpty());
    }
}
