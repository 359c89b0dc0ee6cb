package dev.cofre.adapters.persistence;

import dev.cofre.domain.audit.AuditEvent;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Option;

/** The audit trail: inserts only; the schema's triggers refuse UPDATE and DELETE. */
final class JdbiAuditTrail implements AuditTrail {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiAuditTrail(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    /** In plain JDBC: every audited write runs it (see {@link Sessions#writePrepared}). */
    private static final String INSERT = "INSERT INTO audit_events (at, merchant_id, action, subject, outcome, source_ip, detail)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";

    @Override
    public void record(AuditEvent event) {
        sessions.writePrepared(INSERT, insert -> {
            Statements.bind(insert, dialect.instant(event.at()), dialect.uuid(event.merchant().value()), event.action(),
                    event.subject().getOrNull(), event.outcome().name(), event.sourceIp().getOrNull(), event.detail());
            return insert.executeUpdate();
        });
    }

    @Override
    public List<AuditEvent> of(MerchantId merchant) {
        return sessions.read(h -> List.ofAll(
                h.createQuery("SELECT at, action, subject, outcome, source_ip, detail FROM audit_events"
                                + " WHERE merchant_id = :merchant ORDER BY seq")
                        .bind("merchant", dialect.uuid(merchant.value()))
                        .map((rs, ctx) -> new AuditEvent(dialect.instant(rs, "at"), merchant, rs.getString("action"),
                                Option.of(rs.getString("subject")), AuditEvent.Outcome.valueOf(rs.getString("outcome")),
                                Option.of(rs.getString("source_ip")), rs.getString("detail")))
                        .list()));
    }
}
