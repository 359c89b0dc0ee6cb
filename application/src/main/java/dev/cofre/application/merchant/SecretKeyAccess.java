package dev.cofre.application.merchant;

import dev.cofre.domain.Ids;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.SecretHash;
import dev.cofre.domain.merchant.SecretKeys;
import io.vavr.control.Option;
import java.time.Clock;

/**
 * Issues a dialect's static merchant keys and recognises them: the orders API's secret keys
 * ({@code sk_}) and the Mercado Pago dialect's access tokens ({@code APP_USR-}). A key is its
 * prefix and 43 random characters (256 bits), shown once to the operator and kept only as its
 * SHA-256 digest. Each kind only recognises keys with its own prefix, so one cannot stand in for the other.
 */
public final class SecretKeyAccess {

    public static final String PREFIX = "sk_";
    /** The Mercado Pago dialect's static access tokens, shaped like the vendor's production ones. */
    public static final String ACCESS_TOKEN_PREFIX = "APP_USR-";

    private final SecretKeys keys;
    private final Merchants merchants;
    private final Clock clock;
    private final Ids ids;
    private final String prefix;

    /** The orders API's secret keys. */
    public SecretKeyAccess(SecretKeys keys, Merchants merchants, Clock clock, Ids ids) {
        this(keys, merchants, clock, ids, PREFIX);
    }

    /** Keys starting with {@code prefix}. */
    public SecretKeyAccess(SecretKeys keys, Merchants merchants, Clock clock, Ids ids, String prefix) {
        this.prefix = prefix;
        this.keys = keys;
        this.merchants = merchants;
        this.clock = clock;
        this.ids = ids;
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
        return keys.merchantOf(SecretHash.of(presented)).flatMap(merchants::find);
    }
}
