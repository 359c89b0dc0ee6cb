package dev.cofre.domain.merchant;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Merchants' publishable keys, which a browser sends to create card tokens and can do nothing else,
 * and the web origins allowed to use them. A publishable key is printed in the merchant's pages, so it
 * is kept as it is, apart from every secret: a secret key or access token is never looked up here.
 */
public interface PublishableKeys {

    void add(MerchantId merchant, String key, Instant at);

    /** The merchant holding this publishable key. */
    Option<MerchantId> merchantOf(String key);

    /** Removes one of the merchant's publishable keys; false if it holds no such key. */
    boolean remove(MerchantId merchant, String key);

    /** A merchant's publishable keys, oldest first. */
    List<String> of(MerchantId merchant);

    /** Replaces the origins allowed to use the merchant's publishable keys (none: no browser may). */
    void replaceOrigins(MerchantId merchant, List<BrowserOrigin> origins);

    /** The origins allowed to use the merchant's publishable keys. */
    List<BrowserOrigin> originsOf(MerchantId merchant);
}
