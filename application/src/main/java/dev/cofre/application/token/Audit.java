package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.audit.AuditEvent;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.InetAddress;
import java.time.Clock;

/** Writes the vault's audit events: what was done to which token, and whether it was refused (with the code). */
final class Audit {

    private final AuditTrail trail;
    private final Clock clock;

    Audit(AuditTrail trail, Clock clock) {
        this.trail = trail;
        this.clock = clock;
    }

    void record(MerchantId merchant, String action, Option<String> subject, Option<InetAddress> source,
                Either<? extends DomainError, ?> result) {
        trail.record(new AuditEvent(clock.instant(), merchant, action, subject,
                result.isRight() ? AuditEvent.Outcome.SUCCEEDED : AuditEvent.Outcome.REFUSED,
                source.map(InetAddress::getHostAddress),
                result.isRight() ? "" : result.getLeft().code() + " " + result.getLeft().message()));
    }
}
