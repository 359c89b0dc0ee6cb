package dev.cofre.application;

import dev.cofre.domain.InvalidInput;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.Comparator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;

/**
 * Validates command records at the boundary of every use case with jakarta.validation. A command
 * that breaks its constraints becomes an {@link InvalidInput} naming each field and reason, never
 * an exception. Messages never echo the rejected value.
 */
public final class Commands {

    private static final ValidatorFactory FACTORY = Validation.byDefaultProvider()
            .configure()
            .messageInterpolator(new ParameterMessageInterpolator())
            .buildValidatorFactory();
    private static final Validator VALIDATOR = FACTORY.getValidator();

    private Commands() {
    }

    public static <C> Either<InvalidInput, C> validate(C command) {
        var violations = VALIDATOR.validate(command);
        if (violations.isEmpty()) {
            return Either.right(command);
        }
        return Either.left(new InvalidInput(List.ofAll(violations)
                .sorted(Comparator.comparing((ConstraintViolation<C> v) -> v.getPropertyPath().toString())
                        .thenComparing(ConstraintViolation::getMessage))
                .map(v -> new InvalidInput.FieldError(v.getPropertyPath().toString(), v.getMessage()))));
    }
}
