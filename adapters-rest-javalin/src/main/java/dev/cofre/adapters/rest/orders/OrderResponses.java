package dev.cofre.adapters.rest.orders;

import dev.cofre.domain.Sha256;
import dev.cofre.domain.charge.AcquirerFields;
import dev.cofre.domain.charge.CardSummary;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeStatus;
import dev.cofre.domain.charge.Move;
import dev.cofre.domain.charge.OrderItem;
import dev.cofre.domain.charge.PaymentType;
import dev.cofre.domain.charge.Transaction;
import dev.cofre.domain.charge.TransactionKind;
import dev.cofre.domain.customer.Address;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.customer.CustomerProfile;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders and charges in seed 002's response shape: string ids with their prefixes, amounts in
 * cents, ISO 8601 UTC dates to the second, {@code last_transaction} with
 * {@code transaction_type: "credit_card"} and every acquirer field, {@code gateway_response},
 * {@code antifraud_response}, and metadata values as strings. Ids the engine does not keep
 * (order items, the gateway's id) are derived from the stored ones, so every read prints the same.
 */
final class OrderResponses {

    private OrderResponses() {
    }

    static Map<String, Object> order(Charge charge, Option<Customer> customer) {
        var o = new LinkedHashMap<String, Object>();
        o.put("id", charge.order().id().value());
        o.put("code", code(charge));
        o.put("amount", charge.amount().cents());
        o.put("currency", "BRL");
        o.put("closed", true);
        List<OrderItem> items = charge.order().items().toJavaList();
        var printed = new java.util.ArrayList<Map<String, Object>>();
        for (int i = 0; i < items.size(); i++) {
            var item = new LinkedHashMap<String, Object>();
            item.put("id", derived("oi_", charge.order().id().value() + "/" + i));
            item.put("type", "product");
            item.put("description", items.get(i).description());
            item.put("amount", items.get(i).amount().cents());
            item.put("quantity", items.get(i).quantity());
            item.put("status", "active");
            item.put("created_at", date(charge.order().createdAt()));
            item.put("updated_at", date(charge.order().createdAt()));
            printed.add(item);
        }
        o.put("items", printed);
        customer.forEach(c -> o.put("customer", customer(c)));
        o.put("status", orderStatus(charge.status()));
        o.put("created_at", date(charge.createdAt()));
        o.put("updated_at", date(charge.lastTransaction().updatedAt()));
        o.put("closed_at", date(charge.createdAt()));
        o.put("charges", List.of(charge(charge, customer)));
        o.put("checkouts", List.of());
        return o;
    }

    static Map<String, Object> charge(Charge charge, Option<Customer> customer) {
        var c = new LinkedHashMap<String, Object>();
        c.put("id", charge.id().value());
        c.put("code", code(charge));
        c.put("amount", charge.amount().cents());
        var money = charge.money();
        if (money.captured().cents() > 0) {
            c.put("paid_amount", money.captured().cents());
        }
        if (money.voided().cents() + money.refunded().cents() > 0) {
            c.put("canceled_amount", money.voided().cents() + money.refunded().cents());
        }
        c.put("status", charge.status().wireName());
        c.put("currency", "BRL");
        c.put("payment_method", "credit_card");
        c.put("funding_source", charge.payment().fundingSource().wireName());
        charge.transactions().filter(t -> t.tookEffect() && captures(t)).headOption()
                .forEach(t -> c.put("paid_at", date(t.updatedAt())));
        charge.transactions().filter(t -> t.tookEffect() && cancels(t)).lastOption()
                .forEach(t -> c.put("canceled_at", date(t.updatedAt())));
        c.put("created_at", date(charge.createdAt()));
        c.put("updated_at", date(charge.lastTransaction().updatedAt()));
        customer.forEach(payer -> c.put("customer", customer(payer)));
        c.put("last_transaction", transaction(charge, charge.lastTransaction()));
        c.put("metadata", new LinkedHashMap<>(charge.payment().metadata().entries().toJavaMap()));
        return c;
    }

    private static Map<String, Object> transaction(Charge charge, Transaction t) {
        var x = new LinkedHashMap<String, Object>();
        x.put("operation_key", operationKey(t));
        x.put("id", t.id().value());
        x.put("transaction_type", "credit_card");
        x.put("gateway_id", t.gatewayId().toString());
        x.put("amount", t.amount().cents());
        x.put("status", t.status().wireName());
        x.put("success", t.tookEffect());
        x.put("installments", charge.payment().installments());
        x.put("funding_source", charge.payment().fundingSource().wireName());
        charge.payment().statementDescriptor().forEach(d -> x.put("statement_descriptor", d.text()));
        t.acquirer().forEach(a -> acquirer(x, a));
        x.put("operation_type", operationType(charge, t));
        CardSummary card = charge.card();
        if (card.paymentType() == PaymentType.TOKEN) {
            x.put("network_token", card(card, "nt_", charge));
        } else {
            x.put("card", card(card, "card_", charge));
        }
        x.put("payment_type", card.paymentType() == PaymentType.TOKEN ? "Token" : "PAN");
        x.put("created_at", date(t.createdAt()));
        x.put("updated_at", date(t.updatedAt()));
        var gateway = new LinkedHashMap<String, Object>();
        gateway.put("code", t.rejection().isDefined() ? "412" : "200");
        gateway.put("errors", t.rejection()
                .map(r -> List.of(Map.of("message", r.message())))
                .getOrElse(List.of()));
        x.put("gateway_response", gateway);
        x.put("antifraud_response", Map.of());
        x.put("metadata", Map.of());
        return x;
    }

    private static void acquirer(Map<String, Object> x, AcquirerFields a) {
        x.put("acquirer_name", a.name());
        x.put("acquirer_tid", a.tid());
        x.put("acquirer_nsu", a.nsu());
        if (!a.authCode().isEmpty()) {
            x.put("acquirer_auth_code", a.authCode());
        }
        x.put("acquirer_message", a.message());
        x.put("acquirer_return_code", a.returnCode());
    }

    private static Map<String, Object> card(CardSummary card, String prefix, Charge charge) {
        var c = new LinkedHashMap<String, Object>();
        // A card id only for a card that is saved (card_id) and can be charged by it again; a network
        // token's id names the charge's use of it.
        if (prefix.equals("card_")) {
            card.vaulted().forEach(reference -> c.put("id", CardIds.of(reference)));
        } else {
            c.put("id", derived(prefix, charge.id().value()));
        }
        c.put("first_six_digits", card.card().bin().substring(0, Math.min(6, card.card().bin().length())));
        c.put("last_four_digits", card.card().lastFour());
        c.put("brand", card.brand().displayName());
        c.put("holder_name", card.holder().name());
        c.put("exp_month", card.expiry().month().getMonthValue());
        c.put("exp_year", card.expiry().month().getYear());
        c.put("status", "active");
        c.put("type", "credit");
        c.put("created_at", date(charge.createdAt()));
        c.put("updated_at", date(charge.createdAt()));
        return c;
    }

    private static boolean captures(Transaction t) {
        return t.kind() == TransactionKind.CAPTURE || t.move() == Move.AUTHORIZE_AND_CAPTURE;
    }

    private static boolean cancels(Transaction t) {
        return t.kind() == TransactionKind.VOID || t.kind() == TransactionKind.REFUND;
    }

    private static String operationType(Charge charge, Transaction t) {
        return switch (t.kind()) {
            case AUTHORIZATION -> charge.payment().operationType().wireName();
            case CAPTURE -> "capture";
            case VOID, REFUND -> "cancel";
        };
    }

    /** The order's status: an order whose charge is being processed is still pending. */
    static String orderStatus(ChargeStatus status) {
        return status == ChargeStatus.PROCESSING ? "pending" : status.wireName();
    }

    private static String operationKey(Transaction t) {
        return Long.toString(Long.parseLong(Sha256.hex(t.id().value().getBytes(StandardCharsets.UTF_8))
                .substring(0, 7), 16));
    }

    /** The merchant's code for the order, else one derived from its id, as the vendor makes one up. */
    private static String code(Charge charge) {
        String orderId = charge.order().id().value();
        return charge.order().code().getOrElse(() ->
                orderId.substring(3, Math.min(orderId.length(), 13)).toUpperCase(java.util.Locale.ROOT));
    }

    /** Seed 002's customer object: {@code cus_…} id, name, e-mail, document, phones, dates, metadata. */
    static Map<String, Object> customer(Customer customer) {
        CustomerProfile profile = customer.profile();
        var c = new LinkedHashMap<String, Object>();
        c.put("id", CustomerIds.of(customer.id()));
        c.put("name", profile.displayName());
        c.put("email", profile.email().value());
        profile.identification().forEach(document -> {
            c.put("document", document.number());
            c.put("document_type", document.type());
            c.put("type", document.type().equalsIgnoreCase("CNPJ") ? "company" : "individual");
        });
        c.put("delinquent", false);
        profile.address().flatMap(Address::zipCode).forEach(zip -> c.put("address", Map.of("zip_code", zip)));
        c.put("created_at", date(customer.createdAt()));
        c.put("updated_at", date(customer.updatedAt()));
        var phones = new LinkedHashMap<String, Object>();
        profile.phone().forEach(phone -> {
            var mobile = new LinkedHashMap<String, Object>();
            mobile.put("country_code", "55");
            phone.areaCode().forEach(area -> mobile.put("area_code", area));
            phone.number().forEach(number -> mobile.put("number", number));
            phones.put("mobile_phone", mobile);
        });
        c.put("phones", phones);
        c.put("metadata", new LinkedHashMap<>(profile.metadata().entries().toJavaMap()));
        return c;
    }

    /** An id with {@code prefix} and 16 characters, always the same for the same {@code source}. */
    static String derived(String prefix, String source) {
        String hex = Sha256.hex(source.getBytes(StandardCharsets.UTF_8));
        return prefix + hex.substring(0, 16);
    }

    static String date(Instant at) {
        return at.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
