package dev.cofre.adapters.persistence;

import dev.cofre.domain.Transactions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
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

    /** One prepared statement's work in plain JDBC: bind, execute, read. */
    @FunctionalInterface
    interface StatementWork<T> {
        T run(PreparedStatement statement) throws SQLException;
    }

    /**
     * Like {@link #read}, in plain JDBC: no Jdbi handle is opened and, where the session keeps them
     * ({@link #prepare}), the statement is prepared once per connection. For the hottest reads only
     * (a token by reference or by alias); the work must close any result set it opens.
     */
    <T> T readPrepared(String sql, StatementWork<T> work) {
        Handle handle = current.get();
        if (handle != null) {
            return runPrepared(handle.getConnection(), sql, work);
        }
        try (Connection connection = readConnections().getConnection()) {
            return runPrepared(connection, sql, work);
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /**
     * Plain-JDBC reads ({@link #readPrepared}) that together make one value (a charge and its rows in
     * other tables): on the current transaction's connection, or on one pooled reader inside a read
     * transaction of their own, so that they see the database as of one moment, not a write between
     * two of them. Only reads may run inside.
     */
    <T> T readTogether(java.util.function.Supplier<T> reads) {
        if (current.get() != null) {
            return reads.get();
        }
        return readers().withHandle(h -> {
            h.begin();
            try {
                return bound(h, reads);
            } finally {
                h.rollback(); // nothing was written: ending it releases the snapshot
            }
        });
    }

    /** Like {@link #write}, in plain JDBC, on the transaction's connection (for the hottest inserts). */
    <T> T writePrepared(String sql, StatementWork<T> work) {
        return inTransaction(() -> runPrepared(current.get().getConnection(), sql, work));
    }

    private <T> T runPrepared(Connection connection, String sql, StatementWork<T> work) {
        try {
            PreparedStatement statement = prepare(connection, sql);
            boolean done = false;
            try {
                T result = work.run(statement);
                done = true;
                return result;
            } finally {
                release(statement, done);
            }
        } catch (SQLException e) {
            throw failed(sql, e);
        }
    }

    /** A statement for {@code sql} on {@code connection}: here a new one each time, closed by {@link #release}. */
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        return connection.prepareStatement(sql);
    }

    /** Done with a statement from {@link #prepare}; {@code completed} false if its work failed. */
    void release(PreparedStatement statement, boolean completed) throws SQLException {
        statement.close();
    }

    /** The statement text, never bound values, in the message (as {@link #quietExceptions} does for Jdbi). */
    private static IllegalStateException failed(String sql, SQLException e) {
        return new IllegalStateException("statement failed: " + sql, e);
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

    /** The pooled connections {@link #readers()} uses. */
    abstract DataSource readConnections();

    @Override
    public abstract void close();

    /** Statement text, never bound values (holder names, sealed bytes), in exception messages. */
    static void quietExceptions(org.jdbi.v3.core.config.Configurable<?> jdbi) {
        jdbi.getConfig(StatementExceptions.class)
                .setMessageRendering(StatementExceptions.MessageRendering.SHORT_STATEMENT);
    }
}
