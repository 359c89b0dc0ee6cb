package dev.cofre.application.token;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.IdempotencyKeys;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.SecurityCode;
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
                        .flatMap(prepared -> vault(merchant, prepared, Option.of(command.idempotencyKey()))));
    }

    private record Parsed(Card card, Option<Alias> alias) {
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
        return Validation.combine(Validation.fromEither(card), Validation.fromEither(securityCode),
                        Validation.fromEither(optionalAlias(c.alias())))
                .ap((parsedCard, checkedAndDropped, alias) -> new Parsed(parsedCard, alias))
                .mapError(InvalidInput::all)
                .toEither();
    }

    static Either<InvalidInput, Option<Alias>> optionalAlias(String raw) {
        return raw == null || raw.isEmpty()
                ? Either.right(Option.none())
                : Alias.parse("alias", raw).map(Option::some);
    }

    private Either<DomainError, Token> vault(MerchantId merchant, NewToken.Prepared prepared,
                                             Option<String> idempotencyKey) {
        var token = prepared.token();
        TokenReference reference = token.reference();
        String requestHash = Hashes.sha256(token.fingerprint().hex(), token.holder().name(),
                token.expiry().format(), token.alias().map(Alias::value).getOrElse(""));

        return audit.atomically(merchant, "tokenize", t -> Option.some(t.reference().toString()), Option.none(), () -> {
            if (idempotencyKey.isDefined()) {
                var first = stores.idempotency().putIfAbsent(new IdempotencyKeys.Entry(
                        merchant, IDEMPOTENCY_SCOPE, idempotencyKey.get(), requestHash, reference.toString()));
                if (!first.outcome().equals(reference.toString())) {
                    return replay(merchant, first, requestHash);
                }
            }
            return stores.tokens().add(token, prepared.sealedPan());
        });
    }

    private Either<DomainError, Token> replay(MerchantId merchant, IdempotencyKeys.Entry first, String requestHash) {
        if (!first.requestHash().equals(requestHash)) {
            return Either.left(new VaultError.IdempotencyKeyReused());
        }
        return TokenReference.parse("reference", first.outcome())
                .<DomainError>mapLeft(e -> e)
                .flatMap(ref -> stores.tokens().find(merchant, ref).toEither(new VaultError.TokenNotFound()));
    }
}
