package dev.cofre.domain;

import io.vavr.collection.List;

/** Input that failed validation: every offending field with its reason. Changes nothing. */
public record InvalidInput(List<FieldError> errors) implements DomainError {

    /** One field and why it was refused. {@code reason} never echoes the field's value. */
    public record FieldError(String field, String reason) {
        public FieldError {
            java.util.Objects.requireNonNull(field, "field");
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }

    public InvalidInput {
        if (errors == null || errors.isEmpty()) {
            throw new IllegalArgumentException("an invalid input names at least one field");
        }
    }

    public static InvalidInput of(String field, String reason) {
        return new InvalidInput(List.of(new FieldError(field, reason)));
    }

    public InvalidInput and(InvalidInput other) {
        return new InvalidInput(errors.appendAll(other.errors));
    }

    /** The same errors with every field name prefixed, e.g. {@code Card.} + {@code Number}. */
    public InvalidInput under(String prefix) {
        return new InvalidInput(errors.map(e -> new FieldError(prefix + e.field(), e.reason())));
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
