package dev.cofre.bootstrap;

/** The Mercado Pago payments API end to end on PostgreSQL, in a schema of its own. */
@OnPostgres
class PostgresMercadoPagoPaymentsTest extends MercadoPagoPaymentsContract {

    private final String schema = "mppayments_" + Long.toHexString(System.nanoTime());

    @Override
    String jdbcUrl() {
        return OnPostgres.URL;
    }

    @Override
    String schema() {
        return schema;
    }
}
