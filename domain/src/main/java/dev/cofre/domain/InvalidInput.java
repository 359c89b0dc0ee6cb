package dev.cofre.domain;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;

/**
 * Input that failed validation: every offending field with its kind (missing or invalid) and its
 * reason. Changes nothing. Adapters pick a field's code from its kind, never from the reason's text.
 */
public record InvalidInput(List<FieldError> errors) implements DomainError {

    /** Whether a field was absent (or blank), or present with a value that is refused. */
    public enum Kind {
        MISSING, INVALID
    }

    /** One field, whether it was missing or invalid, and why. {@code reason} never echoes the field's value. */
    public record FieldError(String field, Kind kind, String reason) {
        public FieldError {
            java.util.Objects.requireNonNull(field, "field");
            java.util.Objects.requireNonNull(kind, "kind");
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }

    public InvalidInput {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
    }

    /** A required field that is absent or blank. */
    public static InvalidInput missing(String field) {
        return new InvalidInput(List.of(new FieldError(field, Kind.MISSING, "is required")));
    }

    /** A field that is present with a value that is refused, and why. */
    public static InvalidInput invalid(String field, String reason) {
        return new InvalidInput(List.of(new FieldError(field, Kind.INVALID, reason)));
    }

    /** The same as {@link #invalid}: a present value that is refused. Use {@link #missing} for an absent one. */
    public static InvalidInput of(String field, String reason) {
        return invalid(field, reason);
    }

    public InvalidInput and(InvalidInput other) {
        return new InvalidInput(errors.appendAll(other.errors));
    }

    /**
     * Every error of several checks in one {@code InvalidInput}, in order, one error per field:
     * when two checks refuse the same field, the first one's reason is kept.
     */
    public static InvalidInput all(Seq<InvalidInput> invalid) {
        return new InvalidInput(invalid.flatMap(InvalidInput::errors).distinctBy(FieldError::field).toList());
    }

    /** Combines independent checks so that every failure is reported, not just the first. */
    public static <T> Either<InvalidInput, T> collect(Validation<Seq<InvalidInput>, T> checks) {
        return checks.mapError(InvalidInput::all).toEither();
    }

    /** The same errors with every field name prefixed, e.g. {@code Card.} + {@code Number}. */
    public InvalidInput under(String prefix) {
        return new InvalidInput(errors.map(e -> new FieldError(prefix + e.field(), e.kind(), e.reason())));
    }

    @Override
    public int code() {
        return 799;
    }

    @Override
    public String message() {
        return errors.map(e -> e.field() + ": " + e.reason()).mkString("; ");
    }
}
