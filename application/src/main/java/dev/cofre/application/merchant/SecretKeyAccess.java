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
 * Issues the orders API's secret keys and recognises them. A key is {@code sk_} and 43 random
 * characters (256 bits), shown once to the operator and kept only as its SHA-256 digest.
 */
public final class SecretKeyAccess {

    public static final String PREFIX = "sk_";

    private final SecretKeys keys;
    private final Merchants merchants;
    private final Clock clock;
    private final Ids ids;

    public SecretKeyAccess(SecretKeys keys, Merchants merchants, Clock clock, Ids ids) {
        this.keys = keys;
        this.merchants = merchants;
        this.clock = clock;
        this.ids = ids;
    }

    /** A new secret key for the merchant, to be shown once. */
    public String issue(MerchantId merchant) {
        String key = PREFIX + ids.secret(32);
        keys.add(merchant, SecretHash.of(key), clock.instant());
        return key;
    }

    /** The merchant whose secret key this is; none for anything else. */
    public Option<Merchant> authenticate(String presented) {
        if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 128) {
            return Option.none();
        }
        return keys.merchantOf(SecretHash.of(presented)).flatMap(merchants::find);
    }
}
