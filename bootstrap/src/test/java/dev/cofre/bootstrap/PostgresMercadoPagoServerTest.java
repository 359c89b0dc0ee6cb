package dev.cofre.bootstrap;

/** The Mercado Pago customers API end to end on PostgreSQL, in a schema of its own. */
@OnPostgres
class PostgresMercadoPagoServerTest extends MercadoPagoServerContract {

    private final String schema = "mercadopago_" + Long.toHexString(System.nanoTime());

    @Override
    String jdbcUrl() {
        return OnPostgres.URL;
    }

    @Override
    String schema() {
        return schema;
    }
}
