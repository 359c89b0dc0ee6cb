package dev.cofre.application.charge;

import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.application.inmemory.InMemoryCharges;
import dev.cofre.application.inmemory.InMemoryCryptogramHasher;
import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.application.inmemory.InMemoryTokens;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeFixtures;
import dev.cofre.domain.charge.CreditCardPayment;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.token.ActiveToken;
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

/**
 * Every charge use case, built by {@link Charging#create} over in-memory stores and a given
 * acquirer, with a gateway merchant that may pre-authorize.
 */
public final class ChargeWorld {

    public static final Instant NOW = Instant.parse("2026-11-22T12:00:00Z");

    /** The card to charge and the charge's options, as a test builds them. */
    public record Pay(CardInput card, CreditCardPayment.Fields payment) {
        public Pay with(CreditCardPayment.Fields other) {
            return new Pay(card, other);
        }
    }

    public final Merchant merchant = ChargeFixtures.gateway();
    public final Merchant otherMerchant = ChargeFixtures.gateway();
    public final InMemoryStores stores = new InMemoryStores();
    public final InMemoryCharges charges = stores.charges;
    public final InMemoryTokens tokens = stores.tokens;
    public final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    public final SecureIds ids = new SecureIds();
    public final Charging charging;
    public final AuthorizeCharge authorize;
    public final CaptureCharge capture;
    public final VoidCharge voids;
    public final RefundCharge refund;
    public final ReconcileCharges reconcile;
    private final TestCardCipher cipher = new TestCardCipher();
    public final CardTokens cardTokens = stores.cardTokens(cipher);

    public ChargeWorld(Acquirer acquirer) {
        charging = Charging.create(new ChargeStores(stores.charges, stores.tokens, cardTokens, stores.spentCryptograms,
                stores.idempotency, stores.reconcileLeases, stores.transactions, stores.customers, stores.savedCards), cipher, new InMemoryCryptogramHasher(), acquirer, clock, ids,
                Duration.ZERO);
        authorize = charging.authorize();
        capture = charging.capture();
        voids = charging.voids();
        refund = charging.refund();
        reconcile = charging.reconcile();
    }

    /** Vaults a card for a merchant and returns its reference; suspended if asked. */
    public TokenReference vault(Merchant owner, String number, boolean suspended) {
        Pan pan = Pan.parse(number).get();
        var reference = new TokenReference(UUID.randomUUID());
        ActiveToken token = Token.issue(reference, owner.id(), Option.none(), Option.none(), pan.masked(),
                new CardHolder("Tony Stark"), CardExpiry.of(2030, 1), cipher.fingerprint(pan), NOW);
        tokens.add(token, cipher.seal(pan, owner.id(), reference));
        if (suspended) {
            tokens.update(token.suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW));
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

    /** The options most tests use: one installment, a statement descriptor, and the operation type (null: the default). */
    public static CreditCardPayment.Fields options(String operationType) {
        return new CreditCardPayment.Fields(operationType, 1, "AVENGERS", null, null, null, null, null, null);
    }

    public static Pay card(String number, String operationType) {
        return card(number, 1, 30, "353", operationType);
    }

    public static Pay card(String number, int month, int year, String securityCode, String operationType) {
        return new Pay(new CardInput.PresentedCard(number, "Tony Stark", month, year, securityCode),
                options(operationType));
    }

    public static Pay cardId(TokenReference reference, String operationType) {
        return new Pay(new CardInput.VaultedCard(reference.toString()), options(operationType));
    }

    public static Pay cardToken(CardTokenId id, String operationType) {
        return new Pay(new CardInput.SingleUseToken(id.value()), options(operationType));
    }

    public static Pay networkToken(String cryptogram, String operationType) {
        return new Pay(new CardInput.NetworkToken("4190000000000010", "Tony Stark", 1, 30, List.of(cryptogram)),
                new CreditCardPayment.Fields(operationType, 1, "AVENGERS", null, null, null, null, Map.of(), null));
    }

    public static AuthorizeCharge.Command order(String key, long amount, Pay pay) {
        return new AuthorizeCharge.Command(key,
                List.of(new AuthorizeCharge.Item("Chaveiro do Tesseract", amount, 1)), pay.card(), pay.payment());
    }

    public Either<DomainError, Charge> authorize(String key, long amount, Pay pay) {
        return authorize.authorize(merchant, order(key, amount, pay));
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
