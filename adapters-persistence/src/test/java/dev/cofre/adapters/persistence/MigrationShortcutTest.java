package dev.cofre.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.control.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Comparator;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

/**
 * A start skips Flyway only on a database that holds exactly this build's migrations; anything else
 * still goes through Flyway.
 */
class MigrationShortcutTest {

    @TempDir
    Path dir;

    @Test
    void the_list_of_migrations_is_the_files_of_both_dialects() throws Exception {
        for (String dialect : new String[] {"sqlite", "postgresql"}) {
            try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration", dialect))) {
                var versions = files.map(f -> f.getFileName().toString())
                        .map(name -> name.substring(1, name.indexOf("__")))
                        .sorted(Comparator.comparingInt(Integer::parseInt)).toList();
                assertEquals(SqlDialect.MIGRATIONS, versions, dialect + ": add the new migration to SqlDialect.MIGRATIONS");
            }
        }
    }

    @Test
    void only_a_database_with_every_migration_applied_skips_flyway() throws Exception {
        var source = new SQLiteDataSource();
        source.setUrl("jdbc:sqlite:" + dir.resolve("cofre.db"));

        assertFalse(SqlDialect.upToDate(source, Option.none()), "a new database");

        Flyway.configure().dataSource(source).locations("classpath:db/migration/sqlite").target("9").load().migrate();
        assertFalse(SqlDialect.upToDate(source, Option.none()), "a database a migration behind");

        SqlDialect.SQLITE.migrate(source, Option.none());
        assertTrue(SqlDialect.upToDate(source, Option.none()), "every migration applied");

        try (var connection = DriverManager.getConnection(source.getUrl()); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE flyway_schema_history SET success = 0 WHERE version = '12'");
        }
        assertFalse(SqlDialect.upToDate(source, Option.none()), "a failed migration");

        try (var connection = DriverManager.getConnection(source.getUrl()); var statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE flyway_schema_history SET success = 1 WHERE version = '12'");
            statement.executeUpdate("INSERT INTO flyway_schema_history (installed_rank, version, description, type,"
                    + " script, checksum, installed_by, installed_on, execution_time, success)"
                    + " VALUES (100, '99', 'from a newer build', 'SQL', 'V99__newer.sql', 0, '', '2026-01-01', 0, 1)");
        }
        assertFalse(SqlDialect.upToDate(source, Option.none()), "a migration this build does not know");
    }
}
