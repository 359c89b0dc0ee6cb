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

/**
 * Suspends, reactivates or removes a token (seed 003 PUT .../suspend, PUT .../reactivate, DELETE),
 * recording who asked and why. Removal destroys the sealed number and frees the alias. Which moves
 * are allowed, and that a retried change succeeds and changes nothing, is the token's own rule
 * ({@link Token#changeTo}).
 */
public final class ChangeTokenStatus {

    public record Command(@NotBlank(message = "is required") String reference,
                          @NotBlank(message = "is required") String changedBy,
                          @NotBlank(message = "is required") String reason) {
    }

    /** A parsed request to move a token: which, by whom and why. */
    record Request(TokenReference reference, ChangedBy by, ChangeReason reason) {
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
        return change(merchant, command, TokenStatus.SUSPENDED);
    }

    public Either<DomainError, Token> reactivate(MerchantId merchant, Command command) {
        return change(merchant, command, TokenStatus.ACTIVE);
    }

    public Either<DomainError, Token> remove(MerchantId merchant, Command command) {
        return change(merchant, command, TokenStatus.REMOVED);
    }

    private Either<DomainError, Token> change(MerchantId merchant, Command command, TokenStatus target) {
        return Commands.validate(command, ChangeTokenStatus::parse)
                .<DomainError>mapLeft(e -> e)
                .flatMap(request -> audit.atomically(merchant, target.request(), t -> Option.some(t.reference().toString()),
                        Option.some(request.reference().toString()),
                        () -> stores.tokens().find(merchant, request.reference())
                                .toEither((VaultError) new VaultError.TokenNotFound())
                                .flatMap(token -> moveAndSave(stores, token, target, request, clock))));
    }

    /** Moves a token as asked and saves it, unless it was there already (a retry). In the caller's transaction. */
    static Either<VaultError, Token> moveAndSave(VaultStores stores, Token token, TokenStatus target, Request request,
                                                 Clock clock) {
        return token.changeTo(target, request.by(), request.reason(), clock.instant())
                .flatMap(change -> change.moved() ? stores.tokens().update(change.token()) : Either.right(change.token()));
    }

    private static Either<InvalidInput, Request> parse(Command c) {
        return InvalidInput.collect(Validation.combine(
                        Validation.fromEither(TokenReference.parse("reference", c.reference())),
                        Validation.fromEither(oneOf("changedBy", c.changedBy(), WireName.find(ChangedBy.class, c.changedBy()),
                                "must be Merchant or CardHolder")),
                        Validation.fromEither(oneOf("reason", c.reason(), WireName.find(ChangeReason.class, c.reason()),
                                "must be FraudSuspicion or Other")))
                .ap(Request::new));
    }

    private static <T> Either<InvalidInput, T> oneOf(String field, String raw, Option<T> parsed, String expected) {
        if (raw == null || raw.isBlank()) {
            return Either.left(InvalidInput.missing(field));
        }
        return parsed.toEither(() -> InvalidInput.invalid(field, expected));
    }
}
