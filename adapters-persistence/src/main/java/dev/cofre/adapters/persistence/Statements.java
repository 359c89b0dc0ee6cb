package dev.cofre.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;

/** Binding for the few statements written in plain JDBC (see {@link Sessions#readPrepared}). */
final class Statements {

    private Statements() {
    }

    /**
     * Binds {@code values} to the parameters in order: each value as {@link SqlDialect} gives it
     * (text, numbers, bytes; a UUID or an {@code OffsetDateTime} on PostgreSQL), null as an untyped
     * NULL the column's type resolves.
     */
    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                statement.setNull(i + 1, Types.NULL);
            } else {
                statement.setObject(i + 1, values[i]);
            }
        }
    }
}
