package dev.cofre.bootstrap;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The end-to-end suite on PostgreSQL with every transaction SERIALIZABLE (the connection's
 * {@code default_transaction_isolation}), as on PostgreSQL-compatible distributed engines: its
 * concurrent requests meet serialization failures, which the server retries.
 */
@EnabledIfEnvironmentVariable(named = "COFRE_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "PostgreSQL end-to-end tests skipped: set "
                + "COFRE_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres to run them")
class SerializablePostgresServerTest extends VaultServerContract {

    private static final String URL = System.getenv("COFRE_TEST_POSTGRES_URL");
    private final String schema = "e2e_ser_" + Long.toHexString(System.nanoTime());

    @Override
    String jdbcUrl() {
        return URL + (URL.contains("?") ? "&" : "?") + "options=-c%20default_transaction_isolation%3Dserializable";
    }

    @Override
    String schema() {
        return schema;
    }
}
