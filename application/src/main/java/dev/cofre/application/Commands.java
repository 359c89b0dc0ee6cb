package dev.cofre.application;

import dev.cofre.domain.InvalidInput;
import io.vavr.collection.List;
import io.vavr.control.Either;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.lang.annotation.Annotation;
import java.util.Comparator;
import java.util.function.Function;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates command records at the boundary of every use case with jakarta.validation, in the same
 * pass as the domain's parsing of their fields: a command that breaks its constraints or whose
 * values the domain refuses becomes one {@link InvalidInput} naming every field at once, never an
 * exception. Messages never echo the rejected value.
 */
public final class Commands {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    /** The constraints that mean "this field was not sent": the rest mean "what was sent is refused". */
    private static final java.util.Set<Class<? extends Annotation>> PRESENCE =
            java.util.Set.of(NotNull.class, NotBlank.class, NotEmpty.class);

    private Commands() {
    }

    /** The command's constraint violations, if any. */
    public static <C> Either<InvalidInput, C> validate(C command) {
        List<InvalidInput.FieldError> violations = violations(command);
        return violations.isEmpty() ? Either.right(command) : Either.left(new InvalidInput(violations));
    }

    /**
     * Checks the command's constraints and parses it with the domain ({@code parse} must accept any
     * field values, nulls included) in one pass. Every field either refuses is reported; a field both
     * refuse is reported once, with the domain's reason.
     */
    public static <C, P> Either<InvalidInput, P> validate(C command, Function<? super C, Either<InvalidInput, P>> parse) {
        List<InvalidInput.FieldError> violations = violations(command);
        Either<InvalidInput, P> parsed = parse.apply(command);
        if (violations.isEmpty()) {
            return parsed;
        }
        List<InvalidInput> all = parsed.isLeft() ? List.of(parsed.getLeft()) : List.empty();
        return Either.left(InvalidInput.all(all.append(new InvalidInput(violations))));
    }

    private static <C> List<InvalidInput.FieldError> violations(C command) {
        return List.ofAll(VALIDATOR.validate(command))
                .sorted(Comparator.comparing((ConstraintViolation<C> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .map(v -> new InvalidInput.FieldError(v.getPropertyPath().toString(), kindOf(v), v.getMessage()));
    }

    private static InvalidInput.Kind kindOf(ConstraintViolation<?> violation) {
        return PRESENCE.contains(violation.getConstraintDescriptor().getAnnotation().annotationType())
                ? InvalidInput.Kind.MISSING
                : InvalidInput.Kind.INVALID;
    }
}
