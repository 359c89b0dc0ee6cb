package dev.cofre.application.merchant;

import dev.cofre.domain.merchant.AccessToken;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Finds the merchant behind a presented credential: a bearer token or a JustClick MerchantKey.
 *
 * <p>Bearer tokens go through an in-process cache: token hash → (merchant, token expiry), at most
 * {@link #CACHE_ENTRIES} entries. An entry is used only while its token is valid, and only for
 * {@link #REVALIDATE_AFTER} after the database last confirmed it (token still issued, merchant still
 * enabled); after that the next request reads both again. So a revocation, rotation or disabling
 * made anywhere (another server, the command line) stops every server's cached bearer within that
 * bound (README, "Operator commands"). This is the only place a cached bearer is checked.
 */
public final class AuthenticateMerchant {

    /** How long a cached bearer is trusted without asking the database again. */
    public static final Duration REVALIDATE_AFTER = Duration.ofSeconds(1);
    /** At most this many bearers are cached; when full, expired entries go, then all of them. */
    static final int CACHE_ENTRIES = 10_000;

    /** What the database said about one bearer, and when (monotonic nanoseconds). */
    private record Confirmed(Merchant merchant, Instant tokenExpiresAt, long confirmedAtNanos) {
    }

    private final Merchants merchants;
    private final AccessTokens accessTokens;
    private final Clock clock;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<SecretHash, Confirmed> bearers = new ConcurrentHashMap<>();

    public AuthenticateMerchant(Merchants merchants, AccessTokens accessTokens, Clock clock) {
        this(merchants, accessTokens, clock, System::nanoTime);
    }

    /** {@code nanoTime} measures the age of cache entries (tests give one they can advance). */
    AuthenticateMerchant(Merchants merchants, AccessTokens accessTokens, Clock clock, LongSupplier nanoTime) {
        this.merchants = merchants;
        this.accessTokens = accessTokens;
        this.clock = clock;
        this.nanoTime = nanoTime;
    }

    /** The merchant of a bearer token that is known and not expired, whose merchant is enabled. */
    public Option<Merchant> byBearer(String accessToken) {
        if (accessToken == null || accessToken.isBlank() || accessToken.length() > 200) {
            return Option.none();
        }
        SecretHash hash = SecretHash.of(accessToken);
        Instant now = clock.instant();
        long nanos = nanoTime.getAsLong();
        Confirmed cached = bearers.get(hash);
        if (cached != null && now.isBefore(cached.tokenExpiresAt())
                && nanos - cached.confirmedAtNanos() < REVALIDATE_AFTER.toNanos()) {
            return Option.some(cached.merchant());
        }
        var token = accessTokens.find(hash).filter(t -> t.isValidAt(now));
        var merchant = token.map(AccessToken::merchant).flatMap(merchants::findEnabled);
        if (merchant.isEmpty()) {
            bearers.remove(hash);
            return Option.none();
        }
        remember(hash, new Confirmed(merchant.get(), token.get().expiresAt(), nanos));
        return merchant;
    }

    private void remember(SecretHash hash, Confirmed confirmed) {
        if (bearers.size() >= CACHE_ENTRIES) {
            Instant now = clock.instant();
            bearers.values().removeIf(c -> !now.isBefore(c.tokenExpiresAt()));
            if (bearers.size() >= CACHE_ENTRIES) {
                bearers.clear();
            }
        }
        bearers.put(hash, confirmed);
    }

    /**
     * Drops {@code merchant}'s cached bearers at once: this process changed its credentials
     * ({@link OperateMerchant}); other processes see the change within {@link #REVALIDATE_AFTER}.
     */
    void forget(MerchantId merchant) {
        bearers.values().removeIf(c -> c.merchant().id().equals(merchant));
    }

    /** How many bearers are cached now. */
    int cachedBearers() {
        return bearers.size();
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
