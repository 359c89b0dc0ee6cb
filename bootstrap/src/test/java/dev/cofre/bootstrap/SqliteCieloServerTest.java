package dev.cofre.bootstrap;

/** The Cielo E-commerce 3.0 API end to end on the default SQLite file. */
class SqliteCieloServerTest extends CieloServerContract {

    @Override
    String jdbcUrl() {
        return null;
    }

    @Override
    String schema() {
        return null;
    }
}
