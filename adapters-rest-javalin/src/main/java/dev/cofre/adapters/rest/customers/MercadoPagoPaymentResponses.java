package dev.cofre.adapters.rest.customers;

import dev.cofre.application.charge.NumberedPayments;
import dev.cofre.domain.Sha256;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.NumberedCharge;
import dev.cofre.domain.charge.Rejection;
import dev.cofre.domain.charge.Transaction;
import dev.cofre.domain.charge.TransactionKind;
import dev.cofre.domain.customer.UserId;
import io.vavr.control.Option;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Payments and refunds in the vendor's response shape, every field printed (null where Cofre has no
 * value), amounts as decimals in reais, dates with an offset. The vendor's status words come from the
 * charge engine's statuses through {@link #status} and {@link #rejectionDetail}: the one table of them.
 */
final class MercadoPagoPaymentResponses {

    /** The vendor's {@code status} and {@code status_detail} of a payment. */
    record Status(String status, String detail) {
    }

    private MercadoPagoPaymentResponses() {
    }

    /**
     * The payment's status from the status of its charge's last transaction. A rejection's detail says
     * why ({@link #rejectionDetail}); a transaction still awaiting the acquirer's answer is in process.
     */
    static Status status(Charge charge) {
        Transaction last = charge.lastTransaction();
        return switch (last.status()) {
            case AUTHORIZED_PENDING_CAPTURE -> new Status("authorized", "pending_capture");
            case CAPTURED, PARTIAL_CAPTURE -> new Status("approved", "accredited");
            case PARTIAL_REFUNDED -> new Status("approved", "partially_refunded");
            case REFUNDED -> new Status("refunded", "refunded");
            case VOIDED, PARTIAL_VOID -> new Status("cancelled", "by_collector");
            case NOT_AUTHORIZED, FAILED -> new Status("rejected", rejectionDetail(charge.authorization()));
            case WITH_ERROR, WAITING_CAPTURE, WAITING_CANCELLATION, ERROR_ON_VOIDING, ERROR_ON_REFUNDING ->
                    new Status("in_process", "pending_contingency");
        };
    }

    /**
     * Why an authorization was rejected, in the vendor's words: by Cofre before the acquirer (the
     * {@link Rejection}), or by the acquirer's return code (the simulator's test cards and sandbox holder
     * names give each of these).
     */
    static String rejectionDetail(Transaction authorization) {
        if (authorization.rejection().isDefined()) {
            return switch (authorization.rejection().get()) {
                case CARD_EXPIRED -> "cc_rejected_bad_filled_date";
                case TOKEN_NOT_ACTIVE -> "cc_rejected_card_disabled";
                case CRYPTOGRAM_ALREADY_USED -> "cc_rejected_other_reason";
            };
        }
        String code = authorization.acquirer().map(a -> a.returnCode()).getOrElse("");
        return switch (code) {
            case "51" -> "cc_rejected_insufficient_amount";
            case "01", "02" -> "cc_rejected_call_for_authorize";
            case "N7", "82" -> "cc_rejected_bad_filled_security_code";
            case "54" -> "cc_rejected_bad_filled_date";
            case "12", "14" -> "cc_rejected_bad_filled_other";
            case "57" -> "cc_rejected_card_disabled";
            default -> "cc_rejected_other_reason";
        };
    }

    static Map<String, Object> payment(NumberedPayments.Payment payment) {
        NumberedCharge n = payment.numbered();
        Charge charge = payment.charge();
        var money = charge.money();
        Transaction auth = charge.authorization();
        Status status = status(charge);
        // a partial capture changes the payment's amount to what was captured, as the vendor's does
        Amount amount = money.released().isZero() ? charge.amount() : money.captured();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", n.number());
        body.put("date_created", MercadoPagoResponses.date(charge.createdAt()));
        body.put("date_approved", auth.tookEffect() ? MercadoPagoResponses.date(auth.updatedAt()) : null);
        body.put("date_last_updated", MercadoPagoResponses.date(charge.lastTransaction().updatedAt()));
        body.put("date_of_expiration", null);
        body.put("money_release_date", null);
        body.put("operation_type", "regular_payment");
        body.put("issuer_id", String.valueOf(MercadoPagoResponses.issuerId(charge.card().brand())));
        body.put("payment_method_id", MercadoPagoResponses.paymentMethodId(charge.card().brand()));
        body.put("payment_type_id", "credit_card");
        body.put("status", status.status());
        body.put("status_detail", status.detail());
        body.put("currency_id", Amount.CURRENCY);
        body.put("description", charge.order().items().head().description());
        body.put("live_mode", false);
        body.put("sponsor_id", null);
        body.put("authorization_code", auth.acquirer().map(a -> a.authCode()).filter(c -> !c.isEmpty()).getOrNull());
        body.put("collector_id", Long.parseLong(UserId.of(charge.merchant())));
        body.put("payer", payer(n.payer()));
        body.put("metadata", charge.payment().metadata().entries().toJavaMap());
        body.put("additional_info", Map.of());
        body.put("order", Map.of());
        body.put("external_reference", n.externalReference().getOrNull());
        body.put("transaction_amount", reais(amount));
        body.put("transaction_amount_refunded", reais(money.refunded()));
        body.put("coupon_amount", reais(Amount.ZERO));
        body.put("differential_pricing_id", null);
        body.put("installments", charge.payment().installments());
        body.put("transaction_details", transactionDetails(charge, amount));
        body.put("fee_details", java.util.List.of());
        body.put("captured", !money.captured().isZero());
        body.put("binary_mode", false);
        body.put("call_for_authorize_id", null);
        body.put("statement_descriptor", charge.payment().statementDescriptor().map(d -> d.text()).getOrNull());
        body.put("card", card(charge));
        body.put("notification_url", null);
        body.put("refunds", refunds(payment).toJavaList());
        body.put("processing_mode", "aggregator");
        body.put("merchant_account_id", null);
        body.put("counter_currency", null);
        return body;
    }

    static io.vavr.collection.List<Map<String, Object>> refunds(NumberedPayments.Payment payment) {
        return payment.charge().transactions().filter(t -> t.kind() == TransactionKind.REFUND)
                .map(t -> refund(payment, t));
    }

    /** A refund: one refund transaction of the charge, by the number derived from its id. */
    static Map<String, Object> refund(NumberedPayments.Payment payment, Transaction t) {
        var body = new LinkedHashMap<String, Object>();
        body.put("id", refundNumber(t));
        body.put("payment_id", payment.numbered().number());
        body.put("amount", reais(t.amount()));
        body.put("metadata", Map.of());
        body.put("source", MercadoPagoResponses.fields("id", UserId.of(payment.charge().merchant()),
                "name", "collector", "type", "collector"));
        body.put("date_created", MercadoPagoResponses.date(t.createdAt()));
        body.put("unique_sequence_number", null);
        body.put("refund_mode", "standard");
        body.put("adjustment_amount", reais(Amount.ZERO));
        body.put("status", t.tookEffect() ? "approved" : t.status().isInDoubt() ? "in_process" : "rejected");
        body.put("reason", null);
        body.put("labels", java.util.List.of());
        body.put("amount_refunded_to_payer", t.tookEffect() ? reais(t.amount()) : reais(Amount.ZERO));
        return body;
    }

    /** A refund's number, derived from its transaction's id: the same on every read, below 2^53. */
    static long refundNumber(Transaction t) {
        long hash = Long.parseUnsignedLong(Sha256.hex(t.id().value().getBytes(StandardCharsets.UTF_8))
                .substring(0, 15), 16);
        long floor = 1_000_000_000L;
        return floor + Math.floorMod(hash, NumberedCharge.MAX_NUMBER - floor);
    }

    /** The refund of the payment with this number, if there is one. */
    static Option<Transaction> refundOf(NumberedPayments.Payment payment, long number) {
        return payment.charge().transactions()
                .find(t -> t.kind() == TransactionKind.REFUND && refundNumber(t) == number);
    }

    static BigDecimal reais(Amount amount) {
        return BigDecimal.valueOf(amount.cents(), 2);
    }

    private static Map<String, Object> payer(NumberedCharge.Payer payer) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", payer.type().getOrNull());
        body.put("id", payer.customerId().getOrNull());
        body.put("email", payer.email().getOrNull());
        body.put("identification", MercadoPagoResponses.fields("type", null, "number", null));
        body.put("first_name", null);
        body.put("last_name", null);
        body.put("entity_type", null);
        return body;
    }

    private static Map<String, Object> transactionDetails(Charge charge, Amount amount) {
        var money = charge.money();
        int installments = charge.payment().installments();
        var body = new LinkedHashMap<String, Object>();
        body.put("net_received_amount", reais(money.captured().minus(money.refunded())));
        body.put("total_paid_amount", reais(amount));
        body.put("overpaid_amount", reais(Amount.ZERO));
        body.put("external_resource_url", null);
        body.put("installment_amount", reais(amount).divide(BigDecimal.valueOf(installments), 2, RoundingMode.HALF_UP));
        body.put("financial_institution", null);
        body.put("payable_deferral_period", null);
        body.put("acquirer_reference", charge.authorization().acquirer().map(a -> a.tid()).getOrNull());
        return body;
    }

    private static Map<String, Object> card(Charge charge) {
        var summary = charge.card();
        var masked = summary.card();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", null);
        body.put("first_six_digits", masked.bin().substring(0, Math.min(6, masked.bin().length())));
        body.put("last_four_digits", masked.lastFour());
        body.put("expiration_month", summary.expiry().month().getMonthValue());
        body.put("expiration_year", summary.expiry().month().getYear());
        body.put("date_created", MercadoPagoResponses.date(charge.createdAt()));
        body.put("date_last_updated", MercadoPagoResponses.date(charge.createdAt()));
        body.put("cardholder", MercadoPagoResponses.fields("name", summary.holder().name(),
                "identification", MercadoPagoResponses.fields("number", null, "type", null)));
        return body;
    }
}
