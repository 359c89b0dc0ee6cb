package dev.cofre.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.charge.StoredCardTokens;
import dev.cofre.domain.customer.Customers;
import dev.cofre.domain.customer.SavedCards;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.token.KeyRecoveries;
import dev.cofre.domain.token.SaveRequests;
import dev.cofre.domain.token.SealedPans;
import dev.cofre.domain.token.Tokens;
import io.vavr.control.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

/**
 * Cofre's stores in one database: SQLite (one file, the embedded default) or PostgreSQL (shared
 * by several servers), picked from the JDBC URL. Opening migrates the schema to the latest
 * version. Every port implementation shares the one {@link #transactions()}.
 *
 * <pre>{@code
 * try (var db = Database.open("jdbc:sqlite:/var/lib/cofre/cofre.db")) { ... }
 * try (var db = Database.open("jdbc:postgresql://db:5432/cofre?user=cofre&password=...", "cofre")) { ... }
 * }</pre>
 */
public final class Database implements AutoCloseable {

    /** The schema PostgreSQL uses when none is given. */
    public static final String DEFAULT_SCHEMA = "public";

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int SQLITE_READERS = 4;
    private static final int POSTGRES_POOL = 10;
    /** How long a connection waits for another process's lock before giving up (ms). */
    private static final int BUSY_TIMEOUT_MS = 30_000;

    private final String jdbcUrl;
    private final Option<String> schema;
    private final Sessions sessions;
    private final JdbiTokens tokens;
    private final JdbiSaveRequests saveRequests;
    private final JdbiKeyRecoveries keyRecoveries;
    private final JdbiAuditTrail auditTrail;
    private final JdbiMerchants merchants;
    private final JdbiAccessTokens accessTokens;
    private final JdbiIdempotencyKeys idempotencyKeys;
    private final JdbiCustomers customers;
    private final JdbiSavedCards savedCards;
    private final JdbiStoredCardTokens cardTokens;

    private Database(String jdbcUrl, Option<String> schema, Sessions sessions) {
        this.jdbcUrl = jdbcUrl;
        this.schema = schema;
        this.sessions = sessions;
        this.tokens = new JdbiTokens(sessions);
        this.saveRequests = new JdbiSaveRequests(sessions);
        this.keyRecoveries = new JdbiKeyRecoveries(sessions);
        this.auditTrail = new JdbiAuditTrail(sessions);
        this.merchants = new JdbiMerchants(sessions);
        this.accessTokens = new JdbiAccessTokens(sessions);
        this.idempotencyKeys = new JdbiIdempotencyKeys(sessions);
        this.customers = new JdbiCustomers(sessions);
        this.savedCards = new JdbiSavedCards(sessions);
        this.cardTokens = new JdbiStoredCardTokens(sessions);
    }

    /**
     * Opens {@code jdbc:sqlite:/path/to/file} (created if missing) or
     * {@code jdbc:postgresql://host:port/db?user=...} (in schema {@value #DEFAULT_SCHEMA}), and
     * migrates it.
     */
    public static Database open(String jdbcUrl) {
        return Dialect.of(jdbcUrl) == Dialect.SQLITE ? openSqlite(jdbcUrl) : openPostgres(jdbcUrl, DEFAULT_SCHEMA);
    }

    /**
     * Opens a PostgreSQL database and keeps Cofre's tables in {@code schema} (created if missing:
     * lower-case letters, digits and underscores). A SQLite file has no schemas: for a SQLite URL
     * the schema must be null or {@value #DEFAULT_SCHEMA}, so that one configuration shape fits both.
     */
    public static Database open(String jdbcUrl, String schema) {
        if (Dialect.of(jdbcUrl) == Dialect.SQLITE) {
            if (schema != null && !schema.equals(DEFAULT_SCHEMA)) {
                throw new IllegalArgumentException("a SQLite database has no schemas");
            }
            return openSqlite(jdbcUrl);
        }
        return openPostgres(jdbcUrl, schema == null ? DEFAULT_SCHEMA : schema);
    }

    /** Opens (or creates) the SQLite file at {@code file}. */
    public static Database openSqlite(Path file) {
        return openSqlite("jdbc:sqlite:" + file.toAbsolutePath());
    }

    private static Database openSqlite(String jdbcUrl) {
        Path file = sqlitePath(jdbcUrl);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot create the directory of the SQLite file", e);
        }
        String url = "jdbc:sqlite:" + file;
        migrate(sqliteDataSource(url, false), Dialect.SQLITE, Option.none());
        Connection writer;
        try {
            writer = sqliteConfig(false).createConnection(url);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open the SQLite file", e);
        }
        var readers = new HikariConfig();
        readers.setPoolName("cofre-sqlite-readers");
        readers.setDataSource(sqliteDataSource(url, true));
        readers.setMaximumPoolSize(SQLITE_READERS);
        readers.setMinimumIdle(1);
        readers.setReadOnly(true); // as the connections are opened: sqlite-jdbc refuses to change it later
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(readers);
        } catch (RuntimeException e) {
            closeQuietly(writer);
            throw e;
        }
        return new Database(jdbcUrl, Option.none(), new SqliteSessions(writer, pool));
    }

    private static Database openPostgres(String jdbcUrl, String schema) {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("a schema name has lower-case letters, digits and underscores");
        }
        var config = new HikariConfig();
        config.setPoolName("cofre-postgresql-" + schema);
        config.setJdbcUrl(jdbcUrl);
        config.setSchema(schema);
        config.setMaximumPoolSize(POSTGRES_POOL);
        var pool = new HikariDataSource(config);
        try {
            migrate(pool, Dialect.POSTGRESQL, Option.some(schema));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(jdbcUrl, Option.some(schema), new PostgresSessions(pool));
    }

    private static void migrate(DataSource dataSource, Dialect dialect, Option<String> schema) {
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(dialect.migrations())
                .failOnMissingLocations(true);
        schema.forEach(s -> flyway.schemas(s).defaultSchema(s).createSchemas(true));
        flyway.load().migrate();
    }

    /**
     * WAL, so readers never wait for the writer; synchronous=FULL, so a commit is on disk before
     * any caller hears of it (see the README, "Storage"); foreign keys enforced; removed sealed numbers
     * overwritten with zeros rather than left in free pages.
     */
    private static SQLiteConfig sqliteConfig(boolean readOnly) {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(BUSY_TIMEOUT_MS);
        config.enforceForeignKeys(true);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setJournalSizeLimit(64 * 1024 * 1024);
        config.setReadOnly(readOnly);
        return config;
    }

    private static SQLiteDataSource sqliteDataSource(String url, boolean readOnly) {
        var dataSource = new SQLiteDataSource(sqliteConfig(readOnly));
        dataSource.setUrl(url);
        return dataSource;
    }

    private static Path sqlitePath(String jdbcUrl) {
        String rest = jdbcUrl.substring("jdbc:sqlite:".length());
        if (rest.isBlank() || rest.startsWith(":memory:") || rest.contains("mode=memory") || rest.contains("?")) {
            throw new IllegalArgumentException("a SQLite database is a file: jdbc:sqlite:/path/to/file");
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        return Paths.get(rest).toAbsolutePath();
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // already failing
        }
    }

    public Tokens tokens() {
        return tokens;
    }

    /** The sealed numbers of {@link #tokens()}, as key rotation sees them. */
    public SealedPans sealedPans() {
        return tokens;
    }

    public SaveRequests saveRequests() {
        return saveRequests;
    }

    public KeyRecoveries keyRecoveries() {
        return keyRecoveries;
    }

    public AuditTrail auditTrail() {
        return auditTrail;
    }

    public Merchants merchants() {
        return merchants;
    }

    public AccessTokens accessTokens() {
        return accessTokens;
    }

    public IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    public Customers customers() {
        return customers;
    }

    public SavedCards savedCards() {
        return savedCards;
    }

    /** Card tokens as stored, sealed; wrap them in a {@code SealingCardTokens} to use them. */
    public StoredCardTokens cardTokens() {
        return cardTokens;
    }

    /** The one way to make several store calls atomic. Store calls inside it join its transaction. */
    public Transactions transactions() {
        return sessions;
    }

    /** The JDBC URL this database was opened with (it may hold a password: do not log it). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** The SQLite file, for a SQLite database. */
    public Option<Path> sqliteFile() {
        return sessions.dialect() == Dialect.SQLITE ? Option.some(sqlitePath(jdbcUrl)) : Option.none();
    }

    /** The PostgreSQL schema, for a PostgreSQL database. */
    public Option<String> schema() {
        return schema;
    }

    /** Waits for the transactions already submitted, then closes every connection. */
    @Override
    public void close() {
        sessions.close();
    }
}
