package dev.cofre.application.merchant;

import dev.cofre.application.merchant.ConfirmedCredentials.Confirmation;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * Finds the merchant behind a presented credential: a bearer token or a JustClick MerchantKey.
 *
 * <p>Both go through an in-process cache each ({@link ConfirmedCredentials}): credential hash → merchant,
 * at most {@link #CACHE_ENTRIES} entries. An entry is used only while its credential is valid (a bearer
 * until its token expires, a MerchantKey until it is rotated), and only for {@link #REVALIDATE_AFTER} after
 * the database last confirmed it (bearer still issued, or MerchantKey still the merchant's; merchant still
 * enabled); after that one request per credential reads both again while the others wait for its answer.
 * So a revocation, rotation or disabling made anywhere (another server, the command line) stops every
 * server's cached credential within that bound (README, "Operator commands"). This is the only place a
 * cached bearer or MerchantKey is checked.
 */
public final class AuthenticateMerchant {

    /** How long a cached credential is trusted without asking the database again. */
    public static final Duration REVALIDATE_AFTER = Duration.ofSeconds(1);
    /** At most this many bearers (and as many MerchantKeys) are cached; when full, unusable entries go, then all. */
    static final int CACHE_ENTRIES = ConfirmedCredentials.ENTRIES;

    private final ConfirmedCredentials bearers;
    private final ConfirmedCredentials merchantKeys;
    /** Every cache of this process's merchant credentials: these two, and each dialect's secret keys. */
    private final List<ConfirmedCredentials> caches = new CopyOnWriteArrayList<>();

    public AuthenticateMerchant(Merchants merchants, AccessTokens accessTokens, Clock clock) {
        this(merchants, accessTokens, clock, System::nanoTime);
    }

    /** {@code nanoTime} measures the age of cache entries (tests give one they can advance). */
    AuthenticateMerchant(Merchants merchants, AccessTokens accessTokens, Clock clock, LongSupplier nanoTime) {
        this.bearers = new ConfirmedCredentials(hash -> {
            Instant now = clock.instant();
            return accessTokens.find(hash).filter(t -> t.isValidAt(now))
                    .flatMap(t -> merchants.findEnabled(t.merchant()).map(m -> new Confirmation(m, t.expiresAt())));
        }, clock, nanoTime);
        this.merchantKeys = new ConfirmedCredentials(hash -> merchants.findByJustClickKey(hash)
                .flatMap(c -> merchants.findEnabled(c.merchant())).map(Confirmation::untilRevoked), clock, nanoTime);
        caches.add(bearers);
        caches.add(merchantKeys);
    }

    /** The merchant of a bearer token that is known and not expired, whose merchant is enabled. */
    public Option<Merchant> byBearer(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 200) {
            return Option.none();
        }
        return bearers.merchantOf(SecretHash.of(accessToken));
    }

    /**
     * Drops {@code merchant}'s cached credentials (bearers, MerchantKey, secret keys) at once: this process
     * changed them ({@link OperateMerchant}); other processes see the change within {@link #REVALIDATE_AFTER}.
     */
    void forget(MerchantId merchant) {
        caches.forEach(cache -> cache.forget(merchant));
    }

    /** Another cache of merchant credentials ({@link SecretKeyAccess}'s), from now on forgotten with these. */
    void forgetsToo(ConfirmedCredentials cache) {
        caches.add(cache);
    }

    /** How many bearers are cached now. */
    int cachedBearers() {
        return bearers.size();
    }

    /** The enabled merchant whose JustClick MerchantKey this is. */
    public Option<Merchant> byMerchantKey(String merchantKey) {
        if (merchantKey == null || merchantKey.isBlank() || merchantKey.length() > 200) {
            return Option.none();
        }
        return merchantKeys.merchantOf(SecretHash.of(merchantKey.trim().toLowerCase(Locale.ROOT)));
    }
}
