package dev.cofre.bootstrap;

/** JustClickShop end to end on PostgreSQL, in a schema of its own. */
@OnPostgres
class PostgresJustClickShopTest extends JustClickShopContract {

    private final String schema = "justclickshop_" + Long.toHexString(System.nanoTime());

    @Override
    String jdbcUrl() {
        return OnPostgres.URL;
    }

    @Override
    String schema() {
        return schema;
    }
}
