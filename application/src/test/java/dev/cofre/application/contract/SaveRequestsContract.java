package dev.cofre.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link dev.cofre.domain.token.SaveRequests} must do (seed 004 RequestIds). */
public abstract class SaveRequestsContract extends StoreContract {

    private TokenReference vaultedToken(dev.cofre.domain.merchant.MerchantId merchant) {
        var token = VaultFixtures.token(merchant, Option.none());
        stores.tokens().add(token, VaultFixtures.sealedPan(1));
        return token.reference();
    }

    @Test
    void a_remembered_request_id_names_the_token_it_saved() {
        var merchant = givenMerchant();
        var token = vaultedToken(merchant);
        var requestId = UUID.randomUUID();

        assertEquals(Either.right(token), stores.saveRequests().remember(merchant, requestId, token));
        assertEquals(Option.some(token), stores.saveRequests().tokenFor(merchant, requestId));
    }

    @Test
    void a_request_id_can_be_used_only_once_per_merchant() {
        var merchant = givenMerchant();
        var first = vaultedToken(merchant);
        var second = vaultedToken(merchant);
        var requestId = UUID.randomUUID();
        stores.saveRequests().remember(merchant, requestId, first);

        assertEquals(Either.left(new VaultError.RequestIdAlreadyUsed()),
                stores.saveRequests().remember(merchant, requestId, second));
        assertEquals(Option.some(first), stores.saveRequests().tokenFor(merchant, requestId));
    }

    @Test
    void another_merchant_neither_sees_nor_blocks_a_request_id() {
        var one = givenMerchant();
        var other = givenMerchant();
        var requestId = UUID.randomUUID();
        stores.saveRequests().remember(one, requestId, vaultedToken(one));

        assertEquals(Option.none(), stores.saveRequests().tokenFor(other, requestId));
        var theirs = vaultedToken(other);
        assertEquals(Either.right(theirs), stores.saveRequests().remember(other, requestId, theirs));
    }

    @Test
    void an_unknown_request_id_names_no_token() {
        assertEquals(Option.none(), stores.saveRequests().tokenFor(givenMerchant(), UUID.randomUUID()));
    }

    @Test
    void a_reused_request_id_does_not_spoil_the_rest_of_its_transaction() {
        var merchant = givenMerchant();
        var requestId = UUID.randomUUID();
        var first = vaultedToken(merchant);
        var later = UUID.randomUUID();

        var refused = stores.transactions().inTransaction(() -> {
            stores.saveRequests().remember(merchant, requestId, first);
            var outcome = stores.saveRequests().remember(merchant, requestId, first);
            stores.saveRequests().remember(merchant, later, first);
            return outcome;
        });

        assertEquals(Either.left(new VaultError.RequestIdAlreadyUsed()), refused);
        assertEquals(Option.some(first), stores.saveRequests().tokenFor(merchant, requestId));
        assertEquals(Option.some(first), stores.saveRequests().tokenFor(merchant, later));
    }
}
