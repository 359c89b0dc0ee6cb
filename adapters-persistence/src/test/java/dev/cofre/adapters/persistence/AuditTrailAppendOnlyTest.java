package dev.cofre.adapters.persistence;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.domain.audit.AuditEvent;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/** The audit trail cannot be rewritten, not even by SQL run beside Cofre's stores. */
class AuditTrailAppendOnlyTest {

    private static void assertAppendOnly(Database db) {
        var merchant = VaultFixtures.merchant().id();
        var event = new AuditEvent(NOW, merchant, "detokenize", Option.none(), AuditEvent.Outcome.SUCCEEDED,
                Option.some("203.0.113.7"), "card number read");
        db.auditTrail().record(event);
        var sessions = (Sessions) db.transactions();

        assertThrows(RuntimeException.class,
                () -> sessions.write(h -> h.execute("UPDATE audit_events SET detail = 'nothing happened'")));
        assertThrows(RuntimeException.class, () -> sessions.write(h -> h.execute("DELETE FROM audit_events")));

        assertEquals(io.vavr.collection.List.of(event), db.auditTrail().of(merchant));
    }

    @Test
    void on_sqlite_updates_and_deletes_of_audit_events_are_refused() {
        var db = TestDatabases.sqlite();
        try {
            assertAppendOnly(db);
        } finally {
            db.close();
            TestDatabases.deleteSqlite(db);
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.POSTGRES_DISABLED)
    void on_postgresql_updates_and_deletes_of_audit_events_are_refused() {
        String schema = TestDatabases.randomSchema();
        try (var db = Database.open(TestDatabases.postgresUrl(), schema)) {
            assertAppendOnly(db);
        } finally {
            TestDatabases.dropSchema(schema);
        }
    }
}
