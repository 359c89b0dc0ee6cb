package dev.cofre.domain.charge;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.EmbeddedCardNumbers;
import dev.cofre.domain.merchant.Profile;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The text on the card holder's statement: at most 13 characters for PSP merchants, 22 for gateway
 * ones, and nothing that looks like a card number ({@link EmbeddedCardNumbers}).
 */
public record StatementDescriptor(String text) {

    public StatementDescriptor {
        if (text == null || text.isBlank() || text.length() > Profile.GATEWAY.statementDescriptorLimit()) {
            throw new IllegalArgumentException("a statement descriptor has 1 to 22 characters");
        }
    }

    public static Either<InvalidInput, Option<StatementDescriptor>> parse(String field, String raw, Profile profile) {
        if (raw == null) {
            return Either.right(Option.none());
        }
        if (raw.isBlank()) {
            return Either.left(InvalidInput.of(field, "must not be blank"));
        }
        if (raw.length() > profile.statementDescriptorLimit()) {
            return Either.left(InvalidInput.of(field, "must have at most " + profile.statementDescriptorLimit()
                    + " characters for " + profile.name() + " merchants"));
        }
        if (EmbeddedCardNumbers.in(raw)) {
            return Either.left(InvalidInput.of(field, "must not contain a card number"));
        }
        return Either.right(Option.some(new StatementDescriptor(raw)));
    }

    @Override
    public String toString() {
        return text;
    }
}
