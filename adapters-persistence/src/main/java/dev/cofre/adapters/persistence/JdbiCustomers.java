package dev.cofre.adapters.persistence;

import dev.cofre.domain.charge.Metadata;
import dev.cofre.domain.customer.Address;
import dev.cofre.domain.customer.CardId;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.CustomerPage;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.customer.CustomerQuery;
import dev.cofre.domain.customer.Customers;
import dev.cofre.domain.customer.Email;
import dev.cofre.domain.customer.Identification;
import dev.cofre.domain.customer.Phone;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * Customers, one row each. The unique (merchant, lower-cased e-mail) index keeps one customer per
 * e-mail across every server; metadata is kept as form-encoded text ({@code k=v&k2=v2}), in order.
 */
final class JdbiCustomers implements Customers {

    private static final String COLUMNS = "id, merchant_id, email, email_key, first_name, last_name, phone_area_code,"
            + " phone_number, identification_type, identification_number, zip_code, street_name, street_number,"
            + " description, metadata, registered_at, default_card, created_at, updated_at, version";

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiCustomers(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public Either<CustomerError, Customer> add(Customer customer) {
        return sessions.write(h -> {
            var insert = h.createUpdate("INSERT INTO customers (" + COLUMNS + ") VALUES (:id, :merchant_id, :email,"
                    + " :email_key, :first_name, :last_name, :phone_area_code, :phone_number, :identification_type,"
                    + " :identification_number, :zip_code, :street_name, :street_number, :description, :metadata,"
                    + " :registered_at, :default_card, :created_at, :updated_at, :version)"
                    + " ON CONFLICT DO NOTHING");
            bind(insert, customer);
            if (insert.execute() == 1) {
                return Either.right(customer);
            }
            if (h.createQuery("SELECT count(*) FROM customers WHERE id = :id").bind("id", customer.id().value())
                    .mapTo(Long.class).one() > 0) {
                throw new IllegalStateException("customer id " + customer.id() + " exists already");
            }
            return Either.left(new CustomerError.EmailInUse());
        });
    }

    /* Plain JDBC (Sessions.readPrepared) for the order path's lookups: by id, and by e-mail. */
    private static final String BY_ID = "SELECT " + COLUMNS + " FROM customers WHERE id = ? AND merchant_id = ?";
    /** A page and, on each row, how many rows the whole search has: one statement, one snapshot. */
    private static final String PAGE = "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM customers"
            + " WHERE merchant_id = ? ORDER BY seq LIMIT ? OFFSET ?";
    private static final String PAGE_BY_EMAIL = "SELECT " + COLUMNS + ", count(*) OVER () AS total FROM customers"
            + " WHERE merchant_id = ? AND email_key = ? ORDER BY seq LIMIT ? OFFSET ?";
    private static final String COUNT = "SELECT count(*) FROM customers WHERE merchant_id = ?";
    private static final String COUNT_BY_EMAIL = "SELECT count(*) FROM customers WHERE merchant_id = ? AND email_key = ?";

    @Override
    public Option<Customer> find(MerchantId merchant, CustomerId id) {
        return sessions.readPrepared(BY_ID, query -> {
            Statements.bind(query, id.value(), dialect.uuid(merchant.value()));
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Option.some(customer(rs)) : Option.<Customer>none();
            }
        });
    }

    @Override
    public Either<CustomerError, Customer> update(Customer changed) {
        return sessions.write(h -> {
            boolean emailTaken = h.createQuery("SELECT count(*) FROM customers"
                            + " WHERE merchant_id = :merchant AND email_key = :email_key AND id <> :id")
                    .bind("merchant", dialect.uuid(changed.merchant().value()))
                    .bind("email_key", changed.email().key())
                    .bind("id", changed.id().value())
                    .mapTo(Long.class).one() > 0;
            if (emailTaken) {
                return Either.left(new CustomerError.EmailInUse());
            }
            var update = h.createUpdate("UPDATE customers SET email = :email, email_key = :email_key,"
                    + " first_name = :first_name, last_name = :last_name, phone_area_code = :phone_area_code,"
                    + " phone_number = :phone_number, identification_type = :identification_type,"
                    + " identification_number = :identification_number, zip_code = :zip_code,"
                    + " street_name = :street_name, street_number = :street_number, description = :description,"
                    + " metadata = :metadata, registered_at = :registered_at, default_card = :default_card,"
                    + " updated_at = :updated_at, version = :version"
                    + " WHERE id = :id AND merchant_id = :merchant_id AND version = :expected_version");
            bind(update, changed);
            update.bind("expected_version", changed.version() - 1);
            if (update.execute() == 1) {
                return Either.right(changed);
            }
            return find(changed.merchant(), changed.id()).isDefined()
                    ? Either.left(new CustomerError.ConcurrentUpdate())
                    : Either.left(new CustomerError.CustomerNotFound());
        });
    }

    @Override
    public CustomerPage search(MerchantId merchant, CustomerQuery query) {
        Object merchantId = dialect.uuid(merchant.value());
        Option<String> email = query.email().map(Email::key);
        var found = sessions.readPrepared(email.isDefined() ? PAGE_BY_EMAIL : PAGE, page -> {
            if (email.isDefined()) {
                Statements.bind(page, merchantId, email.get(), query.limit(), query.offset());
            } else {
                Statements.bind(page, merchantId, query.limit(), query.offset());
            }
            var customers = new java.util.ArrayList<Customer>();
            long total = 0;
            try (ResultSet rs = page.executeQuery()) {
                while (rs.next()) {
                    customers.add(customer(rs));
                    total = rs.getLong("total");
                }
            }
            return io.vavr.Tuple.of(List.ofAll(customers), total);
        });
        long total = found._2;
        if (found._1.isEmpty() && query.offset() > 0) {
            // A page past the end has no row to carry the total: count on its own.
            total = sessions.readPrepared(email.isDefined() ? COUNT_BY_EMAIL : COUNT, count -> {
                if (email.isDefined()) {
                    Statements.bind(count, merchantId, email.get());
                } else {
                    Statements.bind(count, merchantId);
                }
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            });
        }
        return new CustomerPage(found._1, query.limit(), query.offset(), total);
    }

    private void bind(SqlStatement<?> statement, Customer customer) {
        CustomerProfile p = customer.profile();
        statement.bind("id", customer.id().value())
                .bind("merchant_id", dialect.uuid(customer.merchant().value()))
                .bind("email", p.email().value())
                .bind("email_key", p.email().key())
                .bind("first_name", p.firstName().getOrNull())
                .bind("last_name", p.lastName().getOrNull())
                .bind("phone_area_code", p.phone().flatMap(Phone::areaCode).getOrNull())
                .bind("phone_number", p.phone().flatMap(Phone::number).getOrNull())
                .bind("identification_type", p.identification().map(Identification::type).getOrNull())
                .bind("identification_number", p.identification().map(Identification::number).getOrNull())
                .bind("zip_code", p.address().flatMap(Address::zipCode).getOrNull())
                .bind("street_name", p.address().flatMap(Address::streetName).getOrNull())
                .bind("description", p.description().getOrNull())
                .bind("metadata", encode(p.metadata()))
                .bind("default_card", customer.defaultCard().map(CardId::value).getOrNull())
                .bind("created_at", dialect.instant(customer.createdAt()))
                .bind("updated_at", dialect.instant(customer.updatedAt()))
                .bind("version", customer.version());
        Option<Integer> streetNumber = p.address().flatMap(Address::streetNumber);
        if (streetNumber.isDefined()) {
            statement.bind("street_number", streetNumber.get());
        } else {
            statement.bindNull("street_number", Types.INTEGER);
        }
        if (p.registeredAt().isDefined()) {
            statement.bind("registered_at", dialect.instant(p.registeredAt().get()));
        } else {
            statement.bindNull("registered_at", Types.TIMESTAMP_WITH_TIMEZONE);
        }
    }

    private Customer customer(ResultSet rs) throws SQLException {
        Option<String> areaCode = Option.of(rs.getString("phone_area_code"));
        Option<String> phoneNumber = Option.of(rs.getString("phone_number"));
        Option<Phone> phone = areaCode.isEmpty() && phoneNumber.isEmpty() ? Option.none()
                : Option.some(new Phone(areaCode, phoneNumber));
        Option<Identification> identification = Option.of(rs.getString("identification_type"))
                .map(type -> uncheckedIdentification(type, rs));
        Option<String> zip = Option.of(rs.getString("zip_code"));
        Option<String> street = Option.of(rs.getString("street_name"));
        int number = rs.getInt("street_number");
        Option<Integer> streetNumber = rs.wasNull() ? Option.none() : Option.some(number);
        Option<Address> address = zip.isEmpty() && street.isEmpty() && streetNumber.isEmpty() ? Option.none()
                : Option.some(new Address(zip, street, streetNumber));
        var profile = new CustomerProfile(new Email(rs.getString("email")), Option.of(rs.getString("first_name")),
                Option.of(rs.getString("last_name")), phone, identification, address,
                Option.of(rs.getString("description")), decode(rs.getString("metadata")),
                Option.of(dialect.instant(rs, "registered_at")));
        return new Customer(new CustomerId(rs.getString("id")), new MerchantId(SqlDialect.uuid(rs, "merchant_id")), profile,
                Option.of(rs.getString("default_card")).map(CardId::new), dialect.instant(rs, "created_at"),
                dialect.instant(rs, "updated_at"), rs.getLong("version"));
    }

    private static Identification uncheckedIdentification(String type, ResultSet rs) {
        try {
            return new Identification(type, rs.getString("identification_number"));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read a customer's identification", e);
        }
    }

    static String encode(Metadata metadata) {
        return metadata.entries().map(e -> URLEncoder.encode(e._1, StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e._2, StandardCharsets.UTF_8)).mkString("&");
    }

    static Metadata decode(String text) {
        if (text.isEmpty()) {
            return Metadata.EMPTY;
        }
        var entries = LinkedHashMap.<String, String>empty();
        for (String pair : text.split("&")) {
            String[] kv = pair.split("=", 2);
            entries = entries.put(URLDecoder.decode(kv[0], StandardCharsets.UTF_8), URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        return new Metadata(entries);
    }
}
