package dev.cofre.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SQLite with one writer and group commit. SQLite lets one connection write at a time; rather than
 * let callers race for the lock (and see "database is locked"), every transaction is handed to a
 * single writer thread. The writer takes all the units of work waiting, runs each inside a
 * SAVEPOINT of one BEGIN IMMEDIATE transaction, and commits them with one COMMIT, so one sync to
 * disk makes a whole batch durable. A unit that throws is rolled back to its savepoint alone and its
 * exception is rethrown to its caller; the others commit. Reads outside a transaction use a pool
 * of read connections, which WAL lets run beside the writer.
 *
 * <p>Work runs on the writer thread, not the caller's: it must not wait for another transaction,
 * and nested {@link #inTransaction} calls from inside it simply run inline. Every write of the
 * process queues behind it, so it should only read and write the stores: seal card numbers, hash
 * and call the acquirer before or after, not inside.
 */
final class SqliteSessions extends Sessions {

    private static final Logger log = LoggerFactory.getLogger(SqliteSessions.class);
    private static final int MAX_BATCH = 1024;

    /** One caller's work and, once the batch is committed, its outcome. */
    private static final class Unit {
        final Supplier<?> work;
        final CompletableFuture<Void> done = new CompletableFuture<>();
        Object result;
        Throwable failure;

        Unit(Supplier<?> work) {
            this.work = work;
        }
    }

    private static final Unit STOP = new Unit(() -> null);

    private final Connection writerConnection;
    /** The writer thread's prepared transaction-control statements, by text; closed with the connection. */
    private final Map<String, PreparedStatement> control = new HashMap<>();
    /**
     * The statements of {@link #readPrepared} and {@link #writePrepared}, prepared once per connection
     * (the writer's and each pooled reader's, unwrapped from the pool's proxy so that returning the
     * connection does not close them) and kept until that connection closes. A connection is used by
     * one thread at a time, so each inner map is too.
     */
    private final Map<Connection, Map<String, PreparedStatement>> kept = new ConcurrentHashMap<>();
    private final Handle writer;
    private final HikariDataSource readPool;
    private final Jdbi readers;
    private final BlockingQueue<Unit> queue = new LinkedBlockingQueue<>();
    private final Object lifecycle = new Object();
    private final Thread writerThread;
    private boolean closed;

    SqliteSessions(Connection writerConnection, HikariDataSource readPool) {
        super(SqlDialect.SQLITE);
        this.writerConnection = writerConnection;
        this.writer = Jdbi.open(writerConnection);
        quietExceptions(writer);
        this.readPool = readPool;
        this.readers = Jdbi.create(readPool);
        quietExceptions(readers);
        this.writerThread = new Thread(this::writeLoop, "cofre-sqlite-writer");
        writerThread.setDaemon(true);
        writerThread.start();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T inTransaction(Supplier<T> work) {
        if (inTransactionHere()) {
            return work.get();
        }
        var unit = new Unit(work);
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("the database is closed");
            }
            queue.add(unit);
        }
        unit.done.join();
        if (unit.failure instanceof RuntimeException e) {
            throw e;
        }
        if (unit.failure instanceof Error e) {
            throw e;
        }
        if (unit.failure != null) {
            throw new IllegalStateException("transaction failed", unit.failure);
        }
        return (T) unit.result;
    }

    private void writeLoop() {
        var batch = new ArrayList<Unit>();
        boolean stopping = false;
        while (!stopping) {
            batch.clear();
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                // Callers are waiting on this thread: it stops only when the database is closed.
                log.warn("SQLite writer interrupted; it keeps running until the database is closed");
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.remove(STOP);
            if (!batch.isEmpty()) {
                commitTogether(batch);
            }
        }
    }

    /** One BEGIN IMMEDIATE, a SAVEPOINT per unit, one COMMIT; then every caller is told. */
    private void commitTogether(List<Unit> batch) {
        try {
            execute("BEGIN IMMEDIATE");
        } catch (SQLException e) {
            failAll(batch, e);
            return;
        }
        try {
            bound(writer, () -> {
                for (Unit unit : batch) {
                    runInSavepoint(unit);
                }
                return null;
            });
            execute("COMMIT");
        } catch (Throwable e) { // whatever it is, the callers must hear of it and the writer must go on
            rollbackQuietly();
            failAll(batch, e);
            return;
        }
        batch.forEach(unit -> unit.done.complete(null));
    }

    private void runInSavepoint(Unit unit) {
        try {
            execute("SAVEPOINT unit");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a savepoint", e);
        }
        try {
            unit.result = unit.work.get();
        } catch (Throwable t) { // rethrown to the caller, whatever it is
            unit.failure = t;
            try {
                execute("ROLLBACK TO unit");
            } catch (SQLException e) {
                throw new IllegalStateException("cannot roll back a failed unit of work", e);
            }
        }
        try {
            execute("RELEASE unit");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot release a savepoint", e);
        }
    }

    private void failAll(List<Unit> batch, Throwable cause) {
        log.error("SQLite batch of {} transactions failed; none of them was stored", batch.size(), cause);
        for (Unit unit : batch) {
            if (unit.failure == null) {
                unit.failure = new IllegalStateException("the transaction could not be committed; nothing of it was stored", cause);
            }
            unit.done.complete(null);
        }
    }

    private void rollbackQuietly() {
        try {
            execute("ROLLBACK");
        } catch (SQLException e) {
            log.debug("rollback after a failed batch: {}", e.getMessage());
        }
    }

    /**
     * Runs one of the writer's transaction-control statements (BEGIN, SAVEPOINT, RELEASE, ROLLBACK,
     * COMMIT), each prepared once and kept: only the writer thread runs them, two per unit of work.
     */
    private void execute(String sql) throws SQLException {
        PreparedStatement statement = control.get(sql);
        if (statement == null) {
            statement = writerConnection.prepareStatement(sql);
            control.put(sql, statement);
        }
        statement.execute();
    }

    @Override
    Jdbi readers() {
        return readers;
    }

    @Override
    javax.sql.DataSource readConnections() {
        return readPool;
    }

    @Override
    PreparedStatement prepare(Connection connection, String sql) throws SQLException {
        Connection raw = connection.unwrap(Connection.class);
        Map<String, PreparedStatement> statements = kept.get(raw);
        if (statements == null) {
            // A new connection: forget those the pool has closed since (their statements closed with them).
            kept.keySet().removeIf(SqliteSessions::isClosed);
            statements = new HashMap<>();
            kept.put(raw, statements);
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = raw.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /**
     * Kept for the next call on the same connection. The work has closed its result set, which
     * resets the statement, so a kept read statement holds no snapshot of the WAL; its bound values
     * are dropped here. A statement whose work failed is closed and prepared again next time.
     */
    @Override
    void release(PreparedStatement statement, boolean completed) throws SQLException {
        if (completed) {
            statement.clearParameters();
            return;
        }
        var statements = kept.get(statement.getConnection());
        if (statements != null) {
            statements.values().remove(statement);
        }
        statement.close();
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    @Override
    public void close() {
        synchronized (lifecycle) {
            if (closed) {
                return;
            }
            closed = true;
            queue.add(STOP);
        }
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        readPool.close();
        writer.close();
    }
}
