package dev.cofre.bootstrap;

/** The end-to-end suite on the embedded default: a SQLite file in the data directory. */
class SqliteServerTest extends VaultServerContract {

    @Override
    String jdbcUrl() {
        return null;
    }

    @Override
    String schema() {
        return null;
    }
}
