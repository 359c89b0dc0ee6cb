package dev.cofre.application.token;

import dev.cofre.application.Commands;
import dev.cofre.application.Idempotent;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.idempotency.IdempotentRequest;
import dev.cofre.domain.idempotency.RequestFingerprint;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Vaults a card (seed 003, POST /v1/Token): checks it, checks the security code against the
 * brand's length and drops it, seals the number and returns the token. Retried with the same
 * idempotency key, it returns the first token instead of vaulting the card twice.
 */
public final class TokenizeCard {

    static final String IDEMPOTENCY_SCOPE = "tokenize";

    public record Command(
            @Size(max = Alias.MAX_LENGTH, message = "must have at most {max} characters") String alias,
            @NotBlank(message = "is required") @Size(max = 19, message = "must have at most {max} digits") String number,
            @NotBlank(message = "is required") String holder,
            @NotBlank(message = "is required") String expiration,
            @NotBlank(message = "is required") String securityCode,
            @Size(min = 1, max = 255, message = "must have 1 to {max} characters") String idempotencyKey) {

        @Override
        public String toString() {
            return "TokenizeCard.Command[alias=" + alias + "]";
        }
    }

    private final VaultStores stores;
    private final NewToken newToken;
    private final Audit audit;

    TokenizeCard(VaultStores stores, NewToken newToken, Audit audit) {
        this.stores = stores;
        this.newToken = newToken;
        this.audit = audit;
    }

    public Either<DomainError, Token> tokenize(MerchantId merchant, Command command) {
        return Commands.validate(command, TokenizeCard::parse)
                .<DomainError>mapLeft(e -> e)
                .flatMap(p -> newToken.prepare(merchant, p.card(), p.alias(), Option.none())
                        .flatMap(prepared -> vault(merchant, prepared, p.idempotencyKey())));
    }

    private record Parsed(Card card, Option<Alias> alias, Option<IdempotencyKey> idempotencyKey) {
    }

    /**
     * Every invalid field at once, whatever the command's constraints said. The CVV is checked
     * against the brand, then dropped: never stored.
     */
    private static Either<InvalidInput, Parsed> parse(Command c) {
        Either<InvalidInput, Card> card = Card.parse("number", c.number(), "holder", c.holder(),
                "expiration", c.expiration());
        Either<InvalidInput, ?> securityCode = card.isRight()
                ? SecurityCode.parse("securityCode", c.securityCode(), card.get().brand())
                : SecurityCode.checkShape("securityCode", c.securityCode());
        Either<InvalidInput, Option<IdempotencyKey>> idempotencyKey = c.idempotencyKey() == null
                ? Either.right(Option.none())
                : IdempotencyKey.parse("idempotencyKey", c.idempotencyKey()).map(Option::some);
        return Validation.combine(Validation.fromEither(card), Validation.fromEither(securityCode),
                        Validation.fromEither(optionalAlias(c.alias())), Validation.fromEither(idempotencyKey))
                .ap((parsedCard, checkedAndDropped, alias, key) -> new Parsed(parsedCard, alias, key))
                .mapError(InvalidInput::all)
                .toEither();
    }

    static Either<InvalidInput, Option<Alias>> optionalAlias(String raw) {
        return raw == null || raw.isEmpty()
                ? Either.right(Option.none())
                : Alias.parse("alias", raw).map(Option::some);
    }

    private Either<DomainError, Token> vault(MerchantId merchant, NewToken.Prepared prepared,
                                             Option<IdempotencyKey> idempotencyKey) {
        var token = prepared.token();
        // what a retry must ask again: the same card (by its keyed fingerprint), holder, expiry and alias
        RequestFingerprint fingerprint = RequestFingerprint.of(token.fingerprint().hex(), token.holder().name(),
                token.expiry().format(), token.alias().map(Alias::value).getOrElse(""));
        Option<IdempotentRequest> request = idempotencyKey
                .map(key -> new IdempotentRequest(merchant, IDEMPOTENCY_SCOPE, key, fingerprint));
        return audit.atomically(merchant, "tokenize", t -> Option.some(t.reference().toString()), Option.none(),
                () -> Idempotent.within(stores.idempotency(), request,
                        new Idempotent.Memory<Token>(t -> t.reference().toString(), first -> replay(merchant, first)),
                        () -> stores.tokens().add(token, prepared.sealedPan())));
    }

    private Either<DomainError, Token> replay(MerchantId merchant, String firstReference) {
        return TokenReference.parse("reference", firstReference)
                .<DomainError>mapLeft(e -> e)
                .flatMap(ref -> stores.tokens().find(merchant, ref).toEither(new VaultError.TokenNotFound()));
    }
}
