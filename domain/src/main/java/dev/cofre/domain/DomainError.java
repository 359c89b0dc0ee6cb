package dev.cofre.domain;

/**
 * An expected business outcome that stops an operation: a declined card, a suspended token, an
 * alias in use. Each family is a sealed interface; every error has a stable numeric code and a
 * message that never contains card data.
 */
public interface DomainError {

    /** A stable code. Where seed 004's error map has one (701-799) the error carries it. */
    int code();

    /** A human-readable reason. Never contains a card number or a security code. */
    String message();
}
