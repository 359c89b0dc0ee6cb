// STAND-IN written on branch rest so the REST adapter can be built and tested before the lead's
// vault use cases land on main; main's version replaces this file on merge.
package dev.cofre.application.token;

import dev.cofre.domain.Ids;
import dev.cofre.domain.token.CardCipher;
import java.time.Clock;

public record Vault(TokenizeCard tokenize, GetToken get, FindTokenByAlias findByAlias, ChangeTokenStatus changeStatus,
                    DetokenizeCard detokenize, SaveCreditCard saveCreditCard, GetJustClickKey justClickKey,
                    UnlockJustClickKey unlockJustClickKey) {

    public static Vault create(VaultStores stores, CardCipher cipher, Clock clock, Ids ids) {
        var get = new GetToken(stores);
        return new Vault(new TokenizeCard(stores, cipher, clock, ids), get, new FindTokenByAlias(stores),
                new ChangeTokenStatus(stores, clock), new DetokenizeCard(stores, cipher, clock),
                new SaveCreditCard(stores, cipher, clock, ids), new GetJustClickKey(stores),
                new UnlockJustClickKey(stores));
    }
}
