package dev.cofre.application.charge;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Brand;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.charge.Acquirer.ChargeableCard;
import dev.cofre.domain.charge.CardSource;
import dev.cofre.domain.charge.CardSummary;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.Cryptogram;
import dev.cofre.domain.charge.CryptogramHasher;
import dev.cofre.domain.charge.NetworkToken;
import dev.cofre.domain.charge.Rejection;
import dev.cofre.domain.charge.SpentCryptograms;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.Tokens;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The four card sources of a charge, handled in one place: parsed from the command (every invalid
 * field at once), identified for the request's fingerprint, looked up (what the charge will show,
 * without using anything up) and taken (a card token redeemed, a cryptogram spent, a vaulted
 * number opened) when the charge is made.
 */
final class CardSources {

    /** A card ready for the acquirer, and the network token's cryptogram if there is one. */
    record Ready(ChargeableCard card, Option<Cryptogram> cryptogram) {
    }

    /** Uses the source up and opens it for the acquirer; or says why the charge fails without asking it. */
    @FunctionalInterface
    interface Take {
        Either<DomainError, Either<Rejection, Ready>> at(Instant now);
    }

    /** A source looked up: what the charge shows of it, and how to take it. */
    record Found(CardSummary summary, Take take) {
    }

    private final Tokens tokens;
    private final CardCipher cipher;
    private final CardTokens cardTokens;
    private final CryptogramHasher hasher;
    private final SpentCryptograms spentCryptograms;
    private final Clock clock;

    CardSources(Tokens tokens, CardCipher cipher, CardTokens cardTokens, CryptogramHasher hasher,
                SpentCryptograms spentCryptograms, Clock clock) {
        this.clock = clock;
        this.tokens = tokens;
        this.cipher = cipher;
        this.cardTokens = cardTokens;
        this.hasher = hasher;
        this.spentCryptograms = spentCryptograms;
    }

    /** The source the command names, with every invalid field of it; nothing is looked up. */
    static Either<InvalidInput, CardSource> parse(CardInput input) {
        if (input == null) {
            return Either.left(InvalidInput.missing("card"));
        }
        if (input instanceof CardInput.PresentedCard c) {
            Either<InvalidInput, Card> card = card("card", c.number(), c.holder(), c.expMonth(), c.expYear());
            if (card.isLeft()) {
                // no brand to check the code against: check what can be checked without one
                InvalidInput invalid = card.getLeft();
                return Either.left(SecurityCode.checkShape("card.cvv", c.securityCode())
                        .fold(invalid::and, shapeIsFine -> invalid));
            }
            return SecurityCode.parseForCharge("card.cvv", c.securityCode(), card.get().brand())
                    .map(cvv -> new CardSource.PresentedCard(card.get(), cvv));
        }
        if (input instanceof CardInput.VaultedCard v) {
            return Validation.combine(
                            Validation.fromEither(TokenReference.parse("card_id", v.reference())),
                            Validation.fromEither(v.securityCode() == null
                                    ? Either.<InvalidInput, Option<SecurityCode>>right(Option.none())
                                    : SecurityCode.parseForVaultedCharge("card.cvv", v.securityCode()).map(Option::some)))
                    .ap((ref, cvv) -> (CardSource) new CardSource.VaultedCard(ref, cvv))
                    .mapError(CardSources::all)
                    .toEither();
        }
        if (input instanceof CardInput.SingleUseToken t) {
            return CardTokenId.parse("card_token", t.id()).map(CardSource.SingleUseToken::new);
        }
        CardInput.NetworkToken n = (CardInput.NetworkToken) input;
        var cryptograms = n.cryptograms() == null || n.cryptograms().isEmpty()
                ? Validation.<InvalidInput, List<Cryptogram>>invalid(
                InvalidInput.of("network_token.cryptograms", "must have at least one cryptogram"))
                : Validation.sequence(List.ofAll(n.cryptograms()).zipWithIndex()
                        .map(t -> Validation.fromEither(Cryptogram.parse("network_token.cryptograms[" + t._2 + "]", t._1))
                                .mapError(List::of)))
                .mapError(CardSources::all).map(List::ofAll);
        return Validation.combine(
                        Validation.fromEither(card("network_token", n.number(), n.holder(), n.expMonth(), n.expYear())),
                        cryptograms)
                .ap((card, crypto) -> (CardSource) new CardSource.NetworkTokenCard(
                        new NetworkToken(card.pan(), card.holder(), card.expiry(), crypto)))
                .mapError(CardSources::all)
                .toEither();
    }

    /** The brand, when the command itself tells it (a card or a network token). */
    static Option<Brand> brandOf(CardSource source) {
        if (source instanceof CardSource.PresentedCard p) {
            return Option.some(p.card().brand());
        }
        if (source instanceof CardSource.NetworkTokenCard n) {
            return Option.some(n.token().number().brand());
        }
        return Option.none();
    }

    /**
     * What identifies the source in a request's fingerprint: a card's keyed fingerprint (never its
     * number), a vaulted card's reference, a card token's id, a network token's fingerprint and
     * cryptogram digest.
     */
    String identity(CardSource source) {
        if (source instanceof CardSource.PresentedCard p) {
            return "card " + cipher.fingerprint(p.card().pan()).hex();
        }
        if (source instanceof CardSource.VaultedCard v) {
            return "card_id " + v.reference();
        }
        if (source instanceof CardSource.SingleUseToken s) {
            return "card_token " + s.id();
        }
        NetworkToken n = ((CardSource.NetworkTokenCard) source).token();
        return "network_token " + cipher.fingerprint(n.number()).hex() + " " + hasher.digest(n.cryptogram()).hex();
    }

    /** Looks the source up without using it up; another merchant's card or token is not found. */
    Either<DomainError, Found> find(MerchantId merchant, CardSource source, Instant now) {
        if (source instanceof CardSource.PresentedCard p) {
            Card card = p.card();
            return Either.right(new Found(summary(source, card, Option.none()), at -> Either.right(unexpired(
                    card.expiry(), at, new Ready(chargeable(card, Option.some(p.securityCode())), Option.none())))));
        }
        if (source instanceof CardSource.VaultedCard v) {
            return tokens.find(merchant, v.reference())
                    .<DomainError>toEither(ChargeError.CardNotFound::new)
                    .map(token -> vaulted(merchant, token, v.securityCode()));
        }
        if (source instanceof CardSource.SingleUseToken s) {
            return cardTokens.peek(merchant, s.id(), now)
                    .<DomainError>mapLeft(e -> new ChargeError.CardTokenNotFound())
                    .map(peeked -> new Found(summary(source, peeked.card(), Option.none()), at -> cardTokens
                            .redeem(merchant, s.id(), at)
                            .<DomainError>mapLeft(e -> new ChargeError.CardTokenNotFound())
                            .map(t -> unexpired(t.card().expiry(), at,
                                    new Ready(chargeable(t.card(), t.securityCode()), Option.none())))));
        }
        NetworkToken n = ((CardSource.NetworkTokenCard) source).token();
        Card card = new Card(n.number(), n.holder(), n.expiry());
        return Either.right(new Found(summary(source, card, Option.none()), at -> Either.right(
                !spentCryptograms.spend(hasher.digest(n.cryptogram()), at)
                        ? Either.left(Rejection.CRYPTOGRAM_ALREADY_USED)
                        : unexpired(n.expiry(), at, new Ready(chargeable(card, Option.none()),
                        Option.some(n.cryptogram()))))));
    }

    /** The one read of a vaulted card: what the charge shows, and (only if it is active) its number opened. */
    private Found vaulted(MerchantId merchant, Token token, Option<SecurityCode> securityCode) {
        var summary = new CardSummary(CardSource.Kind.CARD_ID, token.card(), token.holder(), token.expiry(),
                Option.some(token.reference()));
        return new Found(summary, at -> token.active().fold(
                notActive -> Either.right(Either.left(Rejection.TOKEN_NOT_ACTIVE)),
                active -> tokens.sealedPan(active)
                        .toEither((DomainError) new ChargeError.CardUnreadable())
                        .flatMap(sealed -> cipher.open(sealed, merchant, active.reference())
                                .<DomainError>mapLeft(e -> new ChargeError.CardUnreadable()))
                        .map(pan -> unexpired(active.expiry(), at, new Ready(
                                new ChargeableCard(pan, active.holder(), active.expiry(), securityCode), Option.none())))));
    }

    private static CardSummary summary(CardSource source, Card card, Option<TokenReference> vaulted) {
        return new CardSummary(source.kind(), card.pan().masked(), card.holder(), card.expiry(), vaulted);
    }

    private static ChargeableCard chargeable(Card card, Option<SecurityCode> securityCode) {
        return new ChargeableCard(card.pan(), card.holder(), card.expiry(), securityCode);
    }

    private Either<Rejection, Ready> unexpired(CardExpiry expiry, Instant now, Ready ready) {
        return expiry.isExpiredOn(LocalDate.ofInstant(now, clock.getZone()))
                ? Either.left(Rejection.CARD_EXPIRED) : Either.right(ready);
    }

    private static Either<InvalidInput, Card> card(String prefix, String number, String holder, Integer month,
                                                   Integer year) {
        return Validation.combine(
                        Validation.fromEither(Pan.parse(prefix + ".number", number)),
                        Validation.fromEither(CardHolder.parse(prefix + ".holder_name", holder)),
                        Validation.fromEither(month == null || year == null
                                ? Either.<InvalidInput, CardExpiry>left(InvalidInput.of(prefix + ".exp_month",
                                "month and year are required"))
                                : CardExpiry.fromParts(prefix + ".exp_month", month, year)))
                .ap(Card::new)
                .mapError(CardSources::all)
                .toEither();
    }

    private static InvalidInput all(io.vavr.collection.Seq<InvalidInput> errors) {
        return errors.reduce(InvalidInput::and);
    }
}
