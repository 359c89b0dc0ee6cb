package dev.cofre.domain.customer;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/** A search of one merchant's customers: by e-mail (letter case ignored) or all, oldest first, one page. */
public record CustomerQuery(Option<Email> email, int limit, int offset) {

    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;
    public static final int MAX_OFFSET = 10_000;

    public CustomerQuery {
        java.util.Objects.requireNonNull(email, "email");
        if (limit < 1 || limit > MAX_LIMIT || offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException("limit 1-" + MAX_LIMIT + ", offset 0-" + MAX_OFFSET);
        }
    }

    /**
     * Null limit and offset take the vendor's defaults (10 and 0), and so does a limit of 0, which the
     * vendor's own Java SDK example sends; every bad parameter is named at once.
     */
    public static Either<InvalidInput, CustomerQuery> parse(String email, Integer limit, Integer offset) {
        return Validation.combine(
                        Validation.fromEither(email == null || email.isEmpty()
                                ? Either.<InvalidInput, Option<Email>>right(Option.none())
                                : Email.parse("email", email).map(Option::some)),
                        Validation.fromEither(limit == null || limit == 0 ? Either.<InvalidInput, Integer>right(DEFAULT_LIMIT)
                                : limit >= 1 && limit <= MAX_LIMIT ? Either.<InvalidInput, Integer>right(limit)
                                : Either.<InvalidInput, Integer>left(InvalidInput.of("limit", "must be between 1 and " + MAX_LIMIT))),
                        Validation.fromEither(offset == null ? Either.<InvalidInput, Integer>right(0)
                                : offset >= 0 && offset <= MAX_OFFSET ? Either.<InvalidInput, Integer>right(offset)
                                : Either.<InvalidInput, Integer>left(InvalidInput.of("offset", "must be between 0 and " + MAX_OFFSET))))
                .ap(CustomerQuery::new)
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither();
    }
}
