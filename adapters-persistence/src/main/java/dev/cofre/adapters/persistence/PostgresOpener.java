package dev.cofre.adapters.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.vavr.control.Option;
import java.util.regex.Pattern;

/** Opens a PostgreSQL database through a HikariCP pool, with Cofre's tables in one schema. */
final class PostgresOpener {

    private static final Pattern SCHEMA_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final int POOL = 10;

    private PostgresOpener() {
    }

    static Database open(String jdbcUrl, String schema) {
        if (schema == null || !SCHEMA_NAME.matcher(schema).matches()) {
            throw new IllegalArgumentException("a schema name has lower-case letters, digits and underscores");
        }
        var config = new HikariConfig();
        config.setPoolName("cofre-postgresql-" + schema);
        config.setJdbcUrl(jdbcUrl);
        config.setSchema(schema);
        config.setMaximumPoolSize(POOL);
        var pool = new HikariDataSource(config);
        try {
            SqlDialect.POSTGRESQL.migrate(pool, Option.some(schema));
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(jdbcUrl, new PostgresSessions(pool));
    }
}
