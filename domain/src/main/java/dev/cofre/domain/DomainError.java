package dev.cofre.domain;

import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.idempotency.IdempotencyError;
import dev.cofre.domain.merchant.MerchantError;
import dev.cofre.domain.token.VaultError;

/**
 * An expected business outcome that stops an operation: a declined card, a suspended token, an
 * alias in use. Sealed over every error family, and each family is sealed over its errors, so an
 * adapter that maps errors (to HTTP statuses, say) can be checked to know every one of them.
 * Every error has a stable numeric code and a message that never contains card data.
 *
 * <p>The families live in their own packages; this works because {@code domain} is a named module
 * ({@code module-info.java}), where a sealed type may permit subtypes in other packages of the module.
 */
public sealed interface DomainError
        permits InvalidInput, VaultError, ChargeError, CardTokenError, CustomerError, MerchantError, IdempotencyError {

    /** A stable code. Where seed 004's error map has one (701-799) the error carries it. */
    int code();

    /** A human-readable reason. Never contains a card number or a security code. */
    String message();
}
