package dev.cofre.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;

/**
 * PostgreSQL through a HikariCP pool: each transaction runs on a connection of its own, at the
 * database's default isolation (READ COMMITTED unless the server or the connection says
 * otherwise, e.g. SERIALIZABLE). Several Cofre servers may share the database; the uniqueness
 * rules live in its indexes, and every insert that may collide uses ON CONFLICT, so a collision
 * never aborts the surrounding transaction.
 */
final class PostgresSessions extends Sessions {

    /** How many times a unit of work is run again after a serialization failure before it gives up. */
    static final int SERIALIZATION_RETRIES = 9;

    private final HikariDataSource pool;
    private final Jdbi jdbi;

    PostgresSessions(HikariDataSource pool) {
        super(SqlDialect.POSTGRESQL);
        this.pool = pool;
        this.jdbi = Jdbi.create(pool);
        quietExceptions(jdbi);
    }

    /**
     * Runs the work in a transaction of its own: the one place every write path retries. A
     * serialization failure or a deadlock (SQLSTATE 40001, 40P01; SERIALIZABLE isolation raises
     * them, and PostgreSQL-compatible distributed engines report conflicts as 40001 even under READ
     * COMMITTED) rolls the whole transaction back, so running the work again is safe: units of work
     * only read and write the stores (the acquirer and the cipher are called outside them).
     */
    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (inTransactionHere()) {
            return work.get();
        }
        for (int attempt = 0; ; attempt++) {
            try {
                return jdbi.inTransaction(handle -> bound(handle, work));
            } catch (RuntimeException e) {
                if (attempt >= SERIALIZATION_RETRIES || !isSerializationFailure(e)) {
                    throw e;
                }
                backOff(attempt);
            }
        }
    }

    static boolean isSerializationFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql
                    && ("40001".equals(sql.getSQLState()) || "40P01".equals(sql.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A short random pause that grows with the attempts (at most 200 ms), so colliding transactions drift apart. */
    private static void backOff(int attempt) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.min(200, 10L << attempt)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying a serialization failure", e);
        }
    }

    @Override
    Jdbi readers() {
        return jdbi;
    }

    @Override
    javax.sql.DataSource readConnections() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}
