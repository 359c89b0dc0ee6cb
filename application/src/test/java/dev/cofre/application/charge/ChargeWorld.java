package dev.cofre.application.charge;

import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.application.inmemory.HmacCryptogramHasher;
import dev.cofre.application.inmemory.InMemoryCardTokens;
import dev.cofre.application.inmemory.InMemoryCharges;
import dev.cofre.application.inmemory.InMemorySpentCryptograms;
import dev.cofre.application.inmemory.InMemoryTokens;
import dev.cofre.application.inmemory.InMemoryTransactions;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeFixtures;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Every charge use case wired to in-memory stores and a given acquirer, with a gateway merchant that may pre-authorize. */
public final class ChargeWorld {

    public static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    public final Merchant merchant = ChargeFixtures.gateway();
    public final Merchant otherMerchant = ChargeFixtures.gateway();
    public final InMemoryCharges charges = new InMemoryCharges();
    public final InMemoryTokens tokens = new InMemoryTokens();
    public final InMemoryCardTokens cardTokens = new InMemoryCardTokens();
    public final InMemorySpentCryptograms spentCryptograms = new InMemorySpentCryptograms();
    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final SecureIds ids = new SecureIds();
    public final AuthorizeCharge authorize;
    public final CaptureCharge capture;
    public final VoidCharge voids;
    public final RefundCharge refund;
    public final ReconcileCharges reconcile;
    private final TestCardCipher cipher = new TestCardCipher();

    public ChargeWorld(Acquirer acquirer) {
        var transactions = new InMemoryTransactions();
        authorize = new AuthorizeCharge(charges, tokens, cipher, cardTokens, HmacCryptogramHasher.withRandomKey(),
                spentCryptograms, acquirer, transactions, ids, clock);
        capture = new CaptureCharge(charges, acquirer, transactions, ids, clock);
        voids = new VoidCharge(charges, acquirer, transactions, ids, clock);
        refund = new RefundCharge(charges, acquirer, transactions, ids, clock);
        reconcile = new ReconcileCharges(charges, acquirer, transactions, clock, Duration.ZERO);
    }

    /** Vaults a card for a merchant and returns its reference; suspended if asked. */
    public TokenReference vault(Merchant owner, String number, boolean suspended) {
        Pan pan = Pan.parse(number).get();
        var reference = new TokenReference(UUID.randomUUID());
        Token token = Token.issue(reference, owner.id(), Option.none(), Option.none(), pan.masked(),
                new CardHolder("Tony Stark"), CardExpiry.of(2030, 1), cipher.fingerprint(pan), NOW);
        tokens.add(token, cipher.seal(pan, owner.id(), reference));
        if (suspended) {
            tokens.update(token.suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW).get());
        }
        return reference;
    }

    /** Issues a single-use card token for the merchant. */
    public CardTokenId cardToken(String number) {
        Pan pan = Pan.parse(number).get();
        var id = CardTokenId.issue(ids);
        cardTokens.issue(new CardToken(id, merchant.id(), new Card(pan, new CardHolder("Tony Stark"),
                CardExpiry.of(2030, 1)), SecurityCode.parse("cvv", "353", pan.brand()).toOption(),
                NOW.plus(CardToken.LIFETIME)));
        return id;
    }

    public static AuthorizeCharge.CreditCard card(String number, String operationType) {
        return new AuthorizeCharge.CreditCard(1, "AVENGERS", operationType,
                new AuthorizeCharge.CardFields(number, "Tony Stark", 1, 30, "353"), null, null, null,
                null, null, null, null, null, null);
    }

    public static AuthorizeCharge.CreditCard cardId(TokenReference reference, String operationType) {
        return new AuthorizeCharge.CreditCard(1, "AVENGERS", operationType, null, reference.toString(), null, null,
                null, null, null, null, null, null);
    }

    public static AuthorizeCharge.CreditCard cardToken(CardTokenId id, String operationType) {
        return new AuthorizeCharge.CreditCard(1, "AVENGERS", operationType, null, null, id.value(), null,
                null, null, null, null, null, null);
    }

    public static AuthorizeCharge.CreditCard networkToken(String cryptogram, String operationType) {
        return new AuthorizeCharge.CreditCard(1, "AVENGERS", operationType, null, null, null,
                new AuthorizeCharge.NetworkTokenFields("4190000000000010", "Tony Stark", 1, 30, List.of(cryptogram)),
                null, null, null, null, Map.of(), null);
    }

    public static AuthorizeCharge.Command order(String key, long amount, AuthorizeCharge.CreditCard creditCard) {
        return new AuthorizeCharge.Command(key,
                List.of(new AuthorizeCharge.Item(amount, "Chaveiro do Tesseract", 1)), creditCard);
    }

    public Either<DomainError, Charge> authorize(String key, long amount, AuthorizeCharge.CreditCard creditCard) {
        return authorize.authorize(merchant, order(key, amount, creditCard));
    }

    public Either<DomainError, Charge> capture(Charge charge, Long amount, String key) {
        return capture.capture(merchant.id(), new CaptureCharge.Command(charge.id().value(), amount, key));
    }

    public Either<DomainError, Charge> voidIt(Charge charge, Long amount, String key) {
        return voids.voidAuthorization(merchant.id(), new VoidCharge.Command(charge.id().value(), amount, key));
    }

    public Either<DomainError, Charge> refund(Charge charge, Long amount, String key) {
        return refund.refund(merchant.id(), new RefundCharge.Command(charge.id().value(), amount, key));
    }

    public Charge reload(Charge charge) {
        return charges.find(charge.merchant(), charge.id()).get();
    }
}
