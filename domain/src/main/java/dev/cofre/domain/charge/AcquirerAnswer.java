package dev.cofre.domain.charge;

import io.vavr.control.Option;
import java.util.function.Function;

/**
 * What the acquirer answered, a closed set. {@link Unknown} means no answer came (a timeout, a
 * broken connection): it is never read as a decline.
 */
public sealed interface AcquirerAnswer {

    /** The four answers, for tables. */
    enum Kind { APPROVED, DECLINED, PENDING, UNKNOWN }

    record Approved(AcquirerFields fields) implements AcquirerAnswer {
        public Approved {
            java.util.Objects.requireNonNull(fields, "fields");
        }
    }

    /** Refused, with the acquirer's reason ({@code code} and {@code message} as in its return code and message). */
    record Declined(String code, String message, AcquirerFields fields) implements AcquirerAnswer {
        public Declined {
            java.util.Objects.requireNonNull(code, "code");
            java.util.Objects.requireNonNull(message, "message");
            java.util.Objects.requireNonNull(fields, "fields");
        }
    }

    /** Received, not finished: ask again later. */
    record Pending(AcquirerFields fields) implements AcquirerAnswer {
        public Pending {
            java.util.Objects.requireNonNull(fields, "fields");
        }
    }

    /** No usable answer. {@code reason} says why, never with card data. */
    record Unknown(String reason) implements AcquirerAnswer {
        public Unknown {
            java.util.Objects.requireNonNull(reason, "reason");
        }
    }

    default <R> R fold(Function<Approved, R> approved, Function<Declined, R> declined,
                       Function<Pending, R> pending, Function<Unknown, R> unknown) {
        if (this instanceof Approved a) {
            return approved.apply(a);
        }
        if (this instanceof Declined d) {
            return declined.apply(d);
        }
        if (this instanceof Pending p) {
            return pending.apply(p);
        }
        return unknown.apply((Unknown) this);
    }

    default Kind kind() {
        return fold(a -> Kind.APPROVED, d -> Kind.DECLINED, p -> Kind.PENDING, u -> Kind.UNKNOWN);
    }

    default Option<AcquirerFields> receipt() {
        return fold(a -> Option.some(a.fields()), d -> Option.some(d.fields()), p -> Option.some(p.fields()),
                u -> Option.none());
    }
}
