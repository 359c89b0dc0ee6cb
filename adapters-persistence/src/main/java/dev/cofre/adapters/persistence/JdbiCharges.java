package dev.cofre.adapters.persistence;

import dev.cofre.domain.card.Brand;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.MaskedPan;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.AcquirerFields;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.CardSource;
import dev.cofre.domain.charge.CardSummary;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.CreditCardPayment;
import dev.cofre.domain.charge.FundingSource;
import dev.cofre.domain.charge.InitiatedType;
import dev.cofre.domain.charge.Metadata;
import dev.cofre.domain.charge.Move;
import dev.cofre.domain.charge.OperationType;
import dev.cofre.domain.charge.Order;
import dev.cofre.domain.charge.OrderId;
import dev.cofre.domain.charge.OrderItem;
import dev.cofre.domain.charge.RecurrenceCycle;
import dev.cofre.domain.charge.RecurrenceModel;
import dev.cofre.domain.charge.Rejection;
import dev.cofre.domain.charge.StatementDescriptor;
import dev.cofre.domain.charge.ThreeDSecure;
import dev.cofre.domain.charge.Transaction;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.charge.TransactionStatus;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.TokenReference;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Charges with their order, items, metadata and transactions, in five tables. The order, its items,
 * the payment options and the card never change after a charge is added; an update bumps the
 * charge's version (only if it is still the version read) and writes its transactions, the last of
 * which is new or changed. {@code in_doubt} mirrors the last transaction's status for the
 * reconciliation's query.
 */
final class JdbiCharges implements Charges {

    private static final String CHARGE_COLUMNS = "c.id, c.merchant_id, c.order_id, c.operation_type, c.installments,"
            + " c.statement_descriptor, c.recurrence_cycle, c.recurrence_model, c.initiated_type, c.funding_source,"
            + " c.tds_mpi, c.tds_eci, c.tds_cavv, c.tds_transaction_id, c.tds_ds_transaction_id, c.tds_version,"
            + " c.tds_liability_shifted, c.card_source, c.card_bin, c.card_last_four, c.card_length, c.card_brand,"
            + " c.card_holder, c.card_expiry_year, c.card_expiry_month, c.card_vaulted, c.created_at, c.version,"
            + " o.amount AS order_amount, o.created_at AS order_created_at, o.code AS order_code,"
            + " o.customer_id AS order_customer";

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiCharges(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public Either<ChargeError, Charge> add(Charge charge) {
        return sessions.write(h -> {
            if (exists(h, charge.id())) {
                return Either.<ChargeError, Charge>left(new ChargeError.ConcurrentUpdate());
            }
            int inserted = h.createUpdate("INSERT INTO orders (id, merchant_id, amount, created_at, code, customer_id)"
                            + " VALUES (:id, :merchant, :amount, :created_at, :code, :customer)"
                            + " ON CONFLICT (id) DO NOTHING")
                    .bind("id", charge.order().id().value())
                    .bind("code", charge.order().code().getOrNull())
                    .bind("customer", charge.order().customer().map(CustomerId::value).getOrNull())
                    .bind("merchant", dialect.uuid(charge.merchant().value()))
                    .bind("amount", charge.order().amount().cents())
                    .bind("created_at", dialect.instant(charge.order().createdAt()))
                    .execute();
            if (inserted == 0) {
                return Either.<ChargeError, Charge>left(new ChargeError.ConcurrentUpdate());
            }
            var items = h.prepareBatch("INSERT INTO order_items (order_id, position, description, amount, quantity)"
                    + " VALUES (:order_id, :position, :description, :amount, :quantity)");
            List<OrderItem> orderItems = charge.order().items();
            for (int i = 0; i < orderItems.size(); i++) {
                items.bind("order_id", charge.order().id().value()).bind("position", i)
                        .bind("description", orderItems.get(i).description())
                        .bind("amount", orderItems.get(i).amount().cents())
                        .bind("quantity", orderItems.get(i).quantity()).add();
            }
            items.execute();
            var insert = h.createUpdate("INSERT INTO charges (id, merchant_id, order_id, operation_type, installments,"
                    + " statement_descriptor, recurrence_cycle, recurrence_model, initiated_type, funding_source,"
                    + " tds_mpi, tds_eci, tds_cavv, tds_transaction_id, tds_ds_transaction_id, tds_version,"
                    + " tds_liability_shifted, card_source, card_bin, card_last_four, card_length, card_brand,"
                    + " card_holder, card_expiry_year, card_expiry_month, card_vaulted, in_doubt, created_at, version)"
                    + " VALUES (:id, :merchant, :order_id, :operation_type, :installments,"
                    + " :statement_descriptor, :recurrence_cycle, :recurrence_model, :initiated_type, :funding_source,"
                    + " :tds_mpi, :tds_eci, :tds_cavv, :tds_transaction_id, :tds_ds_transaction_id, :tds_version,"
                    + " :tds_liability_shifted, :card_source, :card_bin, :card_last_four, :card_length, :card_brand,"
                    + " :card_holder, :card_expiry_year, :card_expiry_month, :card_vaulted, :in_doubt, :created_at,"
                    + " :version)");
            bindCharge(insert, charge);
            insert.execute();
            var metadata = h.prepareBatch("INSERT INTO charge_metadata (charge_id, position, key, value)"
                    + " VALUES (:charge_id, :position, :key, :value)");
            int position = 0;
            for (Tuple2<String, String> entry : charge.payment().metadata().entries()) {
                metadata.bind("charge_id", charge.id().value()).bind("position", position++)
                        .bind("key", entry._1).bind("value", entry._2).add();
            }
            if (position > 0) {
                metadata.execute();
            }
            writeTransactions(h, charge);
            return Either.right(charge);
        });
    }

    @Override
    public Option<Charge> find(MerchantId merchant, ChargeId id) {
        return findOne(merchant, "c.id", id.value());
    }

    @Override
    public Option<Charge> findByOrder(MerchantId merchant, OrderId order) {
        return findOne(merchant, "c.order_id", order.value());
    }

    /** The merchant's charge whose {@code column} (its id or its order's) is {@code value}. */
    private Option<Charge> findOne(MerchantId merchant, String column, String value) {
        return sessions.read(h -> Option.ofOptional(h.createQuery("SELECT " + CHARGE_COLUMNS
                                + " FROM charges c JOIN orders o ON o.id = c.order_id"
                                + " WHERE " + column + " = :value AND c.merchant_id = :merchant")
                        .bind("value", value)
                        .bind("merchant", dialect.uuid(merchant.value()))
                        .map((rs, ctx) -> charge(h, rs))
                        .findFirst()));
    }

    @Override
    public Either<ChargeError, Charge> update(Charge changed) {
        return sessions.write(h -> {
            // the card is saved in the vault only after its authorization: card_vaulted may be set later
            var update = h.createUpdate("UPDATE charges SET version = :version, in_doubt = :in_doubt,"
                            + " card_vaulted = :card_vaulted"
                            + " WHERE id = :id AND merchant_id = :merchant AND version = :expected_version");
            bindVaulted(update, changed.card());
            int updated = update
                    .bind("version", changed.version())
                    .bind("in_doubt", changed.lastTransaction().status().isInDoubt())
                    .bind("id", changed.id().value())
                    .bind("merchant", dialect.uuid(changed.merchant().value()))
                    .bind("expected_version", changed.version() - 1)
                    .execute();
            if (updated != 1) {
                return Either.<ChargeError, Charge>left(new ChargeError.ConcurrentUpdate());
            }
            writeTransactions(h, changed);
            return Either.right(changed);
        });
    }

    @Override
    public List<Charge> inDoubt() {
        return sessions.read(h -> List.ofAll(h.createQuery("SELECT merchant_id, id FROM charges WHERE in_doubt = :yes")
                        .bind("yes", true)
                        .map((rs, ctx) -> Tuple.of(new MerchantId(SqlDialect.uuid(rs, "merchant_id")),
                                new ChargeId(rs.getString("id"))))
                        .list())
                .flatMap(key -> find(key._1, key._2)));
    }

    private static boolean exists(Handle h, ChargeId id) {
        return h.createQuery("SELECT count(*) FROM charges WHERE id = :id").bind("id", id.value())
                .mapTo(Long.class).one() > 0;
    }

    /** Inserts the transactions not stored yet and rewrites the ones that are (only an in-doubt one changes). */
    private void writeTransactions(Handle h, Charge charge) {
        var upsert = h.prepareBatch("INSERT INTO charge_transactions (id, charge_id, position, move, amount, status,"
                + " before_status, answer, rejection, acquirer_name, acquirer_tid, acquirer_nsu, acquirer_auth_code,"
                + " acquirer_return_code, acquirer_message, created_at, updated_at)"
                + " VALUES (:id, :charge_id, :position, :move, :amount, :status, :before_status, :answer, :rejection,"
                + " :acquirer_name, :acquirer_tid, :acquirer_nsu, :acquirer_auth_code, :acquirer_return_code,"
                + " :acquirer_message, :created_at, :updated_at)"
                + " ON CONFLICT (id) DO UPDATE SET status = excluded.status, answer = excluded.answer,"
                + " acquirer_name = excluded.acquirer_name, acquirer_tid = excluded.acquirer_tid,"
                + " acquirer_nsu = excluded.acquirer_nsu, acquirer_auth_code = excluded.acquirer_auth_code,"
                + " acquirer_return_code = excluded.acquirer_return_code,"
                + " acquirer_message = excluded.acquirer_message, updated_at = excluded.updated_at");
        List<Transaction> transactions = charge.transactions();
        for (int i = 0; i < transactions.size(); i++) {
            Transaction t = transactions.get(i);
            Option<AcquirerFields> acquirer = t.acquirer();
            upsert.bind("id", t.id().value()).bind("charge_id", charge.id().value()).bind("position", i)
                    .bind("move", t.move().name()).bind("amount", t.amount().cents())
                    .bind("status", t.status().name())
                    .bind("before_status", t.before().map(Enum::name).getOrNull())
                    .bind("answer", t.answer().map(Enum::name).getOrNull())
                    .bind("rejection", t.rejection().map(Enum::name).getOrNull())
                    .bind("acquirer_name", acquirer.map(AcquirerFields::name).getOrNull())
                    .bind("acquirer_tid", acquirer.map(AcquirerFields::tid).getOrNull())
                    .bind("acquirer_nsu", acquirer.map(AcquirerFields::nsu).getOrNull())
                    .bind("acquirer_auth_code", acquirer.map(AcquirerFields::authCode).getOrNull())
                    .bind("acquirer_return_code", acquirer.map(AcquirerFields::returnCode).getOrNull())
                    .bind("acquirer_message", acquirer.map(AcquirerFields::message).getOrNull())
                    .bind("created_at", dialect.instant(t.createdAt()))
                    .bind("updated_at", dialect.instant(t.updatedAt()))
                    .add();
        }
        upsert.execute();
    }

    private void bindCharge(SqlStatement<?> statement, Charge charge) {
        CreditCardPayment payment = charge.payment();
        Option<ThreeDSecure> tds = payment.authentication();
        CardSummary card = charge.card();
        statement.bind("id", charge.id().value())
                .bind("merchant", dialect.uuid(charge.merchant().value()))
                .bind("order_id", charge.order().id().value())
                .bind("operation_type", payment.operationType().name())
                .bind("installments", payment.installments())
                .bind("statement_descriptor", payment.statementDescriptor().map(StatementDescriptor::text).getOrNull())
                .bind("recurrence_cycle", payment.recurrenceCycle().map(Enum::name).getOrNull())
                .bind("recurrence_model", payment.recurrenceModel().map(Enum::name).getOrNull())
                .bind("initiated_type", payment.initiatedType().map(Enum::name).getOrNull())
                .bind("funding_source", payment.fundingSource().name())
                .bind("tds_mpi", tds.map(ThreeDSecure::mpi).getOrNull())
                .bind("tds_eci", tds.map(ThreeDSecure::eci).getOrNull())
                .bind("tds_cavv", tds.map(ThreeDSecure::cavv).getOrNull())
                .bind("tds_transaction_id", tds.map(ThreeDSecure::transactionId).getOrNull())
                .bind("tds_ds_transaction_id", tds.flatMap(ThreeDSecure::dsTransactionId).getOrNull())
                .bind("tds_version", tds.flatMap(ThreeDSecure::version).getOrNull())
                .bind("card_source", card.source().name())
                .bind("card_bin", card.card().bin())
                .bind("card_last_four", card.card().lastFour())
                .bind("card_length", card.card().length())
                .bind("card_brand", card.brand().name())
                .bind("card_holder", card.holder().name())
                .bind("card_expiry_year", card.expiry().month().getYear())
                .bind("card_expiry_month", card.expiry().month().getMonthValue())
                .bind("in_doubt", charge.lastTransaction().status().isInDoubt())
                .bind("created_at", dialect.instant(charge.createdAt()))
                .bind("version", charge.version());
        if (tds.isDefined()) {
            statement.bind("tds_liability_shifted", tds.get().liabilityShifted());
        } else {
            statement.bindNull("tds_liability_shifted", Types.BOOLEAN);
        }
        bindVaulted(statement, card);
    }

    /** The vault token the charge's card is saved as, if it is. */
    private void bindVaulted(SqlStatement<?> statement, CardSummary card) {
        if (card.vaulted().isDefined()) {
            statement.bind("card_vaulted", dialect.uuid(card.vaulted().get().value()));
        } else {
            statement.bindNull("card_vaulted", dialect == SqlDialect.POSTGRESQL ? Types.OTHER : Types.VARCHAR);
        }
    }

    /** Reads the charge row's columns, then its items, metadata and transactions. */
    private Charge charge(Handle h, ResultSet rs) throws SQLException {
        var id = new ChargeId(rs.getString("id"));
        var merchant = new MerchantId(SqlDialect.uuid(rs, "merchant_id"));
        var orderId = new OrderId(rs.getString("order_id"));
        long orderAmount = rs.getLong("order_amount");
        var orderCreatedAt = dialect.instant(rs, "order_created_at");
        Option<ThreeDSecure> tds = Option.of(rs.getString("tds_mpi")).isEmpty() ? Option.none()
                : Option.some(new ThreeDSecure(rs.getString("tds_mpi"), rs.getString("tds_eci"), rs.getString("tds_cavv"),
                rs.getString("tds_transaction_id"), Option.of(rs.getString("tds_ds_transaction_id")),
                Option.of(rs.getString("tds_version")), rs.getBoolean("tds_liability_shifted")));
        var operationType = OperationType.valueOf(rs.getString("operation_type"));
        int installments = rs.getInt("installments");
        var descriptor = Option.of(rs.getString("statement_descriptor")).map(StatementDescriptor::new);
        var cycle = Option.of(rs.getString("recurrence_cycle")).map(RecurrenceCycle::valueOf);
        var model = Option.of(rs.getString("recurrence_model")).map(RecurrenceModel::valueOf);
        var initiated = Option.of(rs.getString("initiated_type")).map(InitiatedType::valueOf);
        var funding = FundingSource.valueOf(rs.getString("funding_source"));
        var card = new CardSummary(CardSource.Kind.valueOf(rs.getString("card_source")),
                new MaskedPan(rs.getString("card_bin"), rs.getString("card_last_four"), rs.getInt("card_length"),
                        Brand.valueOf(rs.getString("card_brand"))),
                new CardHolder(rs.getString("card_holder")),
                CardExpiry.of(rs.getInt("card_expiry_year"), rs.getInt("card_expiry_month")),
                Option.of(SqlDialect.uuid(rs, "card_vaulted")).map(TokenReference::new));
        var createdAt = dialect.instant(rs, "created_at");
        long version = rs.getLong("version");

        List<OrderItem> items = List.ofAll(h.createQuery("SELECT description, amount, quantity FROM order_items"
                        + " WHERE order_id = :order_id ORDER BY position")
                .bind("order_id", orderId.value())
                .map((r, ctx) -> new OrderItem(r.getString("description"), Amount.of(r.getLong("amount")),
                        r.getInt("quantity")))
                .list());
        var order = new Order(orderId, merchant, items, Amount.of(orderAmount), orderCreatedAt,
                Option.of(rs.getString("order_code")), Option.of(rs.getString("order_customer")).map(CustomerId::new));
        var metadata = new Metadata(LinkedHashMap.ofEntries(h.createQuery("SELECT key, value FROM charge_metadata"
                        + " WHERE charge_id = :charge_id ORDER BY position")
                .bind("charge_id", id.value())
                .map((r, ctx) -> Tuple.of(r.getString("key"), r.getString("value")))
                .list()));
        var payment = new CreditCardPayment(operationType, installments, descriptor, cycle, model, initiated, funding,
                metadata, tds);
        List<Transaction> transactions = List.ofAll(h.createQuery("SELECT * FROM charge_transactions"
                        + " WHERE charge_id = :charge_id ORDER BY position")
                .bind("charge_id", id.value())
                .map((r, ctx) -> transaction(r))
                .list());
        return new Charge(id, merchant, order, payment, card, transactions, createdAt, version);
    }

    private Transaction transaction(ResultSet rs) throws SQLException {
        Option<AcquirerFields> acquirer = Option.of(rs.getString("acquirer_name")).isEmpty() ? Option.none()
                : Option.some(new AcquirerFields(rs.getString("acquirer_name"), rs.getString("acquirer_tid"),
                rs.getString("acquirer_nsu"), rs.getString("acquirer_auth_code"),
                rs.getString("acquirer_return_code"), rs.getString("acquirer_message")));
        return new Transaction(new TransactionId(rs.getString("id")), Move.valueOf(rs.getString("move")),
                Amount.of(rs.getLong("amount")), TransactionStatus.valueOf(rs.getString("status")),
                Option.of(rs.getString("before_status")).map(TransactionStatus::valueOf), acquirer,
                Option.of(rs.getString("answer")).map(AcquirerAnswer.Kind::valueOf),
                Option.of(rs.getString("rejection")).map(Rejection::valueOf),
                dialect.instant(rs, "created_at"), dialect.instant(rs, "updated_at"));
    }
}
