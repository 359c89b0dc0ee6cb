package dev.cofre.bootstrap;

/** Publishable keys end to end on the default SQLite file. */
class PublicKeySqliteTest extends PublicKeyContract {

    @Override
    String jdbcUrl() {
        return null;
    }

    @Override
    String schema() {
        return null;
    }
}
