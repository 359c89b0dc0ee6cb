package dev.cofre.application.customer;

import dev.cofre.application.Idempotent;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.MaskedCardToken;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.CustomerCard;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Makes a single-use card token (seed 000, POST /v1/card_tokens): from raw card data (number,
 * expiry, security code, holder and their identification), or from a saved card's id plus its
 * security code captured again ("Capture o código de segurança"). The token lives {@code lifetime}
 * (seven days unless configured) and answers its masked form only.
 */
public final class CreateCardToken {

    /**
     * Raw fields as they arrive; names in errors are the wire's ({@code card_number}, {@code cardholder.name}, ...).
     * {@code customerId}, which the vendor's Java SDK sends with {@code card_id}, must then be the card's customer.
     */
    public record Command(String cardNumber, Integer expirationMonth, Integer expirationYear, String securityCode,
                          String cardholderName, String identificationType, String identificationNumber,
                          String cardId, String customerId, String idempotencyKey) {

        @Override
        public String toString() {
            return "CreateCardToken.Command[" + (cardId != null ? "card_id " + cardId : "raw card") + "]";
        }
    }

    private final CustomerStores stores;
    private final Wallets wallets;
    private final CustomerRequests requests;
    private final CardCipher cipher;
    private final Clock clock;
    private final Ids ids;
    private final Duration lifetime;

    CreateCardToken(CustomerStores stores, Wallets wallets, CustomerRequests requests, CardCipher cipher, Clock clock,
                    Ids ids, Duration lifetime) {
        if (lifetime.isNegative() || lifetime.isZero()) {
            throw new IllegalArgumentException("a card token lives a positive time");
        }
        this.stores = stores;
        this.wallets = wallets;
        this.requests = requests;
        this.cipher = cipher;
        this.clock = clock;
        this.ids = ids;
        this.lifetime = lifetime;
    }

    public Either<DomainError, MaskedCardToken> create(MerchantId merchant, Command command) {
        Instant now = clock.instant();
        Either<InvalidInput, Option<IdempotencyKey>> key = CustomerRequests.key(command.idempotencyKey());
        Either<DomainError, Ready> ready = command.cardId() != null ? fromSavedCard(merchant, command)
                : fromRawCard(command).mapLeft(e -> key.isLeft() ? e.and(key.getLeft()) : e);
        return requests.refusalAudited(merchant, CustomerAudit.CREATE_CARD_TOKEN, Option.none(),
                ready.flatMap(r -> key.<DomainError>mapLeft(e -> e).flatMap(k -> requests.run(merchant, k, parts(r),
                new Idempotent.Memory<>(t -> t.id().value(), id -> stores.cardTokens()
                        .find(merchant, new CardTokenId(id)).toEither(new CardTokenError.NotFound())),
                new CustomerRequests.Audited<>(CustomerAudit.CREATE_CARD_TOKEN, t -> t.id().value()),
                () -> {
                    var token = new CardToken(CardTokenId.issue(ids), merchant, r.card(), Option.some(r.securityCode()),
                            r.identification(), r.savedCard(), now, now.plus(lifetime));
                    stores.cardTokens().issue(token);
                    return Either.right(token.masked());
                }))));
    }

    /** What a retry must ask again: the same card (by its keyed fingerprint, never its number), holder, expiry. */
    private String[] parts(Ready r) {
        return new String[] {"card token", cipher.fingerprint(r.card().pan()).hex(), r.card().expiry().format(),
                r.card().holder().name(), String.valueOf(r.identification()), String.valueOf(r.savedCard())};
    }

    private record Ready(Card card, SecurityCode securityCode, Option<Identification> identification,
                         Option<CardId> savedCard) {
    }

    /** Every invalid field at once; a card expired already is refused too. */
    private Either<InvalidInput, Ready> fromRawCard(Command c) {
        Either<InvalidInput, Pan> pan = Pan.parse("card_number", c.cardNumber());
        Either<InvalidInput, ?> code = pan.isRight()
                ? SecurityCode.parse("security_code", c.securityCode(), pan.get().brand())
                : SecurityCode.checkShape("security_code", c.securityCode());
        return Validation.combine(
                        Validation.fromEither(pan),
                        Validation.fromEither(CardHolder.parse("cardholder.name", c.cardholderName())),
                        Validation.fromEither(expiry(c.expirationMonth(), c.expirationYear())),
                        Validation.fromEither(code),
                        Validation.fromEither(Identification.parse("cardholder.identification",
                                c.identificationType(), c.identificationNumber())))
                .ap((p, holder, expiry, checked, identification) -> new Ready(new Card(p, holder, expiry),
                        (SecurityCode) checked, identification, Option.none()))
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither();
    }

    private Either<InvalidInput, CardExpiry> expiry(Integer month, Integer year) {
        Either<InvalidInput, Integer> m = month == null ? Either.left(InvalidInput.of("expiration_month", "is required"))
                : month < 1 || month > 12 ? Either.left(InvalidInput.of("expiration_month", "must be between 1 and 12"))
                : Either.right(month);
        Either<InvalidInput, Integer> y = year == null ? Either.left(InvalidInput.of("expiration_year", "is required"))
                : year >= 0 && year < 100 ? Either.right(2000 + year)
                : year < 2000 || year > 2199 ? Either.left(InvalidInput.of("expiration_year", "is out of range"))
                : Either.right(year);
        return Validation.combine(Validation.fromEither(m), Validation.fromEither(y))
                .ap((mm, yy) -> CardExpiry.of(yy, mm))
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither()
                .filterOrElse(e -> !e.isExpired(clock), e -> InvalidInput.of("expiration_year", "the card has expired"));
    }

    /** A saved card, its number opened from the vault, with the security code captured again. */
    private Either<DomainError, Ready> fromSavedCard(MerchantId merchant, Command c) {
        if (c.cardNumber() != null) {
            return Either.left(InvalidInput.of("card_number", "must not be sent with card_id"));
        }
        return CardId.parse("card_id", c.cardId()).toOption()
                .flatMap(id -> stores.savedCards().find(merchant, id))
                .filter(saved -> c.customerId() == null || saved.customer().value().equals(c.customerId()))
                .flatMap(wallets::card)
                .<DomainError>toEither(new CustomerError.CardNotFound())
                .flatMap(card -> card.token().active().<DomainError>mapLeft(e -> e)
                        .filterOrElse(t -> !t.expiry().isExpired(clock), t -> new VaultError.CardExpired())
                        .flatMap(t -> SecurityCode.parse("security_code", c.securityCode(), t.card().brand())
                                .<DomainError>mapLeft(e -> e))
                        .flatMap(code -> open(merchant, card)
                                .map(pan -> new Ready(new Card(pan, card.token().holder(), card.token().expiry()), code,
                                        card.saved().holderIdentification(), Option.some(card.id())))));
    }

    private Either<DomainError, Pan> open(MerchantId merchant, CustomerCard card) {
        return stores.tokens().sealedPan(merchant, card.token().reference())
                .<DomainError>toEither(new VaultError.SealBroken())
                .flatMap(sealed -> cipher.open(sealed, merchant, card.token().reference()).mapLeft(e -> e));
    }
}
