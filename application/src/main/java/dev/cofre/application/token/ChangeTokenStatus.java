// STAND-IN written on branch rest so the REST adapter can be built and tested before the lead's
// vault use cases land on main; main's version replaces this file on merge.
package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.Function3;
import io.vavr.control.Either;
import java.time.Clock;
import java.time.Instant;

public final class ChangeTokenStatus {

    public record Command(String reference, String changedBy, String reason) {
    }

    private final VaultStores stores;
    private final Clock clock;

    ChangeTokenStatus(VaultStores stores, Clock clock) {
        this.stores = stores;
        this.clock = clock;
    }

    public Either<DomainError, Token> suspend(MerchantId merchant, Command c) {
        return change(merchant, c, (t, by, why) -> t.suspend(by, why, clock.instant()));
    }

    public Either<DomainError, Token> reactivate(MerchantId merchant, Command c) {
        return change(merchant, c, (t, by, why) -> t.reactivate(by, why, clock.instant()));
    }

    public Either<DomainError, Token> remove(MerchantId merchant, Command c) {
        return change(merchant, c, (t, by, why) -> t.remove(by, why, clock.instant()));
    }

    private Either<DomainError, Token> change(MerchantId merchant, Command c,
                                              Function3<Token, ChangedBy, ChangeReason, Either<VaultError, Token>> move) {
        var ref = TokenReference.parse("reference", c.reference());
        var by = ChangedBy.fromWire(c.changedBy());
        var why = ChangeReason.fromWire(c.reason());
        InvalidInput errors = null;
        if (ref.isLeft()) errors = ref.getLeft();
        if (by.isEmpty()) errors = and(errors, InvalidInput.of("changedBy", "must be Merchant or CardHolder"));
        if (why.isEmpty()) errors = and(errors, InvalidInput.of("reason", "must be FraudSuspicion or Other"));
        if (errors != null) {
            return Either.left(errors);
        }
        return stores.transactions().inTransaction(() -> stores.tokens().find(merchant, ref.get())
                .<Either<DomainError, Token>>map(t -> move.apply(t, by.get(), why.get())
                        .flatMap(stores.tokens()::update).mapLeft(e -> e))
                .getOrElse(() -> Either.left(new VaultError.TokenNotFound())));
    }

    private static InvalidInput and(InvalidInput a, InvalidInput b) {
        return a == null ? b : a.and(b);
    }

    Instant now() {
        return clock.instant();
    }
}
