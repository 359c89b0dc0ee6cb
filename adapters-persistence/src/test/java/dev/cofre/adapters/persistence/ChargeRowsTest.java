package dev.cofre.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.card.Brand;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.MaskedPan;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.CardSource;
import dev.cofre.domain.charge.CardSummary;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeFixtures;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.CreditCardPayment;
import dev.cofre.domain.charge.FundingSource;
import dev.cofre.domain.charge.Metadata;
import dev.cofre.domain.charge.OperationType;
import dev.cofre.domain.charge.Order;
import dev.cofre.domain.charge.OrderId;
import dev.cofre.domain.charge.OrderItem;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.customer.Email;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * What the charge store's plain-JDBC statements must keep beyond the charges contract: rows the
 * use cases rarely write (an order's code and customer, every option absent) read back equal, a
 * charge id taken by another order is refused without a trace, and a statement kept on a
 * connection carries no bound values or batch rows from one charge to the next, even after a
 * failed one.
 */
class ChargeRowsTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00.123456Z");
    private static final SecureIds IDS = new SecureIds();

    abstract class Rows {

        private Database db;
        private final Merchant merchant = ChargeFixtures.gateway();

        /** A fresh database, and what deletes it. */
        abstract Database open();

        abstract void delete(Database db);

        @BeforeEach
        void openDatabase() {
            db = open();
            db.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
        }

        @AfterEach
        void closeDatabase() {
            db.close();
            delete(db);
        }

        private static Charge charge(MerchantId merchant, ChargeId id, OrderId orderId, int items,
                                     Metadata metadata, Option<CustomerId> customer) {
            List<OrderItem> orderItems = List.range(0, items).map(i -> new OrderItem("item " + i, Amount.of(100L + i), 1 + i));
            Amount total = orderItems.map(i -> i.total().get()).reduce((a, b) -> a.plusChecked(b).get());
            var order = new Order(orderId, merchant, orderItems, total, NOW, customer.map(c -> "code-" + orderId.value()),
                    customer);
            var payment = new CreditCardPayment(OperationType.AUTH_AND_CAPTURE, 1, Option.none(), Option.none(),
                    Option.none(), Option.none(), FundingSource.CREDIT, metadata, Option.none());
            var card = new CardSummary(CardSource.Kind.CARD, new MaskedPan("400000", "0010", 16, Brand.VISA),
                    new CardHolder("Tony Stark"), CardExpiry.of(2030, 1), Option.none());
            return Charge.authorizing(id, order, payment, card, new TransactionId(IDS.prefixed("tran_", 16)), NOW);
        }

        private Charge charge(int items, Metadata metadata) {
            return charge(merchant.id(), new ChargeId(IDS.prefixed("ch_", 16)), new OrderId(IDS.prefixed("or_", 16)),
                    items, metadata, Option.none());
        }

        @Test
        void a_charge_with_every_option_absent_and_an_order_code_and_customer_reads_back_equal() {
            var customer = Customer.register(CustomerId.issue(merchant.id(), IDS), merchant.id(),
                    new CustomerProfile(new Email("rows-" + UUID.randomUUID() + "@example.com"), Option.none(),
                            Option.none(), Option.none(), Option.none(), Option.none(), Option.none(), Metadata.EMPTY,
                            Option.none()), NOW);
            db.customers().add(customer).get();
            var charge = charge(merchant.id(), new ChargeId(IDS.prefixed("ch_", 16)), new OrderId(IDS.prefixed("or_", 16)),
                    1, Metadata.EMPTY, Option.some(customer.id()));

            assertEquals(charge, db.charges().add(charge).get());

            assertEquals(Option.some(charge), db.charges().find(merchant.id(), charge.id()));
            assertEquals(Option.some(charge), db.charges().findByOrder(merchant.id(), charge.order().id()));
        }

        @Test
        void a_charge_id_taken_by_another_order_is_refused_and_leaves_no_order_behind() {
            var first = charge(2, Metadata.EMPTY);
            db.charges().add(first).get();
            var sameId = charge(merchant.id(), first.id(), new OrderId(IDS.prefixed("or_", 16)), 1, Metadata.EMPTY,
                    Option.none());

            assertInstanceOf(ChargeError.ConcurrentUpdate.class, db.charges().add(sameId).getLeft());

            assertEquals(Option.none(), db.charges().findByOrder(merchant.id(), sameId.order().id()));
            assertEquals(Option.some(first), db.charges().find(merchant.id(), first.id()));
        }

        @Test
        void charges_of_different_shapes_one_after_another_each_read_back_with_only_their_own_rows() {
            var stranger = new MerchantId(UUID.randomUUID());
            var shapes = new java.util.ArrayList<Charge>();
            for (int round = 0; round < 6; round++) {
                var metadata = new Metadata(LinkedHashMap.ofEntries(
                        List.range(0, round % 3).map(i -> io.vavr.Tuple.of("key" + i, "value " + i))));
                shapes.add(charge(1 + (round * 2) % 5, metadata));
                // A charge of an unknown merchant fails on the same kept statements; the next one must not notice.
                var refused = charge(stranger, new ChargeId(IDS.prefixed("ch_", 16)), new OrderId(IDS.prefixed("or_", 16)),
                        3, metadata, Option.none());
                assertThrows(RuntimeException.class, () -> db.charges().add(refused));
            }
            for (Charge charge : shapes) {
                assertEquals(charge, db.charges().add(charge).get());
            }
            for (Charge charge : shapes) {
                assertEquals(Option.some(charge), db.charges().find(merchant.id(), charge.id()));
                var updated = db.charges().update(charge.withSavedCard(
                        new dev.cofre.domain.token.TokenReference(UUID.randomUUID()))).get();
                assertEquals(Option.some(updated), db.charges().findByOrder(merchant.id(), charge.order().id()));
            }
        }
    }

    @Nested
    class OnSqlite extends Rows {
        @Override
        Database open() {
            return TestDatabases.sqlite();
        }

        @Override
        void delete(Database db) {
            TestDatabases.deleteSqlite(db);
        }
    }

    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.POSTGRES_DISABLED)
    @Nested
    class OnPostgres extends Rows {
        private String schema;

        String url() {
            return TestDatabases.postgresUrl();
        }

        @Override
        Database open() {
            schema = TestDatabases.randomSchema();
            return Database.open(url(), schema);
        }

        @Override
        void delete(Database db) {
            TestDatabases.dropSchema(schema);
        }
    }

    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.POSTGRES_DISABLED)
    @Nested
    class OnSerializablePostgres extends OnPostgres {
        @Override
        String url() {
            return TestDatabases.serializablePostgresUrl();
        }
    }
}
