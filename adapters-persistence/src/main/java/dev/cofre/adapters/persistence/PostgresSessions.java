package dev.cofre.adapters.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.util.function.Supplier;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * PostgreSQL through a HikariCP pool: each transaction is an ordinary READ COMMITTED transaction
 * on a connection of its own. Several Cofre servers may share the database; the uniqueness rules
 * live in its indexes, and every insert that may collide uses ON CONFLICT, so a collision never
 * aborts the surrounding transaction.
 */
final class PostgresSessions extends Sessions {

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
        return jdbi.inTransaction(TransactionIsolationLevel.READ_COMMITTED, handle -> bound(handle, work));
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
