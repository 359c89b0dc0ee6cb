package dev.cofre.adapters.rest.cielo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.domain.InvalidInput;
import io.vavr.collection.List;
import java.util.Map;

/**
 * Reads this API's JSON bodies as the vendor's platform does: field names match ignoring case (its own
 * SDKs send {@code merchantOrderId} as often as {@code MerchantOrderId}), unknown fields are ignored, and
 * every field of the wrong type or value is reported, all at once, with the vendor's code for that field.
 */
final class CieloFields {

    /** A field of a request: its path as the vendor's reference prints it, and its codes when missing or invalid. */
    record Field(String path, int missingCode, String missingMessage, int invalidCode, String invalidMessage) {

        Problem missing() {
            return new Problem(400, missingCode, missingMessage, path);
        }

        Problem invalid(String why) {
            return new Problem(400, invalidCode, invalidMessage + ": " + path + " " + why, path);
        }

        /** The same field at another place: POST /1/card has the card's fields at the top. */
        Field at(String otherPath) {
            return new Field(otherPath, missingCode, missingMessage, invalidCode, invalidMessage);
        }
    }

    static final Field MERCHANT_ORDER_ID = new Field("MerchantOrderId", 122, "MerchantOrderId is required", 107,
            "OrderId is invalid or does not exists");
    static final Field CUSTOMER = new Field("Customer", 121, "Customer is required", 121, "Customer is invalid");
    static final Field CUSTOMER_NAME = new Field("Customer.Name", 105, "Customer Name is required", 155,
            "Customer Name length exceeded");
    static final Field PAYMENT = new Field("Payment", 119, "At least one Payment is required", 119,
            "Payment is invalid");
    static final Field TYPE = new Field("Payment.Type", 102, "Payment Type is required", 310,
            "Payment method doest not support this operation");
    static final Field AMOUNT = new Field("Payment.Amount", 108, "Amount must be greater or equal to zero", 108,
            "Amount must be greater or equal to zero");
    static final Field INSTALLMENTS = new Field("Payment.Installments", 123,
            "Installments must be greater or equal to one", 123, "Installments must be greater or equal to one");
    static final Field SOFT_DESCRIPTOR = new Field("Payment.SoftDescriptor", 0, "Internal error", 0,
            "SoftDescriptor is invalid");
    static final Field CAPTURE = new Field("Payment.Capture", 186, "Capture is invalid", 186,
            "The selected provider does not support the options provided (Capture, Authenticate, Recurrent or Installments)");
    static final Field CREDIT_CARD = new Field("Payment.CreditCard", 124, "Credit Card is Required", 124,
            "Credit Card is invalid");
    static final Field CARD_NUMBER = new Field("Payment.CreditCard.CardNumber", 118, "Credit Card Number is required", 213,
            "Credit Card Number is invalid");
    static final Field HOLDER = new Field("Payment.CreditCard.Holder", 117, "Credit Card Holder is required", 117,
            "Credit Card Holder is invalid");
    static final Field EXPIRATION = new Field("Payment.CreditCard.ExpirationDate", 125,
            "Credit Card Expiration Date is required", 126, "Credit Card Expiration Date is invalid");
    static final Field SECURITY_CODE = new Field("Payment.CreditCard.SecurityCode", 146, "SecurityCode is required", 146,
            "SecurityCode length exceeded");
    static final Field BRAND = new Field("Payment.CreditCard.Brand", 182, "Brand is required", 185,
            "Brand is not supported by selected provider");
    static final Field SAVE_CARD = new Field("Payment.CreditCard.SaveCard", 0, "Internal error", 0, "SaveCard is invalid");
    static final Field CARD_TOKEN = new Field("Payment.CreditCard.CardToken", 130, "Could not get Credit Card", 130,
            "Could not get Credit Card");
    static final Field REQUEST_ID = new Field("RequestId", 100, "RequestId is required", 100,
            "RequestId is invalid");
    static final Field CUSTOMER_NAME_OF_CARD = CUSTOMER_NAME.at("CustomerName");
    static final Field NUMBER_OF_CARD = CARD_NUMBER.at("CardNumber");
    static final Field HOLDER_OF_CARD = HOLDER.at("Holder");
    static final Field EXPIRATION_OF_CARD = EXPIRATION.at("ExpirationDate");
    static final Field BRAND_OF_CARD = BRAND.at("Brand");

    /** The engine's and the vault's field names, as this API spells them. */
    private static final Map<String, Field> BY_COMMAND_FIELD = Map.ofEntries(
            Map.entry("card", CREDIT_CARD), Map.entry("card.number", CARD_NUMBER),
            Map.entry("card.holder_name", HOLDER), Map.entry("card.exp_month", EXPIRATION),
            Map.entry("card.cvv", SECURITY_CODE), Map.entry("card_id", CARD_TOKEN),
            Map.entry("installments", INSTALLMENTS), Map.entry("statement_descriptor", SOFT_DESCRIPTOR),
            Map.entry("items", AMOUNT), Map.entry("items[0].amount", AMOUNT),
            Map.entry("items[0].description", MERCHANT_ORDER_ID), Map.entry("metadata", CUSTOMER_NAME),
            Map.entry("idempotencyKey", REQUEST_ID), Map.entry("operation_type", CAPTURE),
            Map.entry("cardNumber", NUMBER_OF_CARD), Map.entry("cardHolder", HOLDER_OF_CARD),
            Map.entry("cardExpiration", EXPIRATION_OF_CARD), Map.entry("customerName", CUSTOMER_NAME_OF_CARD),
            Map.entry("requestId", REQUEST_ID));

    /** A use case's invalid fields as this API's problems; a field it does not know keeps the command's name. */
    static List<Problem> of(InvalidInput invalid) {
        return invalid.errors().map(e -> {
            Field field = BY_COMMAND_FIELD.get(e.field());
            if (field == null) {
                return new Problem(400, 0, e.field() + " " + e.reason(), e.field());
            }
            return e.kind() == InvalidInput.Kind.MISSING ? field.missing() : field.invalid(e.reason());
        });
    }

    /** Collects the problems of one body while its fields are read. */
    static final class Reader {
        List<Problem> problems = List.empty();

        void add(Problem problem) {
            problems = problems.append(problem);
        }

        /** A field of {@code parent}, its name matched ignoring case; null when absent or JSON null. */
        static JsonNode get(JsonNode parent, String name) {
            if (parent == null || !parent.isObject()) {
                return null;
            }
            var names = parent.fieldNames();
            while (names.hasNext()) {
                String n = names.next();
                if (n.equalsIgnoreCase(name)) {
                    JsonNode value = parent.get(n);
                    return value.isNull() ? null : value;
                }
            }
            return null;
        }

        private static String last(Field field) {
            return field.path().substring(field.path().lastIndexOf('.') + 1);
        }

        JsonNode object(JsonNode parent, Field field, boolean required) {
            JsonNode node = get(parent, last(field));
            if (node == null) {
                if (required) {
                    add(field.missing());
                }
                return null;
            }
            if (!node.isObject()) {
                add(field.invalid("must be an object"));
                return null;
            }
            return node;
        }

        String text(JsonNode parent, Field field, boolean required) {
            JsonNode node = get(parent, last(field));
            if (node == null || node.isTextual() && node.textValue().isBlank()) {
                if (required) {
                    add(field.missing());
                }
                return null;
            }
            if (!node.isTextual()) {
                add(field.invalid("must be a string"));
                return null;
            }
            return node.textValue();
        }

        Long number(JsonNode parent, Field field, boolean required) {
            JsonNode node = get(parent, last(field));
            if (node == null) {
                if (required) {
                    add(field.missing());
                }
                return null;
            }
            if (!node.isIntegralNumber() || !node.canConvertToLong()) {
                add(field.invalid("must be a whole number" + (field == AMOUNT ? " of cents (1500 is R$ 15,00)" : "")));
                return null;
            }
            return node.longValue();
        }

        /** {@code value} if it has at most {@code max} characters (the vendor's field sizes); else reported. */
        String longest(String value, Field field, int max) {
            if (value != null && value.length() > max) {
                add(field.invalid("must have at most " + max + " characters"));
                return null;
            }
            return value;
        }

        /** A boolean, or its text ({@code "true"}, as seed 004's example sends SaveCard); absent is false. */
        boolean flag(JsonNode parent, Field field) {
            JsonNode node = get(parent, last(field));
            if (node == null) {
                return false;
            }
            if (node.isBoolean()) {
                return node.booleanValue();
            }
            if (node.isTextual() && (node.textValue().equalsIgnoreCase("true") || node.textValue().equalsIgnoreCase("false"))) {
                return node.textValue().equalsIgnoreCase("true");
            }
            add(field.invalid("must be true or false"));
            return false;
        }
    }
}
