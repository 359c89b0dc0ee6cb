package dev.cofre.application.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.inmemory.InMemorySecretKeys;
import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.merchant.AccessToken;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.SecretHash;
import dev.cofre.domain.merchant.SecretKeys;
import dev.cofre.domain.merchant.TrustedProxies;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The credential caches (issue 13): bearers, MerchantKeys and secret keys. Two "servers"
 * ({@link AuthenticateMerchant}s) over one store, and the operator's commands run through a third set of
 * use cases, as the command line does. The cache itself: {@link ConfirmedCredentialsTest}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AuthenticateMerchantCacheTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long nanos = 0;
    private final Clock clock = new Clock() {
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    };
    private final InMemoryStores stores = new InMemoryStores();
    private final AtomicInteger tokenReads = new AtomicInteger();
    /** The access tokens as a server reads them, counting the reads. */
    private final AccessTokens counted = new AccessTokens() {
        @Override public void issue(AccessToken token) { stores.accessTokens.issue(token); }
        @Override public Option<AccessToken> find(SecretHash hash) {
            tokenReads.incrementAndGet();
            return stores.accessTokens.find(hash);
        }
        @Override public int revokeAllOf(MerchantId merchant) { return stores.accessTokens.revokeAllOf(merchant); }
        @Override public int purgeExpired(Instant at) { return stores.accessTokens.purgeExpired(at); }
    };
    private final MerchantAccounts operator = MerchantAccounts.create(stores.merchantAccounts(),
            new TrustedProxies(io.vavr.collection.List.of(IpRange.parse("proxy", "10.0.0.1").get())), clock, new SecureIds());
    private final AtomicInteger secretKeyReads = new AtomicInteger();
    private final InMemorySecretKeys secretKeys = new InMemorySecretKeys();
    /** The secret keys as a server reads them, counting the reads. */
    private final SecretKeys countedKeys = new SecretKeys() {
        @Override public void add(MerchantId merchant, SecretHash key, Instant at) {
            secretKeys.add(merchant, key, at);
        }
        @Override public Option<MerchantId> merchantOf(SecretHash key) {
            secretKeyReads.incrementAndGet();
            return secretKeys.merchantOf(key);
        }
    };
    private final AuthenticateMerchant one = new AuthenticateMerchant(stores.merchants, counted, clock, () -> nanos);
    private final AuthenticateMerchant two = new AuthenticateMerchant(stores.merchants, counted, clock, () -> nanos);

    /** A server's secret keys of one prefix, over the counted store, forgotten by {@code accounts}' commands. */
    private SecretKeyAccess secretKeys(MerchantAccounts accounts, String prefix) {
        return new SecretKeyAccess(countedKeys, accounts, clock, new SecureIds(), prefix, () -> nanos);
    }

    private RegisterMerchant.Registered register(String name) {
        return operator.register().register(new RegisterMerchant.Command(name, List.of("203.0.113.0/24"), false, false,
                null, null)).get();
    }

    private String bearer(RegisterMerchant.Registered r) {
        return operator.issueAccessToken().issue(r.clientId(), r.clientSecret()).get().accessToken();
    }

    private void pass(long millis) {
        nanos += millis * 1_000_000;
        now = now.plusMillis(millis);
    }

    @Test
    void a_bearer_used_again_within_the_bound_is_not_read_from_the_database_again() {
        var r = register("Loja");
        String bearer = bearer(r);
        for (int i = 0; i < 100; i++) {
            assertEquals(r.merchant(), one.byBearer(bearer).get());
        }
        assertEquals(1, tokenReads.get());
        pass(AuthenticateMerchant.REVALIDATE_AFTER.toMillis());
        assertEquals(r.merchant(), one.byBearer(bearer).get());
        assertEquals(2, tokenReads.get(), "re-read once the bound has passed");
    }

    @Test
    void a_revocation_elsewhere_stops_every_cached_bearer_within_the_bound() {
        var r = register("Loja");
        String bearer = bearer(r);
        assertTrue(one.byBearer(bearer).isDefined());
        assertTrue(two.byBearer(bearer).isDefined());
        operator.operate().revokeAccessTokens(r.merchant().id());
        pass(AuthenticateMerchant.REVALIDATE_AFTER.toMillis() - 1);
        assertTrue(one.byBearer(bearer).isDefined(), "the stated staleness: up to the bound");
        pass(1);
        assertTrue(one.byBearer(bearer).isEmpty());
        assertTrue(two.byBearer(bearer).isEmpty());
        assertEquals(0, one.cachedBearers());
    }

    @Test
    void disabling_elsewhere_stops_a_cached_bearer_within_the_bound_and_the_same_process_at_once() {
        var r = register("Loja");
        String bearer = bearer(r);
        assertTrue(one.byBearer(bearer).isDefined());
        assertTrue(operator.authenticate().byBearer(bearer).isDefined());
        operator.operate().disable(r.merchant().id());
        assertTrue(operator.authenticate().byBearer(bearer).isEmpty(), "the process that ran the command: at once");
        pass(AuthenticateMerchant.REVALIDATE_AFTER.toMillis());
        assertTrue(one.byBearer(bearer).isEmpty());
    }

    @Test
    void a_cached_bearer_stops_when_its_token_expires_not_later() {
        var r = register("Loja");
        String bearer = bearer(r);
        assertTrue(one.byBearer(bearer).isDefined());
        Instant expiry = stores.accessTokens.find(SecretHash.of(bearer)).get().expiresAt();
        now = expiry; // the monotonic clock does not move: only the token's own expiry decides
        assertTrue(one.byBearer(bearer).isEmpty());
    }

    @Test
    void the_cache_holds_a_bounded_number_of_bearers() {
        var r = register("Loja");
        for (int i = 0; i < AuthenticateMerchant.CACHE_ENTRIES + 10; i++) {
            assertTrue(one.byBearer(bearer(r)).isDefined());
            assertTrue(one.cachedBearers() <= AuthenticateMerchant.CACHE_ENTRIES);
        }
        assertTrue(one.byBearer("not-issued").isEmpty());
    }

    @Test
    void a_merchant_key_rotated_elsewhere_stops_within_the_bound_and_in_the_same_process_at_once() {
        var r = register("Loja");
        assertEquals(r.merchant(), one.byMerchantKey(r.merchantKey()).get());
        assertEquals(r.merchant(), operator.authenticate().byMerchantKey(r.merchantKey()).get());
        String rotated = operator.operate().rotateMerchantKey(r.merchant().id()).get().value();
        assertTrue(operator.authenticate().byMerchantKey(r.merchantKey()).isEmpty(),
                "the process that ran the command: at once");
        pass(AuthenticateMerchant.REVALIDATE_AFTER.toMillis() - 1);
        assertTrue(one.byMerchantKey(r.merchantKey()).isDefined(), "the stated staleness: up to the bound");
        assertEquals(r.merchant(), one.byMerchantKey(rotated).get(), "the new key works everywhere at once");
        pass(1);
        assertTrue(one.byMerchantKey(r.merchantKey()).isEmpty());
        assertTrue(two.byMerchantKey(r.merchantKey()).isEmpty());
    }

    @Test
    void a_merchant_key_of_a_merchant_disabled_elsewhere_stops_within_the_bound() {
        var r = register("Loja");
        String key = r.merchantKey().toUpperCase(java.util.Locale.ROOT);
        assertEquals(r.merchant(), one.byMerchantKey(key).get(), "a MerchantKey is read without regard to case");
        assertTrue(operator.authenticate().byMerchantKey(key).isDefined());
        operator.operate().disable(r.merchant().id());
        assertTrue(operator.authenticate().byMerchantKey(key).isEmpty(), "the process that ran the command: at once");
        assertTrue(one.byMerchantKey(key).isDefined(), "the stated staleness: up to the bound");
        pass(AuthenticateMerchant.REVALIDATE_AFTER.toMillis());
        assertTrue(one.byMerchantKey(key).isEmpty());
        operator.operate().enable(r.merchant().id());
        assertEquals(r.merchant(), one.byMerchantKey(key).get(), "a refusal is not remembered");
    }

    @Test
    void a_bearer_is_never_a_merchant_key_nor_the_reverse() {
        var r = register("Loja");
        String bearer = bearer(r);
        assertTrue(one.byBearer(bearer).isDefined());
        assertTrue(one.byMerchantKey(r.merchantKey()).isDefined());
        assertTrue(one.byMerchantKey(bearer).isEmpty());
        assertTrue(one.byBearer(r.merchantKey()).isEmpty());
    }

    @Test
    void a_secret_key_used_again_within_the_bound_is_not_read_again_and_an_unknown_one_always_is() {
        var r = register("Loja");
        var access = secretKeys(operator, SecretKeyAccess.PREFIX);
        String key = access.issue(r.merchant().id());
        for (int i = 0; i < 100; i++) {
            assertEquals(r.merchant(), access.authenticate(key).get());
        }
        assertEquals(1, secretKeyReads.get());
        pass(AuthenticateMerchant.REVALIDATE_AFTER.toMillis());
        assertEquals(r.merchant(), access.authenticate(key).get());
        assertEquals(2, secretKeyReads.get(), "re-read once the bound has passed");
        for (int i = 0; i < 3; i++) {
            assertTrue(access.authenticate(SecretKeyAccess.PREFIX + "unknown" + i % 2).isEmpty());
        }
        assertEquals(5, secretKeyReads.get(), "an unknown key asks the database every time");
        assertTrue(access.authenticate("APP_USR-" + key.substring(3)).isEmpty(),
                "another kind's prefix: not looked up");
        assertEquals(5, secretKeyReads.get());
    }

    @Test
    void a_disabled_merchants_secret_keys_stop_at_once_here_and_within_the_bound_elsewhere_and_enabling_restores_them() {
        var r = register("Loja");
        var secretKeysHere = secretKeys(operator, SecretKeyAccess.PREFIX);
        var accessTokensHere = secretKeys(operator, SecretKeyAccess.ACCESS_TOKEN_PREFIX);
        var elsewhere = secretKeys(MerchantAccounts.create(stores.merchantAccounts(), TrustedProxies.NONE, clock,
                new SecureIds()), SecretKeyAccess.PREFIX);
        String secretKey = secretKeysHere.issue(r.merchant().id());
        String accessToken = accessTokensHere.issue(r.merchant().id());
        assertEquals(r.merchant(), secretKeysHere.authenticate(secretKey).get());
        assertEquals(r.merchant(), accessTokensHere.authenticate(accessToken).get());
        assertEquals(r.merchant(), elsewhere.authenticate(secretKey).get());

        operator.operate().disable(r.merchant().id());
        assertTrue(secretKeysHere.authenticate(secretKey).isEmpty(), "the process that ran the command: at once");
        assertTrue(accessTokensHere.authenticate(accessToken).isEmpty(), "every prefix's cache forgets");
        pass(AuthenticateMerchant.REVALIDATE_AFTER.toMillis() - 1);
        assertTrue(elsewhere.authenticate(secretKey).isDefined(), "the stated staleness: up to the bound");
        pass(1);
        assertTrue(elsewhere.authenticate(secretKey).isEmpty());
        assertTrue(secretKeysHere.authenticate(secretKey).isEmpty(), "a disabled merchant's key is not cached again");

        operator.operate().enable(r.merchant().id());
        assertEquals(r.merchant().id(), secretKeysHere.authenticate(secretKey).get().id());
        assertEquals(r.merchant().id(), accessTokensHere.authenticate(accessToken).get().id());
        assertEquals(r.merchant().id(), elsewhere.authenticate(secretKey).get().id(), "a refusal is not remembered");
    }
}
