package dev.cofre.adapters.rest.customers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.application.customer.CreateCardToken;
import dev.cofre.domain.customer.CustomerProfile;
import io.vavr.collection.List;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads seed 000's request bodies field by field, so that every field of the wrong JSON type is
 * named at once (a number where a string belongs, and the reverse), before the use case checks the
 * values. Unknown fields are ignored, as the vendor does.
 */
final class MercadoPagoBodies {

    /** What was read, and what had the wrong shape (field path and reason). */
    record Read<T>(T value, List<String[]> errors) {
    }

    List<String[]> errors = List.empty();

    MercadoPagoBodies() {
    }

    static Read<CustomerProfile.Draft> customer(JsonNode body) {
        var r = new MercadoPagoBodies();
        if (!body.isObject()) {
            r.error("body", "must be a JSON object");
            return new Read<>(null, r.errors);
        }
        JsonNode phone = r.object(body, "phone");
        JsonNode identification = r.object(body, "identification");
        JsonNode address = r.object(body, "address");
        var draft = new CustomerProfile.Draft(r.string(body, "email", ""), r.string(body, "first_name", ""),
                r.string(body, "last_name", ""), r.string(phone, "area_code", "phone."),
                r.string(phone, "number", "phone."), r.string(identification, "type", "identification."),
                r.string(identification, "number", "identification."), r.string(address, "zip_code", "address."),
                r.string(address, "street_name", "address."), r.integer(address, "street_number", "address."),
                r.string(body, "description", ""), r.metadata(body), r.date(body, "date_registered"));
        return new Read<>(draft, r.errors);
    }

    /** {@code default_card} of a PUT, a string. */
    static Read<String> defaultCard(JsonNode body) {
        var r = new MercadoPagoBodies();
        return new Read<>(body.isObject() ? r.string(body, "default_card", "") : null, r.errors);
    }

    static Read<String> cardToken(JsonNode body) {
        var r = new MercadoPagoBodies();
        if (!body.isObject()) {
            r.error("body", "must be a JSON object");
            return new Read<>(null, r.errors);
        }
        return new Read<>(r.string(body, "token", ""), r.errors);
    }

    static Read<CreateCardToken.Command> newCardToken(JsonNode body, String idempotencyKey) {
        var r = new MercadoPagoBodies();
        if (!body.isObject()) {
            r.error("body", "must be a JSON object");
            return new Read<>(null, r.errors);
        }
        JsonNode holder = r.object(body, "cardholder");
        JsonNode identification = holder == null ? null : r.object(holder, "identification", "cardholder.");
        var command = new CreateCardToken.Command(r.string(body, "card_number", ""),
                r.integer(body, "expiration_month", ""), r.integer(body, "expiration_year", ""),
                r.string(body, "security_code", ""), r.string(holder, "name", "cardholder."),
                r.string(identification, "type", "cardholder.identification."),
                r.string(identification, "number", "cardholder.identification."),
                r.string(body, "card_id", ""), r.string(body, "customer_id", ""), idempotencyKey);
        return new Read<>(command, r.errors);
    }

    void error(String field, String reason) {
        errors = errors.append(new String[] {field, reason});
    }

    JsonNode object(JsonNode parent, String name) {
        return object(parent, name, "");
    }

    JsonNode object(JsonNode parent, String name, String prefix) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            error(prefix + name, "must be a JSON object");
            return null;
        }
        return node;
    }

    String string(JsonNode parent, String name, String prefix) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            error(prefix + name, "must be a string");
            return null;
        }
        return node.asText();
    }

    Integer integer(JsonNode parent, String name, String prefix) {
        JsonNode node = parent == null ? null : parent.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            error(prefix + name, "must be an integer");
            return null;
        }
        return node.intValue();
    }

    Map<String, String> metadata(JsonNode body) {
        JsonNode node = object(body, "metadata");
        if (node == null) {
            return null;
        }
        var values = new LinkedHashMap<String, String>();
        node.fields().forEachRemaining(e -> {
            if (e.getValue().isTextual()) {
                values.put(e.getKey(), e.getValue().asText());
            } else if (e.getValue().isNumber() || e.getValue().isBoolean()) {
                values.put(e.getKey(), e.getValue().asText());
            } else {
                error("metadata." + e.getKey(), "must be a string, a number or a boolean");
            }
        });
        return values;
    }

    private Instant date(JsonNode body, String name) {
        String raw = string(body, name, "");
        if (raw == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(raw).toInstant();
        } catch (DateTimeParseException e) {
            error(name, "must be a date with an offset (2017-05-05T09:22:30.893-04:00)");
            return null;
        }
    }
}
