package dev.cofre.adapters.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import io.vavr.control.Option;

/**
 * The two SQL dialects of this adapter, and the few column types they spell differently. The
 * statements themselves are the same on both (ON CONFLICT, LIMIT, partial indexes).
 * Instants are kept to the microsecond on both.
 */
enum SqlDialect {

    /** UUIDs as text, instants as microseconds since the epoch. */
    SQLITE("db/migration/sqlite") {
        @Override
        Object uuid(UUID value) {
            return value.toString();
        }

        @Override
        Object instant(Instant value) {
            return Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L), value.getNano() / 1_000);
        }

        @Override
        Instant instant(ResultSet rs, String column) throws SQLException {
            long micros = rs.getLong(column);
            return rs.wasNull() ? null
                    : Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
        }
    },

    /** Native uuid and timestamptz. */
    POSTGRESQL("db/migration/postgresql") {
        @Override
        Object uuid(UUID value) {
            return value;
        }

        @Override
        Object instant(Instant value) {
            return OffsetDateTime.ofInstant(value, ZoneOffset.UTC);
        }

        @Override
        Instant instant(ResultSet rs, String column) throws SQLException {
            OffsetDateTime at = rs.getObject(column, OffsetDateTime.class);
            return at == null ? null : at.toInstant();
        }
    };

    private final String migrations;

    SqlDialect(String migrations) {
        this.migrations = migrations;
    }

    /**
     * The versions of this adapter's migrations, the same for both dialects ({@code db/migration/<dialect>/V<n>__*.sql};
     * a test checks this list against those files). Add the new one here with each new migration.
     */
    static final java.util.List<String> MIGRATIONS = java.util.List.of("1", "2", "3", "4", "7", "9", "10", "12");

    /** Migrates the database to this dialect's latest schema (in {@code schema}, created if missing, when given). */
    void migrate(DataSource dataSource, Option<String> schema) {
        if (upToDate(dataSource, schema)) {
            return;
        }
        var flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:" + migrations)
                .failOnMissingLocations(true);
        schema.forEach(s -> flyway.schemas(s).defaultSchema(s).createSchemas(true));
        flyway.load().migrate();
    }

    /**
     * Whether the database already holds exactly {@link #MIGRATIONS}, each applied with success: then a
     * start skips Flyway, whose set-up and scan of the migrations were a third of a start's CPU on an
     * existing database. Anything else (a new database, a missing, failed or unknown migration, an
     * unreadable history) goes through Flyway, which migrates, or refuses as it always has.
     */
    static boolean upToDate(DataSource dataSource, Option<String> schema) {
        String history = schema.map(s -> s + ".").getOrElse("") + "flyway_schema_history";
        var applied = new java.util.ArrayList<String>();
        try (var connection = dataSource.getConnection();
             var statement = connection.createStatement();
             var rows = statement.executeQuery("SELECT version, success FROM " + history
                     + " WHERE version IS NOT NULL ORDER BY installed_rank")) {
            while (rows.next()) {
                if (!rows.getBoolean("success")) {
                    return false;
                }
                applied.add(rows.getString("version"));
            }
        } catch (SQLException e) {
            return false; // no history yet: a new database
        }
        return applied.equals(MIGRATIONS);
    }

    static SqlDialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:sqlite:")) {
            return SQLITE;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        // Never echo the URL: it may carry a password.
        throw new IllegalArgumentException("unsupported database: use jdbc:sqlite:/path/to/file or jdbc:postgresql://...");
    }

    /** A UUID as this dialect binds it. */
    abstract Object uuid(UUID value);

    /** An instant as this dialect binds it (truncated to the microsecond). */
    abstract Object instant(Instant value);

    /** An instant column, or null. */
    abstract Instant instant(ResultSet rs, String column) throws SQLException;

    static UUID uuid(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : UUID.fromString(text);
    }
}
