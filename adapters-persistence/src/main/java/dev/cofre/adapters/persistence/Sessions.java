package dev.cofre.adapters.persistence;

import dev.cofre.domain.Transactions;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * Where the stores get a connection. Inside a transaction every statement uses that transaction's
 * handle, bound to the thread that runs the work; a read outside a transaction takes a pooled
 * connection; a write outside a transaction becomes a transaction of its own.
 */
abstract class Sessions implements Transactions, AutoCloseable {

    private final SqlDialect dialect;
    private final ThreadLocal<Handle> current = new ThreadLocal<>();

    Sessions(SqlDialect dialect) {
        this.dialect = dialect;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** Runs a query on the current transaction's handle, or on a pooled reader. */
    <T> T read(HandleCallback<T, RuntimeException> query) {
        Handle handle = current.get();
        return handle != null ? query.withHandle(handle) : readers().withHandle(query);
    }

    /** Runs statements inside the current transaction, or inside one of their own. */
    <T> T write(HandleCallback<T, RuntimeException> statements) {
        return inTransaction(() -> statements.withHandle(current.get()));
    }

    /** Whether this thread runs inside one of this database's transactions. */
    final boolean inTransactionHere() {
        return current.get() != null;
    }

    /** Binds {@code handle} as this thread's transaction handle while {@code work} runs. */
    final <T> T bound(Handle handle, java.util.function.Supplier<T> work) {
        current.set(handle);
        try {
            return work.get();
        } finally {
            current.remove();
        }
    }

    abstract Jdbi readers();

    @Override
    public abstract void close();

    /** Statement text, never bound values (holder names, sealed bytes), in exception messages. */
    static void quietExceptions(org.jdbi.v3.core.config.Configurable<?> jdbi) {
        jdbi.getConfig(StatementExceptions.class)
                .setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
    }
}
