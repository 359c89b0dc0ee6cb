package dev.cofre.application.charge;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.Acquirer.ChargeableCard;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.CardSource;
import dev.cofre.domain.charge.CardSummary;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.CreditCardPayment;
import dev.cofre.domain.charge.Cryptogram;
import dev.cofre.domain.charge.CryptogramHasher;
import dev.cofre.domain.charge.IdempotencyKey;
import dev.cofre.domain.charge.NetworkToken;
import dev.cofre.domain.charge.Order;
import dev.cofre.domain.charge.OrderId;
import dev.cofre.domain.charge.OrderItem;
import dev.cofre.domain.charge.Rejection;
import dev.cofre.domain.charge.SpentCryptograms;
import dev.cofre.domain.charge.ThreeDSecure;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.Tokens;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;

/**
 * Creates an order and charges it to one card: a card, a vaulted card (card_id), a single-use card
 * token or a network token. The charge is written before the acquirer is asked, in the status "no
 * answer" means, so a crash or timeout leaves it with_error for reconciliation, never lost. The
 * same idempotency key gets the first charge back.
 */
public final class AuthorizeCharge {

    public record Command(@NotBlank @Size(max = 255) String idempotencyKey,
                          @NotEmpty java.util.List<@Valid @NotNull Item> items,
                          @NotNull @Valid CreditCard creditCard) {
    }

    public record Item(@NotNull @PositiveOrZero Long amount, @NotBlank @Size(max = 256) String description,
                       @NotNull @Min(1) Integer quantity) {
    }

    /** seed 002's credit_card object. Exactly one of card, cardId, cardToken, networkToken. */
    public record CreditCard(Integer installments, String statementDescriptor, String operationType,
                             @Valid CardFields card, @Size(max = 64) String cardId, @Size(max = 64) String cardToken,
                             @Valid NetworkTokenFields networkToken, String recurrenceCycle,
                             String recurrenceModel, String initiatedType, String fundingSource,
                             java.util.Map<String, String> metadata, @Valid Authentication authentication) {

        @AssertTrue(message = "must have exactly one of card, card_id, card_token or network_token")
        public boolean isOneCardSource() {
            return List.of(card, cardId, cardToken, networkToken).count(java.util.Objects::nonNull) == 1;
        }
    }

    public record CardFields(@NotBlank String number, @NotBlank String holderName,
                             @NotNull @Min(1) @Max(12) Integer expMonth, @NotNull Integer expYear,
                             @NotBlank String cvv) {
        @Override
        public String toString() {
            return "CardFields[***]";
        }
    }

    public record NetworkTokenFields(@NotBlank String number, @NotBlank String holderName,
                                     @NotNull @Min(1) @Max(12) Integer expMonth, @NotNull Integer expYear,
                                     @NotEmpty java.util.List<@NotBlank String> cryptograms) {
        @Override
        public String toString() {
            return "NetworkTokenFields[***]";
        }
    }

    public record Authentication(@NotBlank String type, @NotNull @Valid ThreeDSecureFields threedSecure) {
    }

    public record ThreeDSecureFields(String mpi, String eci, String cavv, String transactionId,
                                     String dsTransactionId, String version) {
        @Override
        public String toString() {
            return "ThreeDSecureFields[mpi " + mpi + ", eci " + eci + ", version " + version + "]";
        }
    }

    private final Charges charges;
    private final Tokens tokens;
    private final CardCipher cipher;
    private final CardTokens cardTokens;
    private final CryptogramHasher hasher;
    private final SpentCryptograms spentCryptograms;
    private final Acquirer acquirer;
    private final Transactions transactions;
    private final Ids ids;
    private final Clock clock;

    public AuthorizeCharge(Charges charges, Tokens tokens, CardCipher cipher, CardTokens cardTokens,
                           CryptogramHasher hasher, SpentCryptograms spentCryptograms, Acquirer acquirer,
                           Transactions transactions, Ids ids, Clock clock) {
        this.charges = charges;
        this.tokens = tokens;
        this.cipher = cipher;
        this.cardTokens = cardTokens;
        this.hasher = hasher;
        this.spentCryptograms = spentCryptograms;
        this.acquirer = acquirer;
        this.transactions = transactions;
        this.ids = ids;
        this.clock = clock;
    }

    public Either<DomainError, Charge> authorize(Merchant merchant, Command command) {
        return Commands.validate(command).<DomainError>mapLeft(e -> e)
                .flatMap(c -> IdempotencyKey.parse("idempotencyKey", c.idempotencyKey()).<DomainError>mapLeft(e -> e))
                .flatMap(key -> charges.findByKey(merchant.id(), key)
                        .fold(() -> authorizeNew(merchant, command, key), existing -> replay(existing, key)));
    }

    private Either<DomainError, Charge> replay(Charge existing, IdempotencyKey key) {
        return existing.authorization().key().equals(key)
                ? Either.right(existing)
                : Either.left(new ChargeError.IdempotencyKeyReused());
    }

    private Either<DomainError, Charge> authorizeNew(Merchant merchant, Command command, IdempotencyKey key) {
        Instant now = clock.instant();
        CreditCard cc = command.creditCard();
        return parseSource(cc).flatMap(source -> describe(merchant, source, now)
                .flatMap(summary -> Validation.combine(
                                Validation.fromEither(order(merchant, command, now)),
                                Validation.fromEither(CreditCardPayment.parse(paymentFields(cc), merchant,
                                        summary.brand())))
                        .ap(Plan::new)
                        .mapError(errors -> (DomainError) errors.reduce(InvalidInput::and))
                        .toEither()
                        .flatMap(plan -> take(merchant, source, now)
                                .flatMap(card -> open(plan.order(), plan.payment(), summary, card, key, now)))));
    }

    private Either<DomainError, Charge> open(Order order, CreditCardPayment payment, CardSummary summary,
                                             Either<Rejection, Ready> card, IdempotencyKey key, Instant now) {
        ChargeId id = new ChargeId(ids.prefixed("ch_", 16));
        TransactionId tx = new TransactionId(ids.prefixed("tran_", 16));
        Charge charge = card.fold(
                why -> Charge.rejected(id, order, payment, summary, tx, key, why, now),
                ready -> Charge.authorizing(id, order, payment, summary, tx, key, now));
        Either<ChargeError, Charge> written = transactions.inTransaction(() -> charges.add(charge));
        if (written.isLeft()) {
            // another request with the same key got there first: answer as it will
            return charges.findByKey(order.merchant(), key).<Either<DomainError, Charge>>map(c -> replay(c, key))
                    .getOrElse(Either.left(written.getLeft()));
        }
        if (card.isLeft()) {
            return Either.right(charge);
        }
        Ready ready = card.get();
        AcquirerAnswer answer = acquirer.authorize(new Acquirer.AuthorizationRequest(tx, order.merchant(),
                order.amount(), payment.operationType(), summary.paymentType(), ready.card(), payment.installments(),
                payment.statementDescriptor(), payment.authentication(), ready.cryptogram()));
        return FollowUps.record(charges, transactions, order.merchant(), id, tx, answer, clock);
    }

    private record Plan(Order order, CreditCardPayment payment) {
    }

    private Either<InvalidInput, Order> order(Merchant merchant, Command command, Instant now) {
        return List.ofAll(command.items()).zipWithIndex()
                .map(t -> OrderItem.parse("items[" + t._2 + "]", t._1.description(), t._1.amount(), t._1.quantity()))
                .foldLeft(Either.<InvalidInput, List<OrderItem>>right(List.empty()),
                        (acc, item) -> acc.flatMap(list -> item.map(list::append)))
                .flatMap(items -> Order.of(new OrderId(ids.prefixed("or_", 16)), merchant.id(), items, now));
    }

    private static CreditCardPayment.Fields paymentFields(CreditCard cc) {
        ThreeDSecure.Fields auth = cc.authentication() == null ? null : new ThreeDSecure.Fields(
                cc.authentication().type(), cc.authentication().threedSecure().mpi(),
                cc.authentication().threedSecure().eci(), cc.authentication().threedSecure().cavv(),
                cc.authentication().threedSecure().transactionId(),
                cc.authentication().threedSecure().dsTransactionId(), cc.authentication().threedSecure().version());
        return new CreditCardPayment.Fields(cc.operationType(), cc.installments(), cc.statementDescriptor(),
                cc.recurrenceCycle(), cc.recurrenceModel(), cc.initiatedType(), cc.fundingSource(), cc.metadata(), auth);
    }

    /** Parses the one card source sent; nothing is looked up yet. */
    private static Either<DomainError, CardSource> parseSource(CreditCard cc) {
        if (cc.card() != null) {
            CardFields f = cc.card();
            return Validation.combine(
                            Validation.fromEither(Pan.parse("card.number", f.number())),
                            Validation.fromEither(CardHolder.parse("card.holder_name", f.holderName())),
                            Validation.fromEither(CardExpiry.fromParts("card.exp_month", f.expMonth(), f.expYear())))
                    .ap(Card::new)
                    .mapError(errors -> errors.reduce(InvalidInput::and))
                    .toEither()
                    .flatMap(card -> SecurityCode.parse("card.cvv", f.cvv(), card.brand())
                            .map(cvv -> (CardSource) new CardSource.PresentedCard(card, cvv)))
                    .mapLeft(e -> e);
        }
        if (cc.cardId() != null) {
            return TokenReference.parse("card_id", cc.cardId())
                    .<CardSource>map(ref -> new CardSource.VaultedCard(ref, Option.none())).mapLeft(e -> e);
        }
        if (cc.cardToken() != null) {
            return CardTokenId.parse("card_token", cc.cardToken())
                    .<CardSource>map(CardSource.SingleUseToken::new).mapLeft(e -> e);
        }
        NetworkTokenFields f = cc.networkToken();
        var cryptograms = List.ofAll(f.cryptograms()).zipWithIndex()
                .map(t -> Validation.fromEither(Cryptogram.parse("network_token.cryptograms[" + t._2 + "]", t._1)));
        return Validation.combine(
                        Validation.fromEither(Pan.parse("network_token.number", f.number())),
                        Validation.fromEither(CardHolder.parse("network_token.holder_name", f.holderName())),
                        Validation.fromEither(CardExpiry.fromParts("network_token.exp_month", f.expMonth(), f.expYear())),
                        Validation.sequence(cryptograms.map(v -> v.mapError(List::of)))
                                .mapError(errors -> errors.reduce(InvalidInput::and)))
                .ap((pan, holder, expiry, crypto) -> (CardSource) new CardSource.NetworkTokenCard(
                        new NetworkToken(pan, holder, expiry, List.ofAll(crypto))))
                .mapError(errors -> (DomainError) errors.reduce(InvalidInput::and))
                .toEither();
    }

    /** What the charge will show of its card, looked up without using anything up. */
    private Either<DomainError, CardSummary> describe(Merchant merchant, CardSource source, Instant now) {
        if (source instanceof CardSource.PresentedCard p) {
            return Either.right(new CardSummary(source.kind(), p.card().pan().masked(), p.card().holder(),
                    p.card().expiry(), Option.none()));
        }
        if (source instanceof CardSource.VaultedCard v) {
            return tokens.find(merchant.id(), v.reference())
                    .<DomainError>toEither(ChargeError.CardNotFound::new)
                    .map(t -> new CardSummary(source.kind(), t.card(), t.holder(), t.expiry(),
                            Option.some(t.reference())));
        }
        if (source instanceof CardSource.SingleUseToken s) {
            return cardTokens.peek(merchant.id(), s.id(), now)
                    .<DomainError>mapLeft(e -> new ChargeError.CardTokenNotFound())
                    .map(t -> new CardSummary(source.kind(), t.card().pan().masked(), t.card().holder(),
                            t.card().expiry(), Option.none()));
        }
        NetworkToken n = ((CardSource.NetworkTokenCard) source).token();
        return Either.right(new CardSummary(source.kind(), n.number().masked(), n.holder(), n.expiry(), Option.none()));
    }

    /** A card ready for the acquirer, and the network token's cryptogram if there is one. */
    private record Ready(ChargeableCard card, Option<Cryptogram> cryptogram) {
    }

    /**
     * Uses the source up (a card token is redeemed, a cryptogram spent) and opens the card for the
     * acquirer; or says why the charge must fail without asking the acquirer.
     */
    private Either<DomainError, Either<Rejection, Ready>> take(Merchant merchant, CardSource source, Instant now) {
        LocalDate today = LocalDate.ofInstant(now, clock.getZone());
        if (source instanceof CardSource.PresentedCard p) {
            return Either.right(unexpired(p.card().expiry(), today, new Ready(new ChargeableCard(p.card().pan(),
                    p.card().holder(), p.card().expiry(), Option.some(p.securityCode())), Option.none())));
        }
        if (source instanceof CardSource.VaultedCard v) {
            var token = tokens.find(merchant.id(), v.reference());
            if (token.isEmpty()) {
                return Either.left(new ChargeError.CardNotFound());
            }
            if (!token.get().isActive()) {
                return Either.right(Either.left(Rejection.TOKEN_NOT_ACTIVE));
            }
            return tokens.sealedPan(merchant.id(), v.reference())
                    .toEither((DomainError) new ChargeError.CardUnreadable())
                    .flatMap(sealed -> cipher.open(sealed, merchant.id(), v.reference())
                            .<DomainError>mapLeft(e -> new ChargeError.CardUnreadable()))
                    .map(pan -> unexpired(token.get().expiry(), today, new Ready(new ChargeableCard(pan,
                            token.get().holder(), token.get().expiry(), v.securityCode()), Option.none())));
        }
        if (source instanceof CardSource.SingleUseToken s) {
            return cardTokens.redeem(merchant.id(), s.id(), now)
                    .<DomainError>mapLeft(e -> new ChargeError.CardTokenNotFound())
                    .map(t -> unexpired(t.card().expiry(), today, new Ready(new ChargeableCard(t.card().pan(),
                            t.card().holder(), t.card().expiry(), t.securityCode()), Option.none())));
        }
        NetworkToken n = ((CardSource.NetworkTokenCard) source).token();
        if (!spentCryptograms.spend(hasher.digest(n.cryptogram()), now)) {
            return Either.right(Either.left(Rejection.CRYPTOGRAM_ALREADY_USED));
        }
        return Either.right(unexpired(n.expiry(), today, new Ready(new ChargeableCard(n.number(), n.holder(),
                n.expiry(), Option.none()), Option.some(n.cryptogram()))));
    }

    private static Either<Rejection, Ready> unexpired(CardExpiry expiry, LocalDate today, Ready ready) {
        return expiry.isExpiredOn(today) ? Either.left(Rejection.CARD_EXPIRED) : Either.right(ready);
    }
}
