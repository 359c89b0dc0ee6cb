package dev.cofre.adapters.rest.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.application.charge.AuthorizeCharge;
import dev.cofre.application.charge.CardInput;
import dev.cofre.application.charge.OrderCustomers;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.customer.Email;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.charge.CreditCardPayment;
import dev.cofre.domain.charge.ThreeDSecure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /core/v5/orders} read as the vendor's platform reads it: leniently (unknown fields,
 * and what the official SDK adds: {@code closed}, {@code items[].category}, the customer's address
 * lines, gender and code, are ignored; {@code recurrency_cycle} is another spelling of
 * {@code recurrence_cycle}), but every known field of the wrong JSON type or value is reported, all
 * at once, under its path in the request. The order's {@code code} is kept; the payer is
 * {@code customer_id} (one of the merchant's {@code cus_…} customers) or else the {@code customer}
 * object (name, e-mail, document, phones, zip code, metadata).
 */
final class OrderRequest {

    static final String CREDIT_CARD = "payments[0].credit_card";

    private OrderRequest() {
    }

    /** The command, or every problem of the request by field path. */
    static Parsed parse(JsonNode body, String idempotencyKey, MerchantId merchant) {
        var r = new Reader();
        if (body == null || !body.isObject()) {
            r.error("order", "must be a JSON object");
            return new Parsed(new AuthorizeCharge.Command(idempotencyKey, List.of(), null, null, null, null), r.errors);
        }
        List<AuthorizeCharge.Item> items = new ArrayList<>();
        JsonNode rawItems = body.get("items");
        if (r.array(rawItems, "items", true)) {
            for (int i = 0; i < rawItems.size(); i++) {
                String at = "items[" + i + "]";
                JsonNode item = rawItems.get(i);
                if (r.object(item, at, true)) {
                    items.add(new AuthorizeCharge.Item(r.string(item, at, "description", false),
                            r.integer(item, at, "amount", true), r.intValue(item, at, "quantity", true)));
                }
            }
        }
        String code = r.string(body, "", "code", false);
        OrderCustomers.Payer payer = payer(r, body, merchant);
        CardInput card = null;
        CreditCardPayment.Fields options = null;
        JsonNode payments = body.get("payments");
        if (r.array(payments, "payments", true)) {
            if (payments.size() != 1) {
                r.error("payments", "must have exactly one payment");
            } else if (r.object(payments.get(0), "payments[0]", true)) {
                JsonNode payment = payments.get(0);
                String method = r.string(payment, "payments[0]", "payment_method", true);
                if (method != null && !method.equals("credit_card")) {
                    r.error("payments[0].payment_method", "only credit_card is supported");
                }
                r.integer(payment, "payments[0]", "amount", false);
                JsonNode creditCard = payment.get("credit_card");
                if (r.object(creditCard, CREDIT_CARD, true)) {
                    card = card(r, creditCard);
                    options = options(r, creditCard);
                }
            }
        }
        return new Parsed(new AuthorizeCharge.Command(idempotencyKey, items, card, options, code, payer), r.errors);
    }

    /** {@code customer_id} if it is given (it names the customer exactly), else the {@code customer} object, else none. */
    private static OrderCustomers.Payer payer(Reader r, JsonNode body, MerchantId merchant) {
        String id = r.string(body, "", "customer_id", false);
        JsonNode customer = body.get("customer");
        boolean described = r.object(customer, "customer", false);
        if (id != null) {
            return new OrderCustomers.Payer(CustomerIds.toCustomerId(merchant, id), null);
        }
        if (!described) {
            return null;
        }
        String name = r.string(customer, "customer", "name", true);
        String email = r.string(customer, "customer", "email", true);
        String document = r.string(customer, "customer", "document", false);
        String documentType = r.string(customer, "customer", "document_type", false);
        String type = r.string(customer, "customer", "type", false);
        if (type != null && !type.equals("individual") && !type.equals("company")) {
            r.error("customer.type", "must be individual or company");
        }
        String[] phone = phone(r, customer);
        String zipCode = null;
        if (r.object(customer.get("address"), "customer.address", false)) {
            zipCode = r.string(customer.get("address"), "customer.address", "zip_code", false);
        }
        Map<String, String> metadata = strings(r, customer.get("metadata"), "customer.metadata");
        if (email != null && Email.parse("customer.email", email).isLeft()) {
            // Seed 002's examples print "[email protected]" (the vendor page's e-mail protection) where an
            // address was, and must work as printed: a customer whose e-mail is no address is not
            // registered, and the order is charged without one (so its card is not saved).
            return null;
        }
        String trimmed = name == null ? null : name.strip();
        int space = trimmed == null ? -1 : trimmed.indexOf(' ');
        String first = space < 0 ? trimmed : trimmed.substring(0, space);
        String last = space < 0 ? null : trimmed.substring(space + 1).strip();
        String identificationType = document == null ? null
                : documentType != null ? documentType : "company".equals(type) ? "CNPJ" : "CPF";
        return new OrderCustomers.Payer(null, new CustomerProfile.Draft(email, first, last, phone[0], phone[1],
                identificationType, document, zipCode, null, null, null, metadata, null));
    }

    /** The mobile phone's area code and number, else the home phone's. */
    private static String[] phone(Reader r, JsonNode customer) {
        JsonNode phones = customer.get("phones");
        String[] found = {null, null};
        if (!r.object(phones, "customer.phones", false)) {
            return found;
        }
        for (String kind : List.of("home_phone", "mobile_phone")) {
            String at = "customer.phones." + kind;
            if (r.object(phones.get(kind), at, false)) {
                r.string(phones.get(kind), at, "country_code", false);
                String area = r.string(phones.get(kind), at, "area_code", false);
                String number = r.string(phones.get(kind), at, "number", false);
                if (area != null || number != null) {
                    found[0] = area;
                    found[1] = number;
                }
            }
        }
        return found;
    }

    /** An object of strings (numbers and booleans are read as text); null if absent. */
    private static Map<String, String> strings(Reader r, JsonNode node, String at) {
        if (!r.object(node, at, false)) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var e = fields.next();
            if (e.getValue().isValueNode() && !e.getValue().isNull()) {
                values.put(e.getKey(), e.getValue().asText());
            } else {
                r.error(at + "." + e.getKey(), "must be a string");
            }
        }
        return values;
    }

    /**
     * The command as read (a field of the wrong type is absent from it) and the problems of the
     * request's shape by field path; the command is sent only when there are none.
     */
    record Parsed(AuthorizeCharge.Command command, Map<String, List<String>> errors) {
    }

    private static CardInput card(Reader r, JsonNode cc) {
        String at = CREDIT_CARD;
        List<String> given = new ArrayList<>();
        for (String source : List.of("card", "card_id", "card_token", "network_token")) {
            if (cc.hasNonNull(source)) {
                given.add(source);
            }
        }
        if (given.isEmpty()) {
            r.error(at + ".card", "is required (or card_id, card_token, network_token)");
            return null;
        }
        if (given.size() > 1) {
            r.error(at, "must have only one of card, card_id, card_token, network_token");
            return null;
        }
        switch (given.get(0)) {
            case "card_id" -> {
                String id = r.string(cc, at, "card_id", true);
                return id == null ? null : new CardInput.VaultedCard(CardIds.toReference(id));
            }
            case "card_token" -> {
                String id = r.string(cc, at, "card_token", true);
                return id == null ? null : new CardInput.SingleUseToken(PagarmeTokens.toCardTokenId(id));
            }
            case "card" -> {
                JsonNode c = cc.get("card");
                String p = at + ".card";
                if (!r.object(c, p, true)) {
                    return null;
                }
                r.object(c.get("billing_address"), p + ".billing_address", false);
                return new CardInput.PresentedCard(r.string(c, p, "number", true), r.string(c, p, "holder_name", true),
                        r.intValue(c, p, "exp_month", true), r.intValue(c, p, "exp_year", true),
                        r.string(c, p, "cvv", true));
            }
            default -> {
                JsonNode n = cc.get("network_token");
                String p = at + ".network_token";
                if (!r.object(n, p, true)) {
                    return null;
                }
                r.object(n.get("billing_address"), p + ".billing_address", false);
                List<String> cryptograms = new ArrayList<>();
                JsonNode raw = n.get("cryptograms");
                if (r.array(raw, p + ".cryptograms", true)) {
                    for (int i = 0; i < raw.size(); i++) {
                        if (raw.get(i).isTextual()) {
                            cryptograms.add(raw.get(i).textValue());
                        } else {
                            r.error(p + ".cryptograms[" + i + "]", "must be a string");
                        }
                    }
                }
                return new CardInput.NetworkToken(r.string(n, p, "number", true), r.string(n, p, "holder_name", true),
                        r.intValue(n, p, "exp_month", true), r.intValue(n, p, "exp_year", true), cryptograms);
            }
        }
    }

    private static CreditCardPayment.Fields options(Reader r, JsonNode cc) {
        String at = CREDIT_CARD;
        String cycle = r.string(cc, at, "recurrence_cycle", false);
        String otherSpelling = r.string(cc, at, "recurrency_cycle", false);
        if (cycle != null && otherSpelling != null && !cycle.equals(otherSpelling)) {
            r.error(at + ".recurrency_cycle", "must agree with recurrence_cycle");
        }
        Map<String, String> metadata = strings(r, cc.get("metadata"), at + ".metadata");
        ThreeDSecure.Fields authentication = null;
        JsonNode auth = cc.get("authentication");
        if (r.object(auth, at + ".authentication", false)) {
            String a = at + ".authentication";
            String type = r.string(auth, a, "type", false);
            JsonNode tds = auth.get("threed_secure");
            String t = a + ".threed_secure";
            if (r.object(tds, t, true)) {
                authentication = new ThreeDSecure.Fields(type, r.string(tds, t, "mpi", false),
                        r.string(tds, t, "eci", false), r.string(tds, t, "cavv", false),
                        r.string(tds, t, "transaction_id", false), r.string(tds, t, "ds_transaction_id", false),
                        r.string(tds, t, "version", false));
            }
        }
        return new CreditCardPayment.Fields(r.string(cc, at, "operation_type", false),
                r.intValue(cc, at, "installments", false), r.string(cc, at, "statement_descriptor", false),
                cycle != null ? cycle : otherSpelling, r.string(cc, at, "recurrence_model", false),
                r.string(cc, at, "initiated_type", false), r.string(cc, at, "funding_source", false), metadata,
                authentication);
    }

    /** Reads typed fields, collecting a problem for each one of the wrong type. */
    static final class Reader {
        final Map<String, List<String>> errors = new LinkedHashMap<>();

        void error(String field, String message) {
            errors.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
        }

        private static String path(String at, String name) {
            return at.isEmpty() ? name : at + "." + name;
        }

        boolean object(JsonNode node, String field, boolean required) {
            if (node == null || node.isNull()) {
                if (required) {
                    error(field, "is required");
                }
                return false;
            }
            if (!node.isObject()) {
                error(field, "must be an object");
                return false;
            }
            return true;
        }

        boolean array(JsonNode node, String field, boolean required) {
            if (node == null || node.isNull()) {
                if (required) {
                    error(field, "is required");
                }
                return false;
            }
            if (!node.isArray()) {
                error(field, "must be an array");
                return false;
            }
            if (required && node.isEmpty()) {
                error(field, "must not be empty");
                return false;
            }
            return true;
        }

        /** The field's node if it is present and not null; a missing required one is reported. */
        private JsonNode present(JsonNode parent, String field, String name, boolean required) {
            JsonNode node = parent.get(name);
            if (node == null || node.isNull()) {
                if (required) {
                    error(field, "is required");
                }
                return null;
            }
            return node;
        }

        String string(JsonNode parent, String at, String name, boolean required) {
            JsonNode node = present(parent, path(at, name), name, required);
            if (node != null && !node.isTextual()) {
                error(path(at, name), "must be a string");
                return null;
            }
            return node == null ? null : node.textValue();
        }

        Long integer(JsonNode parent, String at, String name, boolean required) {
            JsonNode node = present(parent, path(at, name), name, required);
            if (node != null && (!node.isIntegralNumber() || !node.canConvertToLong())) {
                error(path(at, name), "must be an integer (cents)");
                return null;
            }
            return node == null ? null : node.longValue();
        }

        Integer intValue(JsonNode parent, String at, String name, boolean required) {
            JsonNode node = present(parent, path(at, name), name, required);
            if (node != null && (!node.isIntegralNumber() || !node.canConvertToInt())) {
                error(path(at, name), "must be an integer");
                return null;
            }
            return node == null ? null : node.intValue();
        }
    }
}
