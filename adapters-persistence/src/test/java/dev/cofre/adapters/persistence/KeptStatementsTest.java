package dev.cofre.adapters.persistence;

import static dev.cofre.application.contract.VaultFixtures.alias;
import static dev.cofre.application.contract.VaultFixtures.sealedPan;
import static dev.cofre.application.contract.VaultFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The plain-JDBC statements SQLite keeps per connection (token reads and inserts, the audit insert):
 * a kept read statement holds no snapshot of the WAL, and a statement whose execution failed is not
 * reused half-done.
 */
class KeptStatementsTest {

    private Database db;

    @BeforeEach
    void open() {
        db = TestDatabases.sqlite();
    }

    @AfterEach
    void close() {
        db.close();
        TestDatabases.deleteSqlite(db);
    }

    @Test
    void after_many_reads_on_kept_statements_a_checkpoint_can_still_truncate_the_whole_wal() throws Exception {
        var merchant = VaultFixtures.merchant();
        db.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
        for (int i = 0; i < 50; i++) {
            var token = token(merchant.id(), Option.some(alias("kept-" + i)));
            db.tokens().add(token, sealedPan(1));
            // Every reader of the pool, each on its kept statements, found and not found.
            assertEquals(Option.some(token), db.tokens().find(merchant.id(), token.reference()));
            assertEquals(Option.some(token), db.tokens().findByAlias(merchant.id(), alias("kept-" + i)));
            assertEquals(Option.none(), db.tokens().findByAlias(merchant.id(), alias("missing-" + i)));
        }
        Path wal = Path.of(db.sqliteFile().get() + "-wal");
        assertTrue(Files.size(wal) > 0);
        try (var connection = DriverManager.getConnection(db.jdbcUrl());
             var checkpoint = connection.createStatement().executeQuery("PRAGMA wal_checkpoint(TRUNCATE)")) {
            assertTrue(checkpoint.next());
            assertEquals(0, checkpoint.getInt(1), "a reader still holds a snapshot: the checkpoint was busy");
        }
        assertEquals(0, Files.size(wal));
    }

    @Test
    void a_failed_insert_leaves_the_next_one_on_the_same_connection_working() {
        var stranger = new MerchantId(java.util.UUID.randomUUID());
        assertThrows(RuntimeException.class, () -> db.tokens().add(token(stranger, Option.none()), sealedPan(1)));
        var merchant = VaultFixtures.merchant();
        db.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
        var token = token(merchant.id(), Option.some(alias("after")));
        assertEquals(io.vavr.control.Either.right(token), db.tokens().add(token, sealedPan(1)));
        assertEquals(Option.some(token), db.tokens().find(merchant.id(), token.reference()));
    }
}
