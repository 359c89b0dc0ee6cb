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
 * <p>A key names its merchant only while the merchant is enabled ({@link Merchants#findEnabled}), like
 * every other credential. A recognised key is remembered in-process ({@link ConfirmedCredentials}) for at
 * most {@link AuthenticateMerchant#REVALIDATE_AFTER} after the database last confirmed it; an unknown or
 * refused key is looked up every time. So disabling a merchant stops its keys on every server within that
 * bound, and at once in the process that ran {@link OperateMerchant#disable}: the keys remembered here are
 * forgotten with the merchant's other credentials ({@link AuthenticateMerchant#forget}).
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

    /**
     * The orders API's secret keys, of {@code accounts}' merchants; the keys remembered here are forgotten
     * with the merchant's other credentials when {@code accounts} changes them.
     */
    public SecretKeyAccess(SecretKeys keys, MerchantAccounts accounts, Clock clock, Ids ids) {
        this(keys, accounts, clock, ids, PREFIX);
    }

    /** Keys starting with {@code prefix}. */
    public SecretKeyAccess(SecretKeys keys, MerchantAccounts accounts, Clock clock, Ids ids, String prefix) {
        this(keys, accounts, clock, ids, prefix, System::nanoTime);
    }

    /** {@code nanoTime} measures the age of remembered keys (tests give one they can advance). */
    SecretKeyAccess(SecretKeys keys, MerchantAccounts accounts, Clock clock, Ids ids, String prefix,
                    LongSupplier nanoTime) {
        this.prefix = prefix;
        this.keys = keys;
        this.clock = clock;
        this.ids = ids;
        Merchants merchants = accounts.merchants();
        this.confirmed = new ConfirmedCredentials(hash -> keys.merchantOf(hash).flatMap(merchants::findEnabled)
                .map(ConfirmedCredentials.Confirmation::untilRevoked), clock, nanoTime);
        accounts.authenticate().forgetsToo(confirmed);
    }

    /** A new secret key for the merchant, to be shown once. */
    public String issue(MerchantId merchant) {
        String key = prefix + ids.secret(32);
        keys.add(merchant, SecretHash.of(key), clock.instant());
        return key;
    }

    /** The enabled merchant whose secret key this is; none for anything else. */
    public Option<Merchant> authenticate(String presented) {
        if (presented == null || !presented.startsWith(prefix) || presented.length() > 128) {
            return Option.none();
        }
        return confirmed.merchantOf(SecretHash.of(presented));
    }
}
