// STAND-IN written on branch rest so the REST adapter can be built and tested before the lead's
// vault use cases land on main; main's version replaces this file on merge.
package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Card;
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

public final class SaveCreditCard {

    public record Command(String requestId, String customerName, String customerIdentification, String cardHolder,
                          String cardNumber, String cardExpiration, String alias) {
        @Override
        public String toString() {
            return "SaveCreditCard.Command[" + requestId + "]";
        }
    }

    private final VaultStores stores;
    private final CardCipher cipher;
    private final Clock clock;
    private final Ids ids;

    SaveCreditCard(VaultStores stores, CardCipher cipher, Clock clock, Ids ids) {
        this.stores = stores;
        this.cipher = cipher;
        this.clock = clock;
        this.ids = ids;
    }

    public Either<DomainError, Token> save(MerchantId merchant, Command c) {
        var requestId = TokenReference.parse("requestId", c.requestId());
        if (requestId.isLeft()) return Either.left(requestId.getLeft());
        if (c.customerName() == null || c.customerName().isBlank()) {
            return Either.left(InvalidInput.of("customerName", "is required"));
        }
        var card = Card.parse("cardNumber", c.cardNumber(), "cardHolder", c.cardHolder(), "cardExpiration",
                c.cardExpiration());
        if (card.isLeft()) return Either.left(card.getLeft());
        Option<Alias> alias = Option.none();
        if (c.alias() != null) {
            var parsed = Alias.parse("alias", c.alias());
            if (parsed.isLeft()) return Either.left(parsed.getLeft());
            alias = Option.some(parsed.get());
        }
        Option<Alias> a = alias;
        return stores.transactions().inTransaction(() -> {
            var reference = new TokenReference(ids.uuid());
            if (stores.saveRequests().tokenFor(merchant, requestId.get().value()).isDefined()) {
                return Either.left(new VaultError.RequestIdAlreadyUsed());
            }
            if (a.isDefined() && stores.tokens().findByAlias(merchant, a.get()).isDefined()) {
                return Either.left(new VaultError.AliasInUse(a.get()));
            }
            var token = Token.issue(reference, merchant, a,
                    Option.some(new TokenCustomer(c.customerName().strip(), Option.of(c.customerIdentification()))),
                    card.get().pan().masked(), card.get().holder(), card.get().expiry(),
                    cipher.fingerprint(card.get().pan()), clock.instant());
            return stores.tokens().add(token, cipher.seal(card.get().pan(), merchant, reference))
                    .flatMap(t -> stores.saveRequests().remember(merchant, requestId.get().value(), reference)
                            .map(r -> t))
                    .mapLeft(e -> (DomainError) e);
        });
    }
}
