package dev.cofre.domain.merchant;

/**
 * How a merchant proves who it is, as stored: never the secrets themselves, only their hashes.
 * The client id is public; the client secret and the JustClick MerchantKey are random and
 * high-entropy, so a SHA-256 digest of each is enough to store them safely.
 */
public record MerchantCredentials(MerchantId merchant, String clientId, SecretHash clientSecret,
                                  SecretHash justClickKey) {
}
