package dev.cofre.bootstrap;

/** The Mercado Pago payments API end to end on the default SQLite file. */
class SqliteMercadoPagoPaymentsTest extends MercadoPagoPaymentsContract {

    @Override
    String jdbcUrl() {
        return null;
    }

    @Override
    String schema() {
        return null;
    }
}
