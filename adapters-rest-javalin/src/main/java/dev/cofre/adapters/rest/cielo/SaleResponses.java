package dev.cofre.adapters.rest.cielo;

import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.OperationType;
import dev.cofre.domain.charge.Transaction;
import dev.cofre.domain.charge.TransactionKind;
import dev.cofre.domain.charge.TransactionStatus;
import dev.cofre.domain.token.TokenReference;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sales in the vendor's response shape: {@code MerchantOrderId}, {@code Customer} and {@code Payment} with
 * PaymentId, the vendor's numeric Status, ReturnCode and ReturnMessage, Tid, ProofOfSale, AuthorizationCode,
 * CapturedAmount, VoidedAmount, the masked card (with its CardToken once saved) and Links back to this server.
 */
final class SaleResponses {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private SaleResponses() {
    }

    /**
     * The vendor's Status for each of the engine's 14 transaction statuses (the README's table): a charge's
     * Status is its last transaction's.
     */
    static int status(TransactionStatus status) {
        return switch (status) {
            case AUTHORIZED_PENDING_CAPTURE -> 1;
            case CAPTURED, PARTIAL_CAPTURE, PARTIAL_REFUNDED -> 2;
            case NOT_AUTHORIZED -> 3;
            case VOIDED, PARTIAL_VOID -> 10;
            case REFUNDED -> 11;
            case WAITING_CAPTURE, WAITING_CANCELLATION, WITH_ERROR, ERROR_ON_VOIDING, ERROR_ON_REFUNDING -> 12;
            case FAILED -> 13;
        };
    }

    static Map<String, Object> sale(Charge charge, String base) {
        var sale = new LinkedHashMap<String, Object>();
        sale.put("MerchantOrderId", charge.order().items().head().description());
        var customer = new LinkedHashMap<String, Object>();
        charge.payment().metadata().entries().get(SaleRequest.CUSTOMER_NAME_KEY).forEach(n -> customer.put("Name", n));
        sale.put("Customer", customer);
        sale.put("Payment", payment(charge, base));
        return sale;
    }

    private static Map<String, Object> payment(Charge charge, String base) {
        Transaction auth = charge.authorization();
        var p = new LinkedHashMap<String, Object>();
        p.put("ServiceTaxAmount", 0);
        p.put("Installments", charge.payment().installments());
        p.put("Interest", "ByMerchant");
        p.put("Capture", charge.payment().operationType() == OperationType.AUTH_AND_CAPTURE);
        p.put("Authenticate", false);
        p.put("CreditCard", card(charge));
        auth.acquirer().forEach(a -> {
            p.put("ProofOfSale", a.nsu());
            p.put("Tid", a.tid());
            if (!a.authCode().isEmpty()) {
                p.put("AuthorizationCode", a.authCode());
            }
        });
        charge.payment().statementDescriptor().forEach(d -> p.put("SoftDescriptor", d.text()));
        String paymentId = PaymentIds.of(charge.id()).toString();
        p.put("PaymentId", paymentId);
        p.put("Type", "CreditCard");
        p.put("Amount", charge.amount().cents());
        p.put("ReceivedDate", DATE.format(charge.createdAt()));
        var money = charge.money();
        if (money.captured().cents() > 0) {
            p.put("CapturedAmount", money.captured().cents());
            last(charge, TransactionKind.CAPTURE).forEach(at -> p.put("CapturedDate", DATE.format(at)));
        }
        long voided = money.voided().cents() + money.refunded().cents();
        if (voided > 0) {
            p.put("VoidedAmount", voided);
            last(charge, TransactionKind.VOID, TransactionKind.REFUND).forEach(at -> p.put("VoidedDate", DATE.format(at)));
        }
        p.put("Currency", "BRL");
        p.put("Country", "BRA");
        returned(p, auth);
        p.put("Status", status(charge.lastTransaction().status()));
        p.put("Links", links(charge, base, paymentId));
        return p;
    }

    /** The answer to a capture or a void: where the payment now stands and what the operation's acquirer said. */
    static Map<String, Object> followUp(Charge charge, String base) {
        Transaction t = charge.lastTransaction();
        var r = new LinkedHashMap<String, Object>();
        r.put("Status", status(t.status()));
        boolean done = t.tookEffect();
        boolean inDoubt = t.status().isInDoubt();
        r.put("ReasonCode", done ? 0 : inDoubt ? 9 : 7);
        r.put("ReasonMessage", done ? "Successful" : inDoubt ? "Waiting" : "Denied");
        t.acquirer().forEach(a -> {
            r.put("ProviderReturnCode", a.returnCode());
            r.put("ProviderReturnMessage", a.message());
        });
        returned(r, t);
        charge.authorization().acquirer().forEach(a -> {
            r.put("Tid", a.tid());
            r.put("ProofOfSale", a.nsu());
            if (!a.authCode().isEmpty()) {
                r.put("AuthorizationCode", a.authCode());
            }
        });
        r.put("Links", links(charge, base, PaymentIds.of(charge.id()).toString()));
        return r;
    }

    /** ReturnCode and ReturnMessage: the acquirer's, or Cofre's reason for refusing before asking it. */
    private static void returned(Map<String, Object> into, Transaction t) {
        if (t.acquirer().isDefined()) {
            into.put("ReturnCode", t.acquirer().get().returnCode());
            into.put("ReturnMessage", t.acquirer().get().message());
        } else if (t.rejection().isDefined()) {
            into.put("ReturnCode", String.valueOf(t.rejection().get().code()));
            into.put("ReturnMessage", t.rejection().get().message());
        } else if (t.answer().contains(AcquirerAnswer.Kind.UNKNOWN) || t.status().isInDoubt()) {
            into.put("ReturnCode", "99");
            into.put("ReturnMessage", "Time Out");
        }
    }

    private static Map<String, Object> card(Charge charge) {
        var c = new LinkedHashMap<String, Object>();
        var card = charge.card();
        c.put("CardNumber", card.card().binAndLastFour());
        c.put("Holder", card.holder().name());
        c.put("ExpirationDate", card.expiry().format());
        c.put("SaveCard", card.vaulted().isDefined() && card.source() != dev.cofre.domain.charge.CardSource.Kind.CARD_ID);
        card.vaulted().map(TokenReference::toString).forEach(token -> c.put("CardToken", token));
        c.put("Brand", card.brand().displayName());
        return c;
    }

    private static io.vavr.control.Option<Instant> last(Charge charge, TransactionKind... kinds) {
        var wanted = List.of(kinds);
        return charge.transactions().filter(t -> wanted.contains(t.kind()) && t.tookEffect()).lastOption()
                .map(Transaction::updatedAt);
    }

    private static List<Map<String, Object>> links(Charge charge, String base, String paymentId) {
        String self = base + "/1/sales/" + paymentId;
        var links = new java.util.ArrayList<Map<String, Object>>();
        links.add(link("GET", "self", self));
        var status = charge.lastTransaction().status();
        if (status == TransactionStatus.AUTHORIZED_PENDING_CAPTURE) {
            links.add(link("PUT", "capture", self + "/capture"));
        }
        if (!status.isTerminal() && !status.isInDoubt()) {
            links.add(link("PUT", "void", self + "/void"));
        }
        return links;
    }

    private static Map<String, Object> link(String method, String rel, String href) {
        var l = new LinkedHashMap<String, Object>();
        l.put("Method", method);
        l.put("Rel", rel);
        l.put("Href", href);
        return l;
    }
}
