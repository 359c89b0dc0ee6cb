package dev.cofre.application.token;

import dev.cofre.application.Atomic;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.audit.AuditEvent;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.card.EmbeddedCardNumbers;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.InetAddress;
import java.time.Clock;
import java.util.function.Function;
import java.util.function.Supplier;

/** Writes the vault's audit events: what was done to which token, and whether it was refused (with the code). */
final class Audit {

    private final AuditTrail trail;
    private final Transactions transactions;
    private final Clock clock;

    Audit(AuditTrail trail, Transactions transactions, Clock clock) {
        this.trail = trail;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * Runs {@code work} atomically with its audit event. A success is recorded in the same commit
     * as its writes (one durable commit per request); a refusal, whose writes are rolled back, is
     * recorded in a transaction of its own so that it is kept.
     */
    <T> Either<DomainError, T> atomically(MerchantId merchant, String action,
                                          Function<? super T, Option<String>> subjectOfSuccess,
                                          Option<String> subjectOfRefusal,
                                          Supplier<? extends Either<? extends DomainError, ? extends T>> work) {
        Either<DomainError, T> result = Atomic.run(transactions, () -> {
            Either<? extends DomainError, ? extends T> outcome = work.get();
            outcome.forEach(done -> record(merchant, action, subjectOfSuccess.apply(done), Option.none(), outcome));
            return outcome;
        });
        if (result.isLeft()) {
            inOwnTransaction(merchant, action, subjectOfRefusal, Option.none(), result);
        }
        return result;
    }

    /** Records an outcome in a transaction of its own (reads, and outcomes that must outlive a rollback). */
    void inOwnTransaction(MerchantId merchant, String action, Option<String> subject, Option<InetAddress> source,
                          Either<? extends DomainError, ?> result) {
        transactions.inTransaction(() -> {
            record(merchant, action, subject, source, result);
            return null;
        });
    }

    /** Records an outcome in the caller's transaction. */
    void record(MerchantId merchant, String action, Option<String> subject, Option<InetAddress> source,
                Either<? extends DomainError, ?> result) {
        trail.record(new AuditEvent(clock.instant(), merchant, action, subject.map(Audit::safe),
                result.isRight() ? AuditEvent.Outcome.SUCCEEDED : AuditEvent.Outcome.REFUSED,
                source.map(InetAddress::getHostAddress),
                result.isRight() ? "" : safe(result.getLeft().code() + " " + result.getLeft().message())));
    }

    /** The longest subject or detail the trail keeps. */
    static final int MAX_TEXT = 200;

    /**
     * What a caller sent, fit for the trail: a card number in it masked, control characters (NUL,
     * which PostgreSQL refuses in text, among them) replaced, and cut to {@value #MAX_TEXT} characters.
     * A subject may be the raw id a refused request named (a JustClickKey that is no token reference).
     */
    static String safe(String text) {
        String masked = EmbeddedCardNumbers.masked(text);
        var out = new StringBuilder(Math.min(masked.length(), MAX_TEXT));
        masked.codePoints().limit(MAX_TEXT).forEach(c -> out.appendCodePoint(
                Character.isISOControl(c) || (c >= 0xD800 && c <= 0xDFFF) ? '\uFFFD' : c));
        return out.toString();
    }
}
