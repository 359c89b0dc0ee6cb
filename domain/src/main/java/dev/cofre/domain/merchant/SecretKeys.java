package dev.cofre.domain.merchant;

import io.vavr.control.Option;
import java.time.Instant;

/**
 * The orders API's secret keys ({@code sk_...}), which a merchant's server sends as the user name of
 * HTTP Basic authentication, as the Pagar.me v5 clients do. Kept as digests only; a merchant may hold
 * several (one issued per {@code merchants add}, more later).
 */
public interface SecretKeys {

    void add(MerchantId merchant, SecretHash key, Instant at);

    /** The merchant holding the key with this digest. */
    Option<MerchantId> merchantOf(SecretHash key);
}
