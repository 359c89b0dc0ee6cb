package dev.cofre.application.charge;

import dev.cofre.application.token.TokenizeCard;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.merchant.Merchant;
import io.vavr.control.Either;

/**
 * Seed 004's sale that saves the card ("Salvando um cartão"): the charge is made through
 * {@link AuthorizeCharge} and, only if the acquirer authorized it, the card presented with it is vaulted
 * and the vault token recorded on the charge (its card's {@code vaulted}), so every later read names it.
 * A retried sale (same idempotency key, same request) gets the first charge back and never vaults the card
 * twice: the card is vaulted under an idempotency key of its own, derived from the charge. A card that cannot be
 * saved never turns an authorized charge into an error: the charge is answered without a saved card.
 */
public final class SaveCardOnAuthorization {

    private static final String KEY_PREFIX = "card of ";

    private final AuthorizeCharge authorize;
    private final Charges charges;

    SaveCardOnAuthorization(AuthorizeCharge authorize, Charges charges) {
        this.authorize = authorize;
        this.charges = charges;
    }

    /**
     * Authorizes {@code command}; if its card was presented with it and the authorization took effect, saves
     * the card with {@code vault} (the vault's tokenize use case: sealed, fingerprinted, audited, its security
     * code checked and dropped). A declined, failed or in-doubt charge saves nothing.
     */
    public Either<DomainError, Charge> authorize(Merchant merchant, AuthorizeCharge.Command command,
                                                 TokenizeCard vault) {
        return authorize.authorize(merchant, command).flatMap(charge ->
                command.card() instanceof CardInput.PresentedCard card && charge.authorization().tookEffect()
                        && charge.card().vaulted().isEmpty()
                        ? save(merchant, charge, card, vault)
                        : Either.right(charge));
    }

    private Either<DomainError, Charge> save(Merchant merchant, Charge charge, CardInput.PresentedCard card,
                                             TokenizeCard vault) {
        var tokenize = new TokenizeCard.Command(null, card.number(), card.holder(),
                String.format("%02d/%d", card.expMonth(), card.expYear()), card.securityCode(),
                KEY_PREFIX + charge.id().value());
        // The money is authorized whatever happens to the card: a card that could not be saved leaves the charge
        // as it is (no saved card), and a retry of the sale tries again.
        return vault.tokenize(merchant.id(), tokenize).fold(notSaved -> Either.right(charge), token -> charges
                .update(charge.withSavedCard(token.reference()))
                .<DomainError>mapLeft(e -> e)
                // a concurrent retry of the same sale recorded it first: the charge as it now stands
                .orElse(() -> charges.find(merchant.id(), charge.id()).filter(c -> c.card().vaulted().isDefined())
                        .toEither(new ChargeError.ConcurrentUpdate())));
    }
}
