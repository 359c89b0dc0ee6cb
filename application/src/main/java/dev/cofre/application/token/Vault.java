package dev.cofre.application.token;

import dev.cofre.domain.Ids;
import dev.cofre.domain.token.CardCipher;
import java.time.Clock;

/**
 * The vault's use cases, built once over the same stores, cipher, clock and id source: seed 003's
 * REST vault, and seed 004's JustClick methods, one use case each (SaveCreditCard,
 * GetMaskedCreditCard, GetCreditCard = {@link DetokenizeCard}, GetJustClickKey, InvalidateCreditCard).
 */
public record Vault(TokenizeCard tokenize, GetToken get, FindTokenByAlias findByAlias,
                    ChangeTokenStatus changeStatus, DetokenizeCard detokenize, SaveCreditCard saveCreditCard,
                    GetMaskedCreditCard getMaskedCreditCard, InvalidateCreditCard invalidateCreditCard,
                    GetJustClickKey justClickKey, UnlockJustClickKey unlockJustClickKey) {

    public static Vault create(VaultStores stores, CardCipher cipher, Clock clock, Ids ids) {
        var audit = new Audit(stores.audit(), stores.transactions(), clock);
        var newToken = new NewToken(cipher, clock, ids);
        return new Vault(
                new TokenizeCard(stores, newToken, audit),
                new GetToken(stores.tokens()),
                new FindTokenByAlias(stores.tokens()),
                new ChangeTokenStatus(stores, clock, audit),
                new DetokenizeCard(stores, cipher, audit),
                new SaveCreditCard(stores, newToken, audit),
                new GetMaskedCreditCard(stores.tokens()),
                new InvalidateCreditCard(stores, clock, audit),
                new GetJustClickKey(stores, audit),
                new UnlockJustClickKey(stores, audit));
    }
}
