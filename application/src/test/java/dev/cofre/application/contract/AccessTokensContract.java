package dev.cofre.application.contract;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.domain.merchant.AccessToken;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

/** What every {@link dev.cofre.domain.merchant.AccessTokens} must do. */
public abstract class AccessTokensContract extends StoreContract {

    @Test
    void an_issued_token_is_found_by_its_hash() {
        var token = new AccessToken(SecretHash.of("bearer-1"), givenMerchant(), NOW.plusSeconds(599));
        stores.accessTokens().issue(token);

        assertEquals(Option.some(token), stores.accessTokens().find(SecretHash.of("bearer-1")));
        assertEquals(Option.none(), stores.accessTokens().find(SecretHash.of("bearer-2")));
    }

    @Test
    void purging_forgets_only_the_tokens_that_expired() {
        var merchant = givenMerchant();
        var expired = new AccessToken(SecretHash.of("old"), merchant, NOW.minusSeconds(1));
        var expiringNow = new AccessToken(SecretHash.of("now"), merchant, NOW);
        var valid = new AccessToken(SecretHash.of("new"), merchant, NOW.plusSeconds(599));
        stores.accessTokens().issue(expired);
        stores.accessTokens().issue(expiringNow);
        stores.accessTokens().issue(valid);

        assertEquals(2, stores.accessTokens().purgeExpired(NOW));

        assertEquals(Option.none(), stores.accessTokens().find(expired.hash()));
        assertEquals(Option.none(), stores.accessTokens().find(expiringNow.hash()));
        assertEquals(Option.some(valid), stores.accessTokens().find(valid.hash()));
        assertEquals(0, stores.accessTokens().purgeExpired(NOW));
    }

    @Test
    void revoking_a_merchants_tokens_leaves_other_merchants_tokens() {
        var merchant = givenMerchant();
        var other = givenMerchant();
        stores.accessTokens().issue(new AccessToken(SecretHash.of("a"), merchant, NOW.plusSeconds(599)));
        stores.accessTokens().issue(new AccessToken(SecretHash.of("b"), merchant, NOW.minusSeconds(1)));
        var kept = new AccessToken(SecretHash.of("c"), other, NOW.plusSeconds(599));
        stores.accessTokens().issue(kept);

        assertEquals(2, stores.accessTokens().revokeAllOf(merchant));

        assertEquals(Option.none(), stores.accessTokens().find(SecretHash.of("a")));
        assertEquals(Option.some(kept), stores.accessTokens().find(kept.hash()));
        assertEquals(0, stores.accessTokens().revokeAllOf(merchant));
    }
}
