// STAND-IN written on branch rest so the REST adapter can be built and tested before the lead's
// vault use cases land on main; main's version replaces this file on merge.
package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.IdempotencyKeys;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenCustomer;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.UUID;

public final class TokenizeCard {

    public record Command(String alias, String number, String holder, String expiration, String securityCode,
                          String idempotencyKey) {
        @Override
        public String toString() {
            return "TokenizeCard.Command[" + alias + "]";
        }
    }

    private final VaultStores stores;
    private final CardCipher cipher;
    private final Clock clock;
    private final Ids ids;

    TokenizeCard(VaultStores stores, CardCipher cipher, Clock clock, Ids ids) {
        this.stores = stores;
        this.cipher = cipher;
        this.clock = clock;
        this.ids = ids;
    }

    public Either<DomainError, Token> tokenize(MerchantId merchant, Command c) {
        var card = Card.parse("number", c.number(), "holder", c.holder(), "expiration", c.expiration());
        if (card.isLeft()) {
            return Either.left(card.getLeft());
        }
        var cvv = SecurityCode.parse("securityCode", c.securityCode(), card.get().brand());
        if (cvv.isLeft()) {
            return Either.left(cvv.getLeft());
        }
        Option<Alias> alias = Option.none();
        if (c.alias() != null) {
            var parsed = Alias.parse("alias", c.alias());
            if (parsed.isLeft()) {
                return Either.left(parsed.getLeft());
            }
            alias = Option.some(parsed.get());
        }
        if (c.idempotencyKey() != null && (c.idempotencyKey().isBlank() || c.idempotencyKey().length() > 100)) {
            return Either.left(InvalidInput.of("idempotencyKey", "must have 1 to 100 characters"));
        }
        Option<Alias> a = alias;
        return stores.transactions().inTransaction(() -> store(merchant, c, card.get(), a));
    }

    private Either<DomainError, Token> store(MerchantId merchant, Command c, Card card, Option<Alias> alias) {
        var reference = new TokenReference(ids.uuid());
        if (c.idempotencyKey() != null) {
            String hash = card.pan().masked().vaultMask() + "|" + alias.map(Alias::value).getOrElse("");
            var stored = stores.idempotency().putIfAbsent(new IdempotencyKeys.Entry(merchant, "tokenize",
                    c.idempotencyKey(), hash, reference.toString()));
            if (!stored.outcome().equals(reference.toString())) {
                if (!stored.requestHash().equals(hash)) {
                    return Either.left(InvalidInput.of("idempotencyKey", "was used for a different request"));
                }
                return stores.tokens().find(merchant, new TokenReference(UUID.fromString(stored.outcome())))
                        .<Either<DomainError, Token>>map(Either::right)
                        .getOrElse(() -> Either.left(new VaultError.TokenNotFound()));
            }
        }
        var token = Token.issue(reference, merchant, alias, Option.<TokenCustomer>none(), card.pan().masked(),
                card.holder(), card.expiry(), cipher.fingerprint(card.pan()), clock.instant());
        return stores.tokens().add(token, cipher.seal(card.pan(), merchant, reference)).mapLeft(e -> e);
    }
}
