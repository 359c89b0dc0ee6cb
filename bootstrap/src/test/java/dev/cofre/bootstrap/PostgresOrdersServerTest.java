package dev.cofre.bootstrap;

/** The orders API end to end on PostgreSQL, in a schema of its own. */
@OnPostgres
class PostgresOrdersServerTest extends OrdersServerContract {

    private final String schema = "orders_" + Long.toHexString(System.nanoTime());

    @Override
    String jdbcUrl() {
        return OnPostgres.URL;
    }

    @Override
    String schema() {
        return schema;
    }
}
