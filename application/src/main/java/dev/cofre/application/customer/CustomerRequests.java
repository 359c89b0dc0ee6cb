package dev.cofre.application.customer;

import dev.cofre.application.Idempotent;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.idempotency.IdempotentRequest;
import dev.cofre.domain.idempotency.RequestFingerprint;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.function.Supplier;

/**
 * The customer writes under the merchant's idempotency key (seed 000's SDKs send
 * {@code X-Idempotency-Key}): one key space for every customer write, so a key reused for another
 * operation is refused too. Runs the work in one transaction, again from a fresh read when it lost
 * a race with another server. A write that succeeds is audited in its own transaction's commit.
 */
final class CustomerRequests {

    static final String IDEMPOTENCY_SCOPE = "customers";
    static final String KEY_FIELD = "idempotencyKey";

    private final CustomerStores stores;
    private final CustomerAudit audit;

    CustomerRequests(CustomerStores stores, CustomerAudit audit) {
        this.stores = stores;
        this.audit = audit;
    }

    /** What a successful write is audited as: its action, and its subject (ids only) from its result. */
    record Audited<T>(String action, java.util.function.Function<? super T, String> subject) {
    }

    /** What a customer draft asks, for the request's fingerprint: every field, metadata in key order. */
    static String[] parts(String operation, CustomerProfile.Draft d, String... more) {
        var parts = io.vavr.collection.List.of(operation, d.email(), d.firstName(), d.lastName(), d.phoneAreaCode(),
                        d.phoneNumber(), d.identificationType(), d.identificationNumber(), d.zipCode(), d.streetName(),
                        d.streetNumber(), d.description(),
                        d.metadata() == null ? null : new java.util.TreeMap<>(d.metadata()), d.registeredAt())
                .map(String::valueOf)
                .appendAll(io.vavr.collection.List.of(more).map(String::valueOf));
        return parts.toJavaArray(String[]::new);
    }

    /** No key: none; a key that is blank or too long: an invalid field. */
    static Either<InvalidInput, Option<IdempotencyKey>> key(String raw) {
        return raw == null ? Either.right(Option.none()) : IdempotencyKey.parse(KEY_FIELD, raw).map(Option::some);
    }

    /**
     * Runs {@code work} once per key: a retry with the same key and the same {@code request} parts
     * answers {@code memory}'s replay of the first outcome; another request under the key is refused.
     */
    <T> Either<DomainError, T> run(MerchantId merchant, Option<IdempotencyKey> key, String[] request,
                                   Idempotent.Memory<T> memory, Audited<T> audited,
                                   Supplier<Either<DomainError, T>> work) {
        Option<IdempotentRequest> claim = key.map(k -> new IdempotentRequest(merchant, IDEMPOTENCY_SCOPE, k,
                RequestFingerprint.of(request)));
        return Wallets.retryingRaces(() -> Idempotent.run(stores.transactions(), stores.idempotency(), claim, memory,
                () -> work.get().peek(done -> audit.succeeded(merchant, audited.action(), audited.subject().apply(done)))));
    }

    /**
     * {@code result} as it is, its refusal audited (in a transaction of its own) under {@code action},
     * naming {@code subject} only when it is an id (see {@link CustomerAudit#customer}).
     */
    <T> Either<DomainError, T> refusalAudited(MerchantId merchant, String action, Option<String> subject,
                                              Either<DomainError, T> result) {
        result.orElseRun(error -> audit.refused(merchant, action, subject, error));
        return result;
    }
}
