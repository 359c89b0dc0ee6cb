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
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

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

    // Plain JDBC through Sessions.writePrepared/readPrepared (kept per connection on SQLite): the
    // order path runs each of these once or more per request, on SQLite on the one writer thread.

    /*
     * The order, unless its id or the charge's is taken: that the charge id is free is the insert's
     * own condition, read at the same point a separate query before it would read it, so the check
     * costs no statement of its own. Only code and customer_id may be NULL, both TEXT, which is what
     * PostgreSQL makes of an untyped NULL in a SELECT list.
     */
    private static final String INSERT_ORDER = "INSERT INTO orders (id, merchant_id, amount, created_at, code, customer_id)"
            + " SELECT ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM charges WHERE id = ?)"
            + " ON CONFLICT (id) DO NOTHING";
    private static final String INSERT_ITEM = "INSERT INTO order_items (order_id, position, description, amount, quantity)"
            + " VALUES (?, ?, ?, ?, ?)";
    private static final String INSERT_CHARGE = "INSERT INTO charges (id, merchant_id, order_id, operation_type,"
            + " installments, statement_descriptor, recurrence_cycle, recurrence_model, initiated_type, funding_source,"
            + " tds_mpi, tds_eci, tds_cavv, tds_transaction_id, tds_ds_transaction_id, tds_version,"
            + " tds_liability_shifted, card_source, card_bin, card_last_four, card_length, card_brand,"
            + " card_holder, card_expiry_year, card_expiry_month, card_vaulted, in_doubt, created_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_METADATA = "INSERT INTO charge_metadata (charge_id, position, key, value)"
            + " VALUES (?, ?, ?, ?)";
    private static final String UPSERT_TRANSACTION = "INSERT INTO charge_transactions (id, charge_id, position, move,"
            + " amount, status, before_status, answer, rejection, acquirer_name, acquirer_tid, acquirer_nsu,"
            + " acquirer_auth_code, acquirer_return_code, acquirer_message, created_at, updated_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (id) DO UPDATE SET status = excluded.status, answer = excluded.answer,"
            + " acquirer_name = excluded.acquirer_name, acquirer_tid = excluded.acquirer_tid,"
            + " acquirer_nsu = excluded.acquirer_nsu, acquirer_auth_code = excluded.acquirer_auth_code,"
            + " acquirer_return_code = excluded.acquirer_return_code,"
            + " acquirer_message = excluded.acquirer_message, updated_at = excluded.updated_at";
    // the card is saved in the vault only after its authorization: card_vaulted may be set later
    private static final String UPDATE_CHARGE = "UPDATE charges SET version = ?, in_doubt = ?, card_vaulted = ?"
            + " WHERE id = ? AND merchant_id = ? AND version = ?";
    private static final String CHARGE_BY_ID = "SELECT " + CHARGE_COLUMNS
            + " FROM charges c JOIN orders o ON o.id = c.order_id WHERE c.id = ? AND c.merchant_id = ?";
    private static final String CHARGE_BY_ORDER = "SELECT " + CHARGE_COLUMNS
            + " FROM charges c JOIN orders o ON o.id = c.order_id WHERE c.order_id = ? AND c.merchant_id = ?";
    private static final String ITEMS = "SELECT description, amount, quantity FROM order_items"
            + " WHERE order_id = ? ORDER BY position";
    private static final String METADATA = "SELECT key, value FROM charge_metadata WHERE charge_id = ? ORDER BY position";
    private static final String TRANSACTIONS = "SELECT * FROM charge_transactions WHERE charge_id = ? ORDER BY position";

    @Override
    public Either<ChargeError, Charge> add(Charge charge) {
        return sessions.inTransaction(() -> {
            Order order = charge.order();
            int inserted = sessions.writePrepared(INSERT_ORDER, insert -> {
                Statements.bind(insert, order.id().value(), dialect.uuid(charge.merchant().value()),
                        order.amount().cents(), dialect.instant(order.createdAt()), order.code().getOrNull(),
                        order.customer().map(CustomerId::value).getOrNull(), charge.id().value());
                return insert.executeUpdate();
            });
            // the charge id or the order id is taken
            if (inserted == 0) {
                return Either.<ChargeError, Charge>left(new ChargeError.ConcurrentUpdate());
            }
            List<OrderItem> items = order.items();
            if (!items.isEmpty()) {
                sessions.writePrepared(INSERT_ITEM, insert -> {
                    for (int i = 0; i < items.size(); i++) {
                        OrderItem item = items.get(i);
                        Statements.bind(insert, order.id().value(), i, item.description(), item.amount().cents(),
                                item.quantity());
                        insert.addBatch();
                    }
                    return executeBatch(insert);
                });
            }
            sessions.writePrepared(INSERT_CHARGE, insert -> {
                bindCharge(insert, charge);
                return insert.executeUpdate();
            });
            LinkedHashMap<String, String> metadata = charge.payment().metadata().entries();
            if (!metadata.isEmpty()) {
                sessions.writePrepared(INSERT_METADATA, insert -> {
                    int position = 0;
                    for (Tuple2<String, String> entry : metadata) {
                        Statements.bind(insert, charge.id().value(), position++, entry._1, entry._2);
                        insert.addBatch();
                    }
                    return executeBatch(insert);
                });
            }
            writeTransactions(charge);
            return Either.right(charge);
        });
    }

    @Override
    public Option<Charge> find(MerchantId merchant, ChargeId id) {
        return findOne(CHARGE_BY_ID, merchant, id.value());
    }

    @Override
    public Option<Charge> findByOrder(MerchantId merchant, OrderId order) {
        return findOne(CHARGE_BY_ORDER, merchant, order.value());
    }

    /**
     * The merchant's first charge {@code sql} finds by {@code value} (its id or its order's), then its
     * items, metadata and transactions: one statement after the other, all on one connection and one
     * snapshot ({@link Sessions#readTogether}), so a charge never comes back with rows of a later update.
     */
    private Option<Charge> findOne(String sql, MerchantId merchant, String value) {
        return sessions.readTogether(() -> sessions.readPrepared(sql, query -> {
            Statements.bind(query, value, dialect.uuid(merchant.value()));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Option.some(chargeRow(rs)) : Option.<ChargeRow>none();
            }
        }).map(this::withChildren));
    }

    @Override
    public Either<ChargeError, Charge> update(Charge changed) {
        return sessions.inTransaction(() -> {
            int updated = sessions.writePrepared(UPDATE_CHARGE, update -> {
                Statements.bind(update, changed.version(), changed.lastTransaction().status().isInDoubt(),
                        vaulted(changed.card()), changed.id().value(), dialect.uuid(changed.merchant().value()),
                        changed.version() - 1);
                return update.executeUpdate();
            });
            if (updated != 1) {
                return Either.<ChargeError, Charge>left(new ChargeError.ConcurrentUpdate());
            }
            writeTransactions(changed);
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

    /** Inserts the transactions not stored yet and rewrites the ones that are (only an in-doubt one changes). */
    private void writeTransactions(Charge charge) {
        List<Transaction> transactions = charge.transactions();
        sessions.writePrepared(UPSERT_TRANSACTION, upsert -> {
            for (int i = 0; i < transactions.size(); i++) {
                Transaction t = transactions.get(i);
                Option<AcquirerFields> acquirer = t.acquirer();
                Statements.bind(upsert, t.id().value(), charge.id().value(), i, t.move().name(), t.amount().cents(),
                        t.status().name(), t.before().map(Enum::name).getOrNull(),
                        t.answer().map(Enum::name).getOrNull(), t.rejection().map(Enum::name).getOrNull(),
                        acquirer.map(AcquirerFields::name).getOrNull(), acquirer.map(AcquirerFields::tid).getOrNull(),
                        acquirer.map(AcquirerFields::nsu).getOrNull(), acquirer.map(AcquirerFields::authCode).getOrNull(),
                        acquirer.map(AcquirerFields::returnCode).getOrNull(),
                        acquirer.map(AcquirerFields::message).getOrNull(),
                        dialect.instant(t.createdAt()), dialect.instant(t.updatedAt()));
                upsert.addBatch();
            }
            return executeBatch(upsert);
        });
    }

    /**
     * Runs the rows added to a (possibly kept) statement and leaves its batch empty for the next use,
     * whether the driver cleared it or not; a statement whose work failed is closed by the session.
     */
    private static int executeBatch(PreparedStatement statement) throws SQLException {
        int rows = statement.executeBatch().length;
        statement.clearBatch();
        return rows;
    }

    private void bindCharge(PreparedStatement statement, Charge charge) throws SQLException {
        CreditCardPayment payment = charge.payment();
        Option<ThreeDSecure> tds = payment.authentication();
        CardSummary card = charge.card();
        Statements.bind(statement, charge.id().value(), dialect.uuid(charge.merchant().value()),
                charge.order().id().value(), payment.operationType().name(), payment.installments(),
                payment.statementDescriptor().map(StatementDescriptor::text).getOrNull(),
                payment.recurrenceCycle().map(Enum::name).getOrNull(),
                payment.recurrenceModel().map(Enum::name).getOrNull(),
                payment.initiatedType().map(Enum::name).getOrNull(),
                payment.fundingSource().name(),
                tds.map(ThreeDSecure::mpi).getOrNull(), tds.map(ThreeDSecure::eci).getOrNull(),
                tds.map(ThreeDSecure::cavv).getOrNull(), tds.map(ThreeDSecure::transactionId).getOrNull(),
                tds.flatMap(ThreeDSecure::dsTransactionId).getOrNull(), tds.flatMap(ThreeDSecure::version).getOrNull(),
                tds.map(ThreeDSecure::liabilityShifted).getOrNull(),
                card.source().name(), card.card().bin(), card.card().lastFour(), card.card().length(),
                card.brand().name(), card.holder().name(), card.expiry().month().getYear(),
                card.expiry().month().getMonthValue(), vaulted(card),
                charge.lastTransaction().status().isInDoubt(), dialect.instant(charge.createdAt()), charge.version());
    }

    /** The vault token the charge's card is saved as, as the dialect binds it, or null. */
    private Object vaulted(CardSummary card) {
        return card.vaulted().map(reference -> dialect.uuid(reference.value())).getOrNull();
    }

    /** A charge row's own columns and its order's, read before the children are queried. */
    private record ChargeRow(ChargeId id, MerchantId merchant, OrderId orderId, long orderAmount,
                             java.time.Instant orderCreatedAt, Option<String> orderCode,
                             Option<CustomerId> orderCustomer, OperationType operationType, int installments,
                             Option<StatementDescriptor> descriptor, Option<RecurrenceCycle> cycle,
                             Option<RecurrenceModel> model, Option<InitiatedType> initiated, FundingSource funding,
                             Option<ThreeDSecure> tds, CardSummary card, java.time.Instant createdAt, long version) {
    }

    private ChargeRow chargeRow(ResultSet rs) throws SQLException {
        Option<ThreeDSecure> tds = Option.of(rs.getString("tds_mpi")).isEmpty() ? Option.none()
                : Option.some(new ThreeDSecure(rs.getString("tds_mpi"), rs.getString("tds_eci"), rs.getString("tds_cavv"),
                rs.getString("tds_transaction_id"), Option.of(rs.getString("tds_ds_transaction_id")),
                Option.of(rs.getString("tds_version")), rs.getBoolean("tds_liability_shifted")));
        var card = new CardSummary(CardSource.Kind.valueOf(rs.getString("card_source")),
                new MaskedPan(rs.getString("card_bin"), rs.getString("card_last_four"), rs.getInt("card_length"),
                        Brand.valueOf(rs.getString("card_brand"))),
                new CardHolder(rs.getString("card_holder")),
                CardExpiry.of(rs.getInt("card_expiry_year"), rs.getInt("card_expiry_month")),
                Option.of(SqlDialect.uuid(rs, "card_vaulted")).map(TokenReference::new));
        return new ChargeRow(new ChargeId(rs.getString("id")), new MerchantId(SqlDialect.uuid(rs, "merchant_id")),
                new OrderId(rs.getString("order_id")), rs.getLong("order_amount"),
                dialect.instant(rs, "order_created_at"), Option.of(rs.getString("order_code")),
                Option.of(rs.getString("order_customer")).map(CustomerId::new),
                OperationType.valueOf(rs.getString("operation_type")), rs.getInt("installments"),
                Option.of(rs.getString("statement_descriptor")).map(StatementDescriptor::new),
                Option.of(rs.getString("recurrence_cycle")).map(RecurrenceCycle::valueOf),
                Option.of(rs.getString("recurrence_model")).map(RecurrenceModel::valueOf),
                Option.of(rs.getString("initiated_type")).map(InitiatedType::valueOf),
                FundingSource.valueOf(rs.getString("funding_source")), tds, card,
                dialect.instant(rs, "created_at"), rs.getLong("version"));
    }

    /** The charge of {@code row} with its items, metadata and transactions. */
    private Charge withChildren(ChargeRow row) {
        List<OrderItem> items = sessions.readPrepared(ITEMS, query -> {
            Statements.bind(query, row.orderId().value());
            var read = new java.util.ArrayList<OrderItem>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    read.add(new OrderItem(r.getString("description"), Amount.of(r.getLong("amount")),
                            r.getInt("quantity")));
                }
            }
            return List.ofAll(read);
        });
        var order = new Order(row.orderId(), row.merchant(), items, Amount.of(row.orderAmount()), row.orderCreatedAt(),
                row.orderCode(), row.orderCustomer());
        var metadata = new Metadata(sessions.readPrepared(METADATA, query -> {
            Statements.bind(query, row.id().value());
            LinkedHashMap<String, String> read = LinkedHashMap.empty();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    read = read.put(r.getString("key"), r.getString("value"));
                }
            }
            return read;
        }));
        var payment = new CreditCardPayment(row.operationType(), row.installments(), row.descriptor(), row.cycle(),
                row.model(), row.initiated(), row.funding(), metadata, row.tds());
        List<Transaction> transactions = sessions.readPrepared(TRANSACTIONS, query -> {
            Statements.bind(query, row.id().value());
            var read = new java.util.ArrayList<Transaction>();
            try (ResultSet r = query.executeQuery()) {
                while (r.next()) {
                    read.add(transaction(r));
                }
            }
            return List.ofAll(read);
        });
        return new Charge(row.id(), row.merchant(), order, payment, row.card(), transactions, row.createdAt(),
                row.version());
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
