package dev.cofre.bootstrap;

/** The Cielo E-commerce 3.0 API end to end on PostgreSQL, in a schema of its own. */
@OnPostgres
class PostgresCieloServerTest extends CieloServerContract {

    private final String schema = "cielo_" + Long.toHexString(System.nanoTime());

    @Override
    String jdbcUrl() {
        return OnPostgres.URL;
    }

    @Override
    String schema() {
        return schema;
    }
}
