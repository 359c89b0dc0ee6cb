package dev.cofre.bootstrap;

/** The Mercado Pago customers API end to end on the default SQLite file. */
class SqliteMercadoPagoServerTest extends MercadoPagoServerContract {

    @Override
    String jdbcUrl() {
        return null;
    }

    @Override
    String schema() {
        return null;
    }
}
