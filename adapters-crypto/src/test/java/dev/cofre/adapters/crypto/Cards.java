package dev.cofre.adapters.crypto;

import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Luhn;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ActiveToken;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Option;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Card numbers, merchants and tokens for the crypto tests. */
final class Cards {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Cards() {
    }

    /** Luhn-valid numbers of every allowed length, any issuer. */
    static Arbitrary<Pan> pans() {
        return Arbitraries.strings().numeric().ofMinLength(Pan.MIN_LENGTH - 1).ofMaxLength(Pan.MAX_LENGTH - 1)
                .map(payload -> Pan.parse(payload + Luhn.checkDigit(payload)).get());
    }

    static Arbitrary<MerchantId> merchants() {
        return uuids().map(MerchantId::new);
    }

    static Arbitrary<TokenReference> tokens() {
        return uuids().map(TokenReference::new);
    }

    private static Arbitrary<UUID> uuids() {
        return Combinators.combine(Arbitraries.longs(), Arbitraries.longs()).as(UUID::new);
    }

    static Pan pan(String digits) {
        return Pan.parse(digits).get();
    }

    static Pan randomPan() {
        var payload = new StringBuilder("4");
        for (int i = 0; i < 14; i++) {
            payload.append((char) ('0' + RANDOM.nextInt(10)));
        }
        return pan(payload.toString() + Luhn.checkDigit(payload.toString()));
    }

    static KeyRing newKeyRing() {
        return KeyRing.generate(new SecureRandom());
    }

    /** An ACTIVE token for this card, as the vault would issue it. */
    static ActiveToken issue(CardCipher cipher, Pan pan, MerchantId merchant) {
        return Token.issue(new TokenReference(UUID.randomUUID()), merchant, Option.none(), Option.none(),
                pan.masked(), new CardHolder("MARIA SILVA"), CardExpiry.of(2031, 12), cipher.fingerprint(pan),
                Instant.parse("2026-11-22T12:00:00Z"));
    }
}
