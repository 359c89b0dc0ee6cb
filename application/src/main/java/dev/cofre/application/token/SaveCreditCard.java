package dev.cofre.application.token;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.EmbeddedCardNumbers;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenCustomer;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import io.vavr.control.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * JustClick SaveCreditCard (seed 004): vaults a card for a customer under the merchant's
 * RequestId, which may be used once and later recovers the JustClickKey. No security code.
 */
public final class SaveCreditCard {

    public record Command(
            @NotBlank(message = "is required") String requestId,
            @NotBlank(message = "is required") @Size(max = 255, message = "must have at most {max} characters") String customerName,
            @Size(max = 18, message = "must have at most {max} characters")
            @Pattern(regexp = "[0-9./-]*", message = "may contain only digits, dots, slashes and hyphens") String customerIdentification,
            @NotBlank(message = "is required") String cardHolder,
            @NotBlank(message = "is required") @Size(max = 19, message = "must have at most {max} digits") String cardNumber,
            @NotBlank(message = "is required") String cardExpiration,
            @Size(max = 64, message = "must have at most {max} characters") String alias) {

        @Override
        public String toString() {
            return "SaveCreditCard.Command[requestId=" + requestId + ", alias=" + alias + "]";
        }
    }

    private final VaultStores stores;
    private final NewToken newToken;
    private final Audit audit;

    SaveCreditCard(VaultStores stores, NewToken newToken, Audit audit) {
        this.stores = stores;
        this.newToken = newToken;
        this.audit = audit;
    }

    public Either<DomainError, Token> save(MerchantId merchant, Command command) {
        return Commands.validate(command, SaveCreditCard::parse)
                .<DomainError>mapLeft(e -> e)
                .flatMap(p -> store(merchant, p, command));
    }

    private record Parsed(UUID requestId, Card card, Option<Alias> alias) {
    }

    /** Every invalid field at once, whatever the command's constraints said. */
    private static Either<InvalidInput, Parsed> parse(Command c) {
        return InvalidInput.collect(Validation.combine(
                        Validation.fromEither(requestId("requestId", c.requestId())),
                        Validation.fromEither(Card.parse("cardNumber", c.cardNumber(), "cardHolder", c.cardHolder(),
                                "cardExpiration", c.cardExpiration())),
                        Validation.fromEither(TokenizeCard.optionalAlias(c.alias())),
                        // Stored and echoed in clear: a card number pasted into them would be kept.
                        Validation.fromEither(EmbeddedCardNumbers.refuse("customerName", c.customerName())),
                        Validation.fromEither(EmbeddedCardNumbers.refuse("customerIdentification",
                                c.customerIdentification())))
                .ap((id, card, alias, name, identification) -> new Parsed(id, card, alias)));
    }

    /** A JustClick RequestId: a GUID. */
    static Either<InvalidInput, UUID> requestId(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.left(InvalidInput.missing(field));
        }
        return Try.of(() -> UUID.fromString(raw.trim()))
                .toEither()
                .mapLeft(e -> InvalidInput.invalid(field, "must be a GUID"));
    }

    private Either<DomainError, Token> store(MerchantId merchant, Parsed p, Command c) {
        var customer = new TokenCustomer(c.customerName().strip(),
                Option.of(c.customerIdentification()).filter(s -> !s.isBlank()));
        return newToken.prepare(merchant, p.card(), p.alias(), Option.some(customer))
                .flatMap(prepared -> audit.<Token>atomically(merchant, "save-credit-card",
                        t -> Option.some(t.reference().toString()), Option.none(), () ->
                                stores.saveRequests().remember(merchant, p.requestId(), prepared.token().reference())
                                        .flatMap(ignored -> stores.tokens().add(prepared.token(), prepared.sealedPan()))));
    }
}
