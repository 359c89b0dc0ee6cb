package dev.cofre.application.merchant;

import dev.cofre.domain.Ids;
import dev.cofre.domain.merchant.AccessToken;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.MerchantCredentials;
import dev.cofre.domain.merchant.MerchantError;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.SecretHash;
import dev.cofre.domain.merchant.TrustedProxies;
import io.vavr.control.Option;
import java.net.InetAddress;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Duration;

/** OAuth2 client credentials (seed 003): a client id and secret buy a bearer token good for 599 s. */
public final class IssueAccessToken {

    public static final Duration LIFETIME = Duration.ofSeconds(599);
    private static final int TOKEN_BYTES = 32;
    /** What RegisterMerchant accepts as a client id; anything else is refused before any lookup. */
    private static final java.util.regex.Pattern CLIENT_ID = java.util.regex.Pattern.compile("[\\x21-\\x7e&&[^:]]{1,100}");
    /** Expired tokens are forgotten at most this often, by whichever request comes first. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    /** The bearer token in the clear, returned once; only its hash is stored. */
    public record Issued(String accessToken, long expiresIn) {
        @Override
        public String toString() {
            return "Issued[expires in " + expiresIn + " s]";
        }
    }

    private final Merchants merchants;
    private final AccessTokens accessTokens;
    private final FailureThrottle throttle;
    private final TrustedProxies trustedProxies;
    private final Clock clock;
    private final Ids ids;
    private final java.util.concurrent.atomic.AtomicReference<java.time.Instant> lastPurge =
            new java.util.concurrent.atomic.AtomicReference<>(java.time.Instant.MIN);

    public IssueAccessToken(Merchants merchants, AccessTokens accessTokens, FailureThrottle throttle,
                            TrustedProxies trustedProxies, Clock clock, Ids ids) {
        this.merchants = merchants;
        this.accessTokens = accessTokens;
        this.throttle = throttle;
        this.trustedProxies = trustedProxies;
        this.clock = clock;
        this.ids = ids;
    }

    /** A token for a request whose source is unknown (all such requests share one throttle count). */
    public Either<MerchantError, Issued> issue(String clientId, String clientSecret) {
        return issueFrom(clientId, clientSecret, Option.none());
    }

    /**
     * A token for a request that came from {@code socketAddress}, with this {@code X-Forwarded-For}
     * header (or null), which counts only from a trusted proxy.
     */
    public Either<MerchantError, Issued> issue(String clientId, String clientSecret, String socketAddress,
                                               String forwardedFor) {
        return issueFrom(clientId, clientSecret, trustedProxies.source(socketAddress, forwardedFor));
    }

    private Either<MerchantError, Issued> issueFrom(String clientId, String clientSecret, Option<InetAddress> from) {
        if (clientId == null || clientSecret == null || !CLIENT_ID.matcher(clientId).matches()
                || dev.cofre.domain.card.EmbeddedCardNumbers.in(clientId)) {
            // No such client id can exist (RegisterMerchant refuses one holding a card number): refused
            // before the throttle records it, so a card number sent as a client id is never stored.
            return Either.left(new MerchantError.InvalidClient());
        }
        String source = FailureThrottle.sourceOf(from);
        long wait = throttle.retryAfterSeconds(clientId, source);
        if (wait > 0) {
            return Either.left(new MerchantError.TooManyFailures(wait));
        }
        var credentials = merchants.findByClientId(clientId)
                .filter(c -> c.clientSecret().matches(clientSecret));
        if (credentials.isEmpty()) {
            throttle.failed(clientId, source);
            return Either.left(new MerchantError.InvalidClient());
        }
        throttle.succeeded(clientId, source);
        if (merchants.findEnabled(credentials.get().merchant()).isEmpty()) {
            return Either.left(new MerchantError.InvalidClient()); // disabled: as if unknown
        }
        return Either.right(issueFor(credentials.get()));
    }

    private Issued issueFor(MerchantCredentials credentials) {
        var now = clock.instant();
        var last = lastPurge.get();
        if (now.isAfter(last.plus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
            accessTokens.purgeExpired(now);
        }
        String token = ids.secret(TOKEN_BYTES);
        accessTokens.issue(new AccessToken(SecretHash.of(token), credentials.merchant(),
                clock.instant().plus(LIFETIME)));
        return new Issued(token, LIFETIME.toSeconds());
    }
}
