package dev.cofre.adapters.rest.customers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.application.charge.AuthorizeCharge;
import dev.cofre.application.charge.CardInput;
import dev.cofre.application.charge.NumberedPayments;
import dev.cofre.domain.charge.CreditCardPayment;
import io.vavr.collection.List;
import java.math.BigDecimal;

/**
 * Reads the bodies of {@code /v1/payments} field by field, naming every field of the wrong JSON type at
 * once, as {@link MercadoPagoBodies} does for customers. Amounts are decimals in reais, converted to
 * integer cents exactly: more than two decimals is refused, never rounded. Fields the vendor's clients
 * send that Cofre has no use for ({@code issuer_id}, {@code additional_info}, {@code notification_url},
 * ...) are ignored, and so is {@code binary_mode}: every card answer here is already approved or
 * rejected, except a timeout, which no mode can turn into either.
 */
final class MercadoPagoPaymentBodies {

    /** Larger than any card payment: refused rather than risk an overflow further on. */
    static final BigDecimal MAX_REAIS = new BigDecimal("999999999.99");
    /** The order item a payment becomes when it has no description. */
    static final String NO_DESCRIPTION = "Pagamento";

    /** A capture ({@code capture} true, with an optional amount) or a cancellation of a PUT. */
    record Change(boolean capture, boolean cancel, Long amount) {
    }

    private MercadoPagoPaymentBodies() {
    }

    static MercadoPagoBodies.Read<NumberedPayments.Command> payment(JsonNode body, String idempotencyKey) {
        var r = new MercadoPagoBodies();
        if (!body.isObject()) {
            r.error("body", "must be a JSON object");
            return new MercadoPagoBodies.Read<>(null, r.errors);
        }
        Long cents = cents(r, body, "transaction_amount");
        String token = r.string(body, "token", "");
        String description = r.string(body, "description", "");
        Boolean capture = bool(r, body, "capture");
        JsonNode payer = r.object(body, "payer");
        var fields = new CreditCardPayment.Fields(Boolean.FALSE.equals(capture) ? "auth_only" : null,
                r.integer(body, "installments", ""), r.string(body, "statement_descriptor", ""), null, null, null,
                null, r.metadata(body), null);
        var charge = new AuthorizeCharge.Command(idempotencyKey,
                java.util.List.of(new AuthorizeCharge.Item(description == null || description.isBlank()
                        ? NO_DESCRIPTION : description, cents, 1)),
                token == null ? null : new CardInput.SingleUseToken(token), fields);
        var command = new NumberedPayments.Command(charge, r.string(payer, "type", "payer."),
                payerId(r, payer), r.string(payer, "email", "payer."),
                r.string(body, "external_reference", ""), r.string(body, "payment_method_id", ""));
        return new MercadoPagoBodies.Read<>(command, r.errors);
    }

    /** {@code {"capture": true, "transaction_amount": 10.5}} or {@code {"status": "cancelled"}}. */
    static MercadoPagoBodies.Read<Change> change(JsonNode body) {
        var r = new MercadoPagoBodies();
        if (!body.isObject()) {
            r.error("body", "must be a JSON object");
            return new MercadoPagoBodies.Read<>(null, r.errors);
        }
        Boolean capture = bool(r, body, "capture");
        Long amount = cents(r, body, "transaction_amount");
        String status = r.string(body, "status", "");
        boolean cancel = status != null;
        if (status != null && !status.strip().equals("cancelled")) {
            r.error("status", "can only be changed to cancelled");
        }
        if (cancel && Boolean.TRUE.equals(capture)) {
            r.error("capture", "cannot be asked together with status cancelled");
        }
        if (!cancel && !Boolean.TRUE.equals(capture) && r.errors.isEmpty()) {
            r.error("body", "must ask \"capture\": true or \"status\": \"cancelled\"");
        }
        return new MercadoPagoBodies.Read<>(new Change(Boolean.TRUE.equals(capture), cancel, amount), r.errors);
    }

    /** A refund's optional {@code amount}: none refunds all that is left. */
    static MercadoPagoBodies.Read<Long> refund(JsonNode body) {
        var r = new MercadoPagoBodies();
        if (!body.isObject()) {
            r.error("body", "must be a JSON object");
            return new MercadoPagoBodies.Read<>(null, r.errors);
        }
        return new MercadoPagoBodies.Read<>(cents(r, body, "amount"), r.errors);
    }

    /** A decimal in reais as integer cents, exactly; more than two decimals, zero or less are refused. */
    private static Long cents(MercadoPagoBodies r, JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isNumber()) {
            r.error(name, "must be a number");
            return null;
        }
        BigDecimal reais = node.decimalValue().stripTrailingZeros();
        if (reais.scale() > 2) {
            r.error(name, "must have at most two decimals");
            return null;
        }
        if (reais.signum() <= 0) {
            r.error(name, "must be greater than zero");
            return null;
        }
        if (reais.compareTo(MAX_REAIS) > 0) {
            r.error(name, "must be at most " + MAX_REAIS.toPlainString());
            return null;
        }
        try {
            return reais.movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            r.error(name, "must be an amount in reais with at most two decimals");
            return null;
        }
    }

    private static Boolean bool(MercadoPagoBodies r, JsonNode body, String name) {
        JsonNode node = body.get(name);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isBoolean()) {
            r.error(name, "must be true or false");
            return null;
        }
        return node.booleanValue();
    }

    /** The payer's id: a customer id, a string; the vendor's clients may also send a number. */
    private static String payerId(MercadoPagoBodies r, JsonNode payer) {
        JsonNode node = payer == null ? null : payer.get("id");
        if (node != null && node.isIntegralNumber()) {
            return node.asText();
        }
        return r.string(payer, "id", "payer.");
    }
}
