package dev.cofre.application.merchant;

import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.merchant.BrowserOrigin;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.PublishableKeys;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;

/**
 * Issues merchants' publishable keys and recognises them, with the web origins allowed to use them. A
 * publishable key only creates card tokens: it lives in its own store, never among the secret keys and
 * access tokens ({@link SecretKeyAccess}), so it cannot authenticate anything else. Each dialect has its
 * key shape, and recognises only its own {@link Kind}.
 */
public final class PublishableKeyAccess {

    /** The dialects' publishable key shapes. */
    public enum Kind {
        /** Mercado Pago's {@code ?public_key=}: {@code APP_USR-} and a UUID, like the vendor's. */
        MERCADO_PAGO("APP_USR-"),
        /** Pagar.me's {@code ?appId=}: {@code pk_} and 24 letters and digits. */
        PAGARME("pk_");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        public String prefix() {
            return prefix;
        }

        String issue(Ids ids) {
            return this == MERCADO_PAGO ? prefix + ids.uuid() : ids.prefixed(prefix, 24);
        }
    }

    private final PublishableKeys keys;
    private final Merchants merchants;
    private final Clock clock;
    private final Ids ids;

    public PublishableKeyAccess(PublishableKeys keys, Merchants merchants, Clock clock, Ids ids) {
        this.keys = keys;
        this.merchants = merchants;
        this.clock = clock;
        this.ids = ids;
    }

    /** A new publishable key of this kind for the merchant. */
    public String issue(MerchantId merchant, Kind kind) {
        String key = kind.issue(ids);
        keys.add(merchant, key, clock.instant());
        return key;
    }

    /** The enabled merchant whose publishable key of this kind this is; none for anything else. */
    public Option<Merchant> authenticate(Kind kind, String presented) {
        if (presented == null || !presented.startsWith(kind.prefix()) || presented.length() > 64) {
            return Option.none();
        }
        return keys.merchantOf(presented).flatMap(merchants::findEnabled);
    }

    /**
     * Revokes one of the merchant's publishable keys: it stops working at once on every server (keys are
     * read from the database on each use). False if the merchant holds no such key.
     */
    public boolean revoke(MerchantId merchant, String key) {
        return key != null && keys.remove(merchant, key.strip());
    }

    /** A merchant's publishable keys of this kind, oldest first. */
    public List<String> keysOf(MerchantId merchant, Kind kind) {
        return keys.of(merchant).filter(k -> k.startsWith(kind.prefix()));
    }

    /** Replaces the merchant's allowed origins; every invalid one is named, and nothing changes then. */
    public Either<InvalidInput, List<BrowserOrigin>> setOrigins(MerchantId merchant, java.util.List<String> origins) {
        var parsed = List.ofAll(origins).zipWithIndex()
                .map(o -> BrowserOrigin.parse("origins[" + o._2 + "]", o._1));
        var invalid = parsed.filter(Either::isLeft).map(Either::getLeft);
        if (!invalid.isEmpty()) {
            return Either.left(invalid.reduce(InvalidInput::and));
        }
        var allowed = parsed.map(Either::get).distinct();
        keys.replaceOrigins(merchant, allowed);
        return Either.right(allowed);
    }

    public List<BrowserOrigin> originsOf(MerchantId merchant) {
        return keys.originsOf(merchant);
    }

    /** Whether a page from {@code origin} (a browser's {@code Origin} header) may use the merchant's keys. */
    public boolean allows(MerchantId merchant, String origin) {
        return origin != null && keys.originsOf(merchant).exists(o -> o.matches(origin));
    }
}
