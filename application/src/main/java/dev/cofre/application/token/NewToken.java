package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.ActiveToken;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenCustomer;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;

/**
 * The first step of every way to vault a card (seed 003 POST /v1/Token, seed 004 SaveCreditCard, seed 000's saved cards):
 * refuse an expired card, issue an active token, and seal the number for it. Sealing happens here,
 * before any transaction, so the store's single writer never waits on cryptography.
 */
public final class NewToken {

    /** A token ready to store, with its sealed number. */
    public record Prepared(ActiveToken token, SealedPan sealedPan) {
    }

    private final CardCipher cipher;
    private final Clock clock;
    private final Ids ids;

    public NewToken(CardCipher cipher, Clock clock, Ids ids) {
        this.cipher = cipher;
        this.clock = clock;
        this.ids = ids;
    }

    public Either<DomainError, Prepared> prepare(MerchantId merchant, Card card, Option<Alias> alias,
                                          Option<TokenCustomer> customer) {
        if (card.expiry().isExpired(clock)) {
            return Either.left(new VaultError.CardExpired());
        }
        var reference = new TokenReference(ids.uuid());
        var token = Token.issue(reference, merchant, alias, customer, card.pan().masked(), card.holder(),
                card.expiry(), cipher.fingerprint(card.pan()), clock.instant());
        return Either.right(new Prepared(token, cipher.seal(card.pan(), merchant, reference)));
    }
}
