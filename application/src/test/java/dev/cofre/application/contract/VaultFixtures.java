package dev.cofre.application.contract;

import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantCredentials;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Profile;
import dev.cofre.domain.merchant.SecretHash;
import dev.cofre.domain.token.ActiveToken;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.Fingerprint;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenCustomer;
import dev.cofre.domain.token.TokenReference;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

/**
 * Test data for the contracts. Instants are whole microseconds: that is the precision every
 * store keeps.
 */
public final class VaultFixtures {

    public static final Instant NOW = Instant.parse("2026-03-01T12:00:00.123456Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    private VaultFixtures() {
    }

    public static Merchant merchant() {
        return new Merchant(new MerchantId(UUID.randomUUID()), "Loja " + UUID.randomUUID().toString().substring(0, 8),
                Profile.GATEWAY,
                List.of(IpRange.parse("ip", "203.0.113.0/24").get(), IpRange.parse("ip", "::1").get()),
                new Merchant.Features(true, false), NOW);
    }

    public static MerchantCredentials credentialsOf(MerchantId merchant) {
        return new MerchantCredentials(merchant, "client-" + UUID.randomUUID(), SecretHash.of(UUID.randomUUID().toString()),
                SecretHash.of(UUID.randomUUID().toString()));
    }

    public static Pan pan(String digits) {
        return Pan.parse(digits).get();
    }

    public static ActiveToken token(MerchantId merchant, Option<Alias> alias) {
        return token(merchant, alias, pan("4111111111111111"));
    }

    public static ActiveToken token(MerchantId merchant, Option<Alias> alias, Pan pan) {
        return Token.issue(new TokenReference(UUID.randomUUID()), merchant, alias,
                Option.some(new TokenCustomer("Maria da Silva", Option.some("12345678909"))), pan.masked(),
                new CardHolder("MARIA DA SILVA"), CardExpiry.of(2031, 7), fingerprint(), NOW);
    }

    public static ActiveToken tokenWithoutAliasOrCustomer(MerchantId merchant) {
        return Token.issue(new TokenReference(UUID.randomUUID()), merchant, Option.none(), Option.none(),
                pan("5555555555554444").masked(), new CardHolder("JOAO SOUZA"), CardExpiry.of(2029, 1), fingerprint(), NOW);
    }

    public static Alias alias(String value) {
        return new Alias(value);
    }

    public static SealedPan sealedPan(int kekVersion) {
        return new SealedPan(kekVersion, randomBytes(40), randomBytes(32));
    }

    public static Fingerprint fingerprint() {
        return new Fingerprint(HexFormat.of().formatHex(randomBytes(32)));
    }

    public static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
