package dev.cofre.bootstrap;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The Mercado Pago customers API end to end on PostgreSQL, in a schema of its own. */
@EnabledIfEnvironmentVariable(named = "COFRE_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "PostgreSQL end-to-end tests skipped: set "
                + "COFRE_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres to run them")
class PostgresMercadoPagoServerTest extends MercadoPagoServerContract {

    private static final String URL = System.getenv("COFRE_TEST_POSTGRES_URL");
    private final String schema = "mercadopago_" + Long.toHexString(System.nanoTime());

    @Override
    String jdbcUrl() {
        return URL;
    }

    @Override
    String schema() {
        return schema;
    }
}
