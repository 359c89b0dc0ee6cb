package dev.cofre.application.token;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.WireName;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.TokenStatus;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import jakarta.validation.constraints.NotBlank;
import java.time.Clock;
import java.time.Instant;

/**
 * Suspends, reactivates or removes a token (seed 003 PUT .../suspend, PUT .../reactivate, DELETE;
 * seed 004 InvalidateCreditCard), recording who asked and why. Removal destroys the sealed number
 * and frees the alias. A retry of a change that already happened succeeds and changes nothing.
 */
public final class ChangeTokenStatus {

    public record Command(@NotBlank(message = "is required") String reference,
                          @NotBlank(message = "is required") String changedBy,
                          @NotBlank(message = "is required") String reason) {
    }


    private final VaultStores stores;
    private final Clock clock;
    private final Audit audit;

    ChangeTokenStatus(VaultStores stores, Clock clock, Audit audit) {
        this.stores = stores;
        this.clock = clock;
        this.audit = audit;
    }

    public Either<DomainError, Token> suspend(MerchantId merchant, Command command) {
        return change(merchant, command, "suspend", TokenStatus.SUSPENDED, Token::suspend);
    }

    public Either<DomainError, Token> reactivate(MerchantId merchant, Command command) {
        return change(merchant, command, "reactivate", TokenStatus.ACTIVE, Token::reactivate);
    }

    public Either<DomainError, Token> remove(MerchantId merchant, Command command) {
        return change(merchant, command, "remove", TokenStatus.REMOVED, Token::remove);
    }

    @FunctionalInterface
    private interface Move {
        Either<VaultError, Token> apply(Token token, ChangedBy by, ChangeReason reason, Instant at);
    }

    private record Parsed(TokenReference reference, ChangedBy by, ChangeReason reason) {
    }

    private Either<DomainError, Token> change(MerchantId merchant, Command command, String action,
                                              TokenStatus target, Move move) {
        return Commands.validate(command)
                .flatMap(ChangeTokenStatus::parse)
                .<DomainError>mapLeft(e -> e)
                .flatMap(p -> audit.atomically(merchant, action, t -> Option.some(t.reference().toString()),
                        Option.some(p.reference().toString()), () -> move(merchant, p, target, move)));
    }

    private Either<VaultError, Token> move(MerchantId merchant, Parsed p, TokenStatus target, Move move) {
        Option<Token> found = stores.tokens().find(merchant, p.reference());
        if (found.isEmpty()) {
            return Either.left(new VaultError.TokenNotFound());
        }
        Token token = found.get();
        if (token.status() == target) {
            return Either.right(token); // a retried change: already done
        }
        return move.apply(token, p.by(), p.reason(), clock.instant()).flatMap(stores.tokens()::update);
    }

    private static Either<InvalidInput, Parsed> parse(Command c) {
        return Validation.combine(
                        Validation.fromEither(TokenReference.parse("reference", c.reference())),
                        Validation.fromEither(WireName.find(ChangedBy.class, c.changedBy())
                                .toEither(() -> InvalidInput.of("changedBy", "must be Merchant or CardHolder"))),
                        Validation.fromEither(WireName.find(ChangeReason.class, c.reason())
                                .toEither(() -> InvalidInput.of("reason", "must be FraudSuspicion or Other"))))
                .ap(Parsed::new)
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither();
    }
}
