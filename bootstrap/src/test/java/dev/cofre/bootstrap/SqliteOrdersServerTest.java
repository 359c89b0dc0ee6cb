package dev.cofre.bootstrap;

/** The orders API end to end on the default SQLite file. */
class SqliteOrdersServerTest extends OrdersServerContract {

    @Override
    String jdbcUrl() {
        return null;
    }

    @Override
    String schema() {
        return null;
    }
}
