package dev.cofre.bootstrap;

/** JustClickShop end to end on SQLite. */
class SqliteJustClickShopTest extends JustClickShopContract {

    @Override
    String jdbcUrl() {
        return null;
    }

    @Override
    String schema() {
        return null;
    }
}
