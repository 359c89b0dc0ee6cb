package dev.cofre.adapters.persistence;

import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.NumberedCharge;
import dev.cofre.domain.charge.NumberedCharges;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Charge numbers. The insert does nothing when the number or the charge is taken; reading the charge's
 * row back then tells which: the charge's own earlier row (a retry), or none (the number is another's).
 */
final class JdbiNumberedCharges implements NumberedCharges {

    private static final String COLUMNS = "number, merchant_id, charge_id, payer_type, payer_customer_id,"
            + " payer_email, external_reference, payment_method, created_at";

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiNumberedCharges(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public Option<NumberedCharge> add(NumberedCharge n) {
        return sessions.write(h -> {
            h.createUpdate("INSERT INTO numbered_charges (" + COLUMNS + ") VALUES (:number, :merchant, :charge,"
                            + " :payer_type, :payer_customer_id, :payer_email, :external_reference, :payment_method,"
                            + " :created_at) ON CONFLICT DO NOTHING")
                    .bind("number", n.number())
                    .bind("merchant", dialect.uuid(n.merchant().value()))
                    .bind("charge", n.charge().value())
                    .bind("payer_type", n.payer().type().getOrNull())
                    .bind("payer_customer_id", n.payer().customerId().getOrNull())
                    .bind("payer_email", n.payer().email().getOrNull())
                    .bind("external_reference", n.externalReference().getOrNull())
                    .bind("payment_method", n.paymentMethod().getOrNull())
                    .bind("created_at", dialect.instant(n.createdAt()))
                    .execute();
            return Option.ofOptional(h.createQuery("SELECT " + COLUMNS + " FROM numbered_charges"
                            + " WHERE charge_id = :charge AND merchant_id = :merchant")
                    .bind("charge", n.charge().value())
                    .bind("merchant", dialect.uuid(n.merchant().value()))
                    .map((rs, ctx) -> row(rs))
                    .findFirst());
        });
    }

    @Override
    public Option<NumberedCharge> find(MerchantId merchant, long number) {
        return sessions.read(h -> Option.ofOptional(h.createQuery("SELECT " + COLUMNS + " FROM numbered_charges"
                        + " WHERE number = :number AND merchant_id = :merchant")
                .bind("number", number)
                .bind("merchant", dialect.uuid(merchant.value()))
                .map((rs, ctx) -> row(rs))
                .findFirst()));
    }

    private NumberedCharge row(ResultSet rs) throws SQLException {
        return new NumberedCharge(rs.getLong("number"), new MerchantId(SqlDialect.uuid(rs, "merchant_id")),
                new ChargeId(rs.getString("charge_id")),
                new NumberedCharge.Payer(Option.of(rs.getString("payer_type")),
                        Option.of(rs.getString("payer_customer_id")), Option.of(rs.getString("payer_email"))),
                Option.of(rs.getString("external_reference")), Option.of(rs.getString("payment_method")),
                dialect.instant(rs, "created_at"));
    }
}
