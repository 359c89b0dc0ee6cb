package dev.cofre.bootstrap;

/**
 * The end-to-end suite on PostgreSQL with every transaction SERIALIZABLE (the connection's
 * {@code default_transaction_isolation}), as on PostgreSQL-compatible distributed engines: its
 * concurrent requests meet serialization failures, which the server retries.
 */
@OnPostgres
class SerializablePostgresServerTest extends VaultServerContract {

    private final String schema = "e2e_ser_" + Long.toHexString(System.nanoTime());

    @Override
    String jdbcUrl() {
        return OnPostgres.URL + (OnPostgres.URL.contains("?") ? "&" : "?") + "options=-c%20default_transaction_isolation%3Dserializable";
    }

    @Override
    String schema() {
        return schema;
    }
}
