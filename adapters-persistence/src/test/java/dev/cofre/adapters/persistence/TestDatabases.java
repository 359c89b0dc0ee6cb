package dev.cofre.adapters.persistence;

import dev.cofre.application.charge.ChargeStores;
import dev.cofre.application.contract.ChargeContractStores;
import dev.cofre.application.contract.Stores;
import dev.cofre.application.customer.SealingCardTokens;
import dev.cofre.application.testing.TestCardCipher;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** Databases for tests: a SQLite file in a fresh directory, or a fresh PostgreSQL schema. */
final class TestDatabases {

    static final String POSTGRES_URL_VARIABLE = "COFRE_TEST_POSTGRES_URL";
    static final String POSTGRES_DISABLED = "set COFRE_TEST_POSTGRES_URL to a JDBC URL, e.g. "
            + "jdbc:postgresql://127.0.0.1:5432/test?user=postgres, to run the PostgreSQL tests";

    private TestDatabases() {
    }

    /** A new SQLite file; {@link #deleteSqlite} removes it with its directory. */
    static Database sqlite() {
        try {
            Path dir = Files.createTempDirectory("cofre-sqlite-");
            return Database.openSqlite(dir.resolve("cofre.db"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteSqlite(Database db) {
        Path dir = db.sqliteFile().get().getParent();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String postgresUrl() {
        return System.getenv(POSTGRES_URL_VARIABLE);
    }

    /** The test database, with every transaction of the connection SERIALIZABLE unless it asks otherwise. */
    static String serializablePostgresUrl() {
        return withOption(postgresUrl(), "default_transaction_isolation=serializable");
    }

    /** {@code url} with a server setting for each of its connections (the driver's {@code options}). */
    static String withOption(String url, String setting) {
        return url + (url.contains("?") ? "&" : "?") + "options=-c%20" + setting.replace("=", "%3D");
    }

    /** A fresh random schema name, so that every test run has its own tables. */
    static String randomSchema() {
        return "cofre_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static void dropSchema(String schema) {
        try (var connection = DriverManager.getConnection(postgresUrl());
             var statement = connection.createStatement()) {
            statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop test schema " + schema, e);
        }
    }

    static Stores storesOf(Database db, Runnable closer) {
        return new Stores(db.tokens(), db.sealedPans(), db.saveRequests(), db.keyRecoveries(), db.auditTrail(),
                db.merchants(), db.accessTokens(), db.idempotencyKeys(), db.transactions(), closer);
    }

    /** Stores over a new SQLite file, deleted on close. */
    static Stores sqliteStores() {
        return onSqlite(TestDatabases::storesOf);
    }

    /** Stores in a new PostgreSQL schema, dropped on close. */
    static Stores postgresStores() {
        return postgresStores(postgresUrl());
    }

    /** Stores in a new PostgreSQL schema of the database at {@code url}, dropped on close. */
    static Stores postgresStores(String url) {
        return onPostgres(url, TestDatabases::storesOf);
    }

    /** The charge engine's stores over {@code db}; card tokens sealed in the database too. */
    static ChargeContractStores chargeStoresOf(Database db, Runnable closer) {
        var charging = new ChargeStores(db.charges(), db.tokens(), new SealingCardTokens(db.cardTokens(), new TestCardCipher()), db.spentCryptograms(),
                db.idempotencyKeys(), db.reconcileLeases(), db.transactions(), db.customers(),
                db.savedCards());
        return new ChargeContractStores(charging, db.reconcileLeases(), db.merchants(), closer);
    }

    static ChargeContractStores sqliteChargeStores() {
        return onSqlite(TestDatabases::chargeStoresOf);
    }

    static ChargeContractStores postgresChargeStores() {
        return postgresChargeStores(postgresUrl());
    }

    static ChargeContractStores postgresChargeStores(String url) {
        return onPostgres(url, TestDatabases::chargeStoresOf);
    }

    /** Whatever {@code open} makes of a new SQLite file, which its closer deletes. */
    private static <T> T onSqlite(java.util.function.BiFunction<Database, Runnable, T> open) {
        var db = sqlite();
        return open.apply(db, () -> {
            db.close();
            deleteSqlite(db);
        });
    }

    /** Whatever {@code open} makes of a new PostgreSQL schema, which its closer drops. */
    private static <T> T onPostgres(String url, java.util.function.BiFunction<Database, Runnable, T> open) {
        String schema = randomSchema();
        var db = Database.open(url, schema);
        return open.apply(db, () -> {
            db.close();
            dropSchema(schema);
        });
    }
}
