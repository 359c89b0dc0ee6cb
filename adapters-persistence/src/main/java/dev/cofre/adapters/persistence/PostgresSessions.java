package dev.cofre.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL through a HikariCP pool: each transaction runs on a connection of its own, at the
 * database's default isolation (READ COMMITTED unless the server or the connection says
 * otherwise). Several Cofre servers may share the database; the uniqueness rules live in its
 * indexes, and every insert that may collide uses ON CONFLICT, so a collision never aborts the
 * surrounding transaction.
 *
 * <p>A transaction the database aborts because it could not serialize it with another (SQLSTATE
 * 40001, which SERIALIZABLE isolation and PostgreSQL-compatible distributed engines raise) or
 * chose as a deadlock victim (40P01) changed nothing, so it is run again from the start, up to
 * {@link #ATTEMPTS} times in all: the one place every write path retries. The work of a
 * transaction only reads and writes the database, so running it again is safe.
 */
final class PostgresSessions extends Sessions {

    static final int ATTEMPTS = 10;
    private static final Set<String> RETRYABLE = Set.of("40001", "40P01");

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    PostgresSessions(HikariDataSource pool) {
        super(SqlDialect.POSTGRESQL);
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        quietExceptions(jdbi);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (inTransactionHere()) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> bound(handle, work));
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !retryable(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    /** Whether {@code failure} is the database refusing to serialize this transaction with another. */
    static boolean retryable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && RETRYABLE.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause that grows with the attempts, so that colliding transactions drift apart. */
    private static void backOff(int attempt) {
        long ceilingMs = Math.min(100, 1L << attempt);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, ceilingMs + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a transaction", e);
        }
    }

    @Override
    Jdbi readers() {
        return jdbi;
    }

    @Override
    public void close() {
        pool.close();
    }
}
