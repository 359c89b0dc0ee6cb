package dev.cofre.adapters.persistence;

import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.charge.StoredCardTokens;
import dev.cofre.domain.customer.Customers;
import dev.cofre.domain.customer.SavedCards;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.ReconcileLeases;
import dev.cofre.domain.charge.SpentCryptograms;
import dev.cofre.domain.key.ExpectedKeys;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.LoginFailures;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.PublishableKeys;
import dev.cofre.domain.merchant.SecretKeys;
import dev.cofre.domain.token.KeyRecoveries;
import dev.cofre.domain.token.SaveRequests;
import dev.cofre.domain.token.SealedPans;
import dev.cofre.domain.token.Tokens;
import io.vavr.control.Option;
import java.nio.file.Path;

/**
 * Cofre's stores in one database: SQLite (one file, the embedded default, opened by
 * {@link SqliteOpener}) or PostgreSQL (shared by several servers, opened by {@link PostgresOpener}),
 * picked from the JDBC URL. Opening migrates the schema to the latest
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

    private final String jdbcUrl;
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
    private final JdbiCharges charges;
    private final JdbiSpentCryptograms spentCryptograms;
    private final JdbiNumberedCharges numberedCharges;
    private final JdbiReconcileLeases reconcileLeases;
    private final JdbiSecretKeys secretKeys;
    private final JdbiPublishableKeys publishableKeys;
    private final JdbiExpectedKeys expectedKeys;
    private final JdbiLoginFailures loginFailures;

    Database(String jdbcUrl, Sessions sessions) {
        this.jdbcUrl = jdbcUrl;
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
        this.charges = new JdbiCharges(sessions);
        this.spentCryptograms = new JdbiSpentCryptograms(sessions);
        this.numberedCharges = new JdbiNumberedCharges(sessions);
        this.reconcileLeases = new JdbiReconcileLeases(sessions);
        this.secretKeys = new JdbiSecretKeys(sessions);
        this.publishableKeys = new JdbiPublishableKeys(sessions);
        this.expectedKeys = new JdbiExpectedKeys(sessions);
        this.loginFailures = new JdbiLoginFailures(sessions);
    }

    /**
     * Opens {@code jdbc:sqlite:/path/to/file} (created if missing) or
     * {@code jdbc:postgresql://host:port/db?user=...} (in schema {@value #DEFAULT_SCHEMA}), and
     * migrates it.
     */
    public static Database open(String jdbcUrl) {
        return SqlDialect.of(jdbcUrl) == SqlDialect.SQLITE ? SqliteOpener.open(jdbcUrl) : PostgresOpener.open(jdbcUrl, DEFAULT_SCHEMA);
    }

    /**
     * Opens a PostgreSQL database and keeps Cofre's tables in {@code schema} (created if missing:
     * lower-case letters, digits and underscores). A SQLite file has no schemas: for a SQLite URL
     * the schema must be null or {@value #DEFAULT_SCHEMA}, so that one configuration shape fits both.
     */
    public static Database open(String jdbcUrl, String schema) {
        if (SqlDialect.of(jdbcUrl) == SqlDialect.SQLITE) {
            if (schema != null && !schema.equals(DEFAULT_SCHEMA)) {
                throw new IllegalArgumentException("a SQLite database has no schemas");
            }
            return SqliteOpener.open(jdbcUrl);
        }
        return PostgresOpener.open(jdbcUrl, schema == null ? DEFAULT_SCHEMA : schema);
    }

    /** Opens (or creates) the SQLite file at {@code file}. */
    public static Database openSqlite(Path file) {
        return SqliteOpener.open("jdbc:sqlite:" + file.toAbsolutePath());
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

    /** Charges with their orders and transactions. */
    public Charges charges() {
        return charges;
    }

    public SpentCryptograms spentCryptograms() {
        return spentCryptograms;
    }

    /** Charge numbers (Mercado Pago's payment ids). */
    public dev.cofre.domain.charge.NumberedCharges numberedCharges() {
        return numberedCharges;
    }

    /** Who is reconciling which transaction, shared by every server on this database. */
    public ReconcileLeases reconcileLeases() {
        return reconcileLeases;
    }

    /** The orders API's secret keys (sk_...), by digest. */
    public SecretKeys secretKeys() {
        return secretKeys;
    }

    /** Publishable keys and the origins allowed to use them. */
    public PublishableKeys publishableKeys() {
        return publishableKeys;
    }

    /** The check values of the keys this database's sealed cards need. */
    public ExpectedKeys expectedKeys() {
        return expectedKeys;
    }

    /** Failed client authentications, shared by every server on this database. */
    public LoginFailures loginFailures() {
        return loginFailures;
    }

    /** Whether this is a PostgreSQL database, which several servers may share. */
    public boolean isShared() {
        return sessions.dialect() == SqlDialect.POSTGRESQL;
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
        return sessions.dialect() == SqlDialect.SQLITE ? Option.some(SqliteOpener.path(jdbcUrl)) : Option.none();
    }

    /** Waits for the transactions already submitted, then closes every connection. */
    @Override
    public void close() {
        sessions.close();
    }
}
