package dev.cofre.domain.token;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.util.UUID;

/** The opaque handle a merchant keeps instead of a card number (seed 003's TokenReference, seed 004's JustClickKey). */
public record TokenReference(UUID value) {

    public TokenReference {
        java.util.Objects.requireNonNull(value, "value");
    }

    public static Either<InvalidInput, TokenReference> parse(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.left(InvalidInput.missing(field));
        }
        return Try.of(() -> UUID.fromString(raw.trim()))
                .filter(uuid -> uuid.toString().equalsIgnoreCase(raw.trim()))
                .toEither()
                .<InvalidInput>mapLeft(e -> InvalidInput.invalid(field, "must be a GUID (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)"))
                .map(TokenReference::new);
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
