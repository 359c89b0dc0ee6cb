package dev.cofre.application.customer;

import dev.cofre.domain.audit.AuditEvent;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokenSecrets;
import dev.cofre.domain.charge.CardTokens;
import dev.cofre.domain.charge.MaskedCardToken;
import dev.cofre.domain.charge.StoredCardTokens;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.CardCipher;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Instant;

/**
 * {@link CardTokens} kept in a {@link StoredCardTokens}: sealed by the {@link CardCipher} on the
 * way in (number and security code under one data key of the token's own), opened on the way out.
 * Spending destroys the sealed secrets in the store's same write, and is audited
 * ({@code card-token.spend}, the token id as subject) in the spender's transaction: whoever spends
 * it, a saved card or a charge.
 */
public final class SealingCardTokens implements CardTokens {

    private final StoredCardTokens store;
    private final CardCipher cipher;
    private final Option<AuditTrail> audit;
    private final Clock clock;

    /** Spends are audited in {@code audit}. */
    public SealingCardTokens(StoredCardTokens store, CardCipher cipher, AuditTrail audit, Clock clock) {
        this(store, cipher, Option.some(audit), clock);
    }

    /** Spends are not audited (store tests). */
    public SealingCardTokens(StoredCardTokens store, CardCipher cipher) {
        this(store, cipher, Option.none(), Clock.systemUTC());
    }

    private SealingCardTokens(StoredCardTokens store, CardCipher cipher, Option<AuditTrail> audit, Clock clock) {
        this.store = store;
        this.cipher = cipher;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public void issue(CardToken token) {
        store.add(token.masked(), cipher.sealCardToken(token.card().pan(), token.securityCode(), token.merchant(),
                token.id()));
    }

    @Override
    public Option<MaskedCardToken> find(MerchantId merchant, CardTokenId id) {
        return store.find(merchant, id);
    }

    @Override
    public Either<CardTokenError, CardToken> peek(MerchantId merchant, CardTokenId id, Instant now) {
        return store.find(merchant, id)
                .toEither((CardTokenError) new CardTokenError.NotFound())
                .flatMap(token -> token.requireActive(now))
                .flatMap(token -> store.sealed(merchant, id)
                        .toEither((CardTokenError) new CardTokenError.Spent())
                        .flatMap(sealed -> open(token, cipher.openCardToken(sealed, merchant, id))))
                .map(t -> new CardToken(t.id(), t.merchant(), t.card(), Option.none(), t.holderIdentification(),
                        t.savedCard(), t.createdAt(), t.expiresAt()));
    }

    @Override
    public Either<CardTokenError, CardToken> redeem(MerchantId merchant, CardTokenId id, Instant now) {
        return store.spend(merchant, id, now)
                .flatMap(spent -> open(spent.token(), cipher.openCardToken(spent.sealed(), merchant, id)))
                .peek(spent -> audit.forEach(trail -> trail.record(new AuditEvent(clock.instant(), merchant,
                        CustomerAudit.SPEND_CARD_TOKEN, Option.some(id.value()), AuditEvent.Outcome.SUCCEEDED,
                        Option.none(), ""))));
    }

    @Override
    public int sweepExpired(Instant now) {
        return store.sweepExpired(now);
    }

    private static Either<CardTokenError, CardToken> open(MaskedCardToken token,
                                                          Either<?, CardTokenSecrets> secrets) {
        return secrets.<CardTokenError>mapLeft(broken -> new CardTokenError.Unreadable())
                .map(s -> new CardToken(token.id(), token.merchant(), new Card(s.pan(), token.holder(), token.expiry()),
                        s.securityCode(), token.holderIdentification(), token.savedCard(), token.createdAt(),
                        token.expiresAt()));
    }
}
