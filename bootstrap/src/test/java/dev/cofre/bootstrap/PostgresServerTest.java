package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.BeforeAll;

/**
 * The end-to-end suite on PostgreSQL, in a schema of its own. Runs when COFRE_TEST_POSTGRES_URL
 * is set, e.g. {@code COFRE_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
 */
class PostgresServerTest extends VaultServerContract {

    private static final String URL = System.getenv("COFRE_TEST_POSTGRES_URL");
    private final String schema = "e2e_" + Long.toHexString(System.nanoTime());

    @Override
    @BeforeAll
    void start() throws java.io.IOException {
        assumeTrue(URL != null && !URL.isBlank(), "PostgreSQL end-to-end tests skipped: set COFRE_TEST_POSTGRES_URL="
                + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres to run them");
        super.start();
    }

    @Override
    String jdbcUrl() {
        return URL;
    }

    @Override
    String schema() {
        return schema;
    }
}
