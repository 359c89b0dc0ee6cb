package dev.cofre.bootstrap;

/** Publishable keys end to end on PostgreSQL, in a schema of its own. */
@OnPostgres
class PublicKeyPostgresTest extends PublicKeyContract {

    private final String schema = "public_key_" + Long.toHexString(System.nanoTime());

    @Override
    String jdbcUrl() {
        return OnPostgres.URL;
    }

    @Override
    String schema() {
        return schema;
    }
}
