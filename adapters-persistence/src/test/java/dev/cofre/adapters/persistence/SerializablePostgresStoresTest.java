package dev.cofre.adapters.persistence;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Every port contract again on PostgreSQL with {@code default_transaction_isolation=serializable},
 * the isolation PostgreSQL-compatible distributed engines run at: each write path must survive
 * serialization failures (SQLSTATE 40001), which the sessions retry.
 */
@EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
        disabledReason = TestDatabases.POSTGRES_DISABLED)
class SerializablePostgresStoresTest extends PostgresStoresTest {

    @Override
    String url() {
        return TestDatabases.serializablePostgresUrl();
    }
}
