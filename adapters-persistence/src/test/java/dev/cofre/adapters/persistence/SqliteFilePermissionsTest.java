package dev.cofre.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.contract.VaultFixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, "files and keys": the SQLite file, its WAL and its shared memory are owner-only wherever they are. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SqliteFilePermissionsTest {

    private static String permissions(Path file) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    }

    @Test
    void a_new_database_its_WAL_and_its_directory_are_owner_only_wherever_the_URL_puts_them(@TempDir Path dir)
            throws Exception {
        Path file = dir.resolve("elsewhere").resolve("deep").resolve("vault.db");
        try (var db = Database.open("jdbc:sqlite:" + file)) {
            var merchant = VaultFixtures.merchant();
            db.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
            assertTrue(Files.exists(Path.of(file + "-wal")), "a write leaves a WAL while open");
            assertEquals("rw-------", permissions(file));
            assertEquals("rw-------", permissions(Path.of(file + "-wal")));
            assertEquals("rw-------", permissions(Path.of(file + "-shm")));
            assertEquals("rwx------", permissions(file.getParent()));
        }
    }

    @Test
    void an_existing_database_open_to_others_is_narrowed_to_owner_only(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("vault.db");
        Database.openSqlite(file).close();
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        try (var db = Database.openSqlite(file)) {
            assertEquals("rw-------", permissions(file));
        }
    }
}
