package dev.cofre.bootstrap;

/**
 * The end-to-end suite on PostgreSQL, in a schema of its own. Runs when COFRE_TEST_POSTGRES_URL
 * is set, e.g. {@code COFRE_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres}.
 */
@OnPostgres
class PostgresServerTest extends VaultServerContract {

    private final String schema = "e2e_" + Long.toHexString(System.nanoTime());

    @Override
    String jdbcUrl() {
        return OnPostgres.URL;
    }

    @Override
    String schema() {
        return schema;
    }
}
