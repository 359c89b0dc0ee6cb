package dev.cofre.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.idempotency.IdempotentRequest;
import dev.cofre.domain.idempotency.RequestFingerprint;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A key remembered before the V2 migration still replays after it: a retry across an upgrade is not run twice. */
class IdempotencyMigrationTest {

    @TempDir
    Path dir;

    @Test
    void a_key_remembered_by_version_1_is_replayed_after_the_upgrade() throws Exception {
        Path file = dir.resolve("cofre.db");
        String url = "jdbc:sqlite:" + file;
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/sqlite").target("1")
                .load().migrate();
        var merchant = new MerchantId(UUID.randomUUID());
        // version 1 kept the same length-prefixed SHA-256 of the request under the name request_hash
        var fingerprint = RequestFingerprint.of("card fingerprint", "Jose da Silva", "12/2030", "");
        try (var connection = DriverManager.getConnection(url); var owner = connection.prepareStatement(
                "INSERT INTO merchants (id, name, profile, allowed_ips, pre_auth_enabled, cvv_less_recurrence,"
                        + " created_at, client_id, client_secret_hash, just_click_key_hash)"
                        + " VALUES (?, 'Loja', 'PSP', '', 0, 0, 0, 'client', 'secret', 'key')");
             var insert = connection.prepareStatement("INSERT INTO idempotency_keys"
                     + " (merchant_id, scope, key, request_hash, outcome) VALUES (?, ?, ?, ?, ?)")) {
            owner.setString(1, merchant.value().toString());
            owner.executeUpdate();
            insert.setString(1, merchant.value().toString());
            insert.setString(2, "tokenize");
            insert.setString(3, "key-1");
            insert.setString(4, fingerprint.hex());
            insert.setString(5, "c7026cf4-d1ee-49e2-ab6e-52c6d6d3e301");
            insert.executeUpdate();
        }

        try (var db = Database.openSqlite(file)) {
            var request = new IdempotentRequest(merchant, "tokenize", new IdempotencyKey("key-1"), fingerprint);
            var remembered = db.transactions().inTransaction(() -> db.idempotencyKeys().claim(request));

            assertEquals(Option.some(new IdempotencyKeys.Remembered(fingerprint,
                    "c7026cf4-d1ee-49e2-ab6e-52c6d6d3e301")), remembered);
        }
    }
}
