package dev.cofre.domain.audit;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * One entry of the audit trail: who did what to which token, from where, and how it ended.
 * It never holds card data.
 */
public record AuditEvent(Instant at, MerchantId merchant, String action, Option<String> subject,
                         Outcome outcome, Option<String> sourceIp, String detail) {

    public enum Outcome { SUCCEEDED, REFUSED }
}
