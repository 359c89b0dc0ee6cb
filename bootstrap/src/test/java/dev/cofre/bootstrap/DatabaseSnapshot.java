package dev.cofre.bootstrap;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

/**
 * What the database holds, minus the audit trail and issued bearer tokens (which record that a
 * refused request happened): two equal snapshots mean a request changed nothing.
 */
final class DatabaseSnapshot {

    private static final List<String> TABLES = List.of("merchants", "tokens", "save_requests", "key_recoveries",
            "idempotency_keys", "orders", "order_items", "charges", "charge_metadata", "charge_transactions",
            "spent_cryptograms", "reconcile_leases", "secret_keys", "customers", "saved_cards", "card_tokens",
            "numbered_charges", "publishable_keys", "merchant_origins");

    private DatabaseSnapshot() {
    }

    static String of(String jdbcUrl, String schema) {
        try (Connection c = DriverManager.getConnection(jdbcUrl)) {
            if (schema != null) {
                c.setSchema(schema);
            }
            var out = new StringBuilder();
            for (String table : TABLES) {
                try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM " + table)) {
                    var rows = new java.util.ArrayList<String>();
                    int columns = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        var row = new StringBuilder();
                        for (int i = 1; i <= columns; i++) {
                            Object v = rs.getObject(i);
                            row.append(v instanceof byte[] b ? java.util.Arrays.toString(b) : String.valueOf(v)).append('|');
                        }
                        rows.add(row.toString());
                    }
                    java.util.Collections.sort(rows);
                    out.append(table).append(rows).append('\n');
                }
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot snapshot the database", e);
        }
    }
}
