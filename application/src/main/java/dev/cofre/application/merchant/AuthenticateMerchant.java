package dev.cofre.application.merchant;

import dev.cofre.domain.merchant.AccessToken;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.control.Option;
import java.time.Clock;

/** Finds the merchant behind a presented credential: a bearer token or a JustClick MerchantKey. */
public final class AuthenticateMerchant {

    private final Merchants merchants;
    private final AccessTokens accessTokens;
    private final Clock clock;

    public AuthenticateMerchant(Merchants merchants, AccessTokens accessTokens, Clock clock) {
        this.merchants = merchants;
        this.accessTokens = accessTokens;
        this.clock = clock;
    }

    /** The merchant of a bearer token that is known and not expired. */
    public Option<Merchant> byBearer(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 200) {
            return Option.none();
        }
        return accessTokens.find(SecretHash.of(accessToken))
                .filter(t -> t.isValidAt(clock.instant()))
                .map(AccessToken::merchant)
                .flatMap(merchants::findEnabled);
    }

    /** The merchant whose JustClick MerchantKey this is. */
    public Option<Merchant> byMerchantKey(String merchantKey) {
        if (merchantKey == null || merchantKey.isBlank() || merchantKey.length() > 200) {
            return Option.none();
        }
        return merchants.findByJustClickKey(SecretHash.of(merchantKey.trim().toLowerCase(java.util.Locale.ROOT)))
                .flatMap(c -> merchants.findEnabled(c.merchant()));
    }
}
