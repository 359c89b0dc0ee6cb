package dev.cofre.application.merchant;

import dev.cofre.domain.Ids;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.SecretHash;
import dev.cofre.domain.merchant.SecretKeys;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.function.LongSupplier;

/**
 * Issues a dialect's static merchant keys and recognises them: the orders API's secret keys
 * ({@code sk_}) and the Mercado Pago dialect's access tokens ({@code APP_USR-}). A key is its
 * prefix and 43 random characters (256 bits), shown once to the operator and kept only as its
 * SHA-256 digest. Each kind only recognises keys with its own prefix, so one cannot stand in for the other.
 *
 * <p>A recognised key is remembered in-process ({@link ConfirmedCredentials}) for at most
 * {@link AuthenticateMerchant#REVALIDATE_AFTER} after the database last confirmed it; an unknown key is
 * looked up every time. The merchant is found with {@link Merchants#find}, enabled or not, as since the
 * orders dialect began: disabling a merchant does not stop these keys. No command revokes one, so
 * nothing in this process has to forget a remembered key.
 */
public final class SecretKeyAccess {

    public static final String PREFIX = "sk_";
    /** The Mercado Pago dialect's static access tokens, shaped like the vendor's production ones. */
    public static final String ACCESS_TOKEN_PREFIX = "APP_USR-";

    private final SecretKeys keys;
    private final Clock clock;
    private final Ids ids;
    private final String prefix;
    private final ConfirmedCredentials confirmed;

    /** The orders API's secret keys. */
    public SecretKeyAccess(SecretKeys keys, Merchants merchants, Clock clock, Ids ids) {
        this(keys, merchants, clock, ids, PREFIX);
    }

    /** Keys starting with {@code prefix}. */
    public SecretKeyAccess(SecretKeys keys, Merchants merchants, Clock clock, Ids ids, String prefix) {
        this(keys, merchants, clock, ids, prefix, System::nanoTime);
    }

    /** {@code nanoTime} measures the age of remembered keys (tests give one they can advance). */
    SecretKeyAccess(SecretKeys keys, Merchants merchants, Clock clock, Ids ids, String prefix, LongSupplier nanoTime) {
        this.prefix = prefix;
        this.keys = keys;
        this.clock = clock;
        this.ids = ids;
        this.confirmed = new ConfirmedCredentials(hash -> keys.merchantOf(hash).flatMap(merchants::find)
                .map(ConfirmedCredentials.Confirmation::untilRevoked), clock, nanoTime);
    }

    /** A new secret key for the merchant, to be shown once. */
    public String issue(MerchantId merchant) {
        String key = prefix + ids.secret(32);
        keys.add(merchant, SecretHash.of(key), clock.instant());
        return key;
    }

    /** The merchant whose secret key this is; none for anything else. */
    public Option<Merchant> authenticate(String presented) {
        if (presented == null || !presented.startsWith(prefix) || presented.length() > 128) {
            return Option.none();
        }
        return confirmed.merchantOf(SecretHash.of(presented));
    }
}
