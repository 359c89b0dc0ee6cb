package dev.cofre.adapters.rest.justclick;

import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.adapters.rest.Problems;
import dev.cofre.adapters.rest.justclick.JustClickRequests.CardRequest;
import dev.cofre.adapters.rest.justclick.JustClickRequests.GetJustClickKeyRequest;
import dev.cofre.adapters.rest.justclick.JustClickRequests.JustClickShopRequest;
import dev.cofre.adapters.rest.justclick.JustClickRequests.Request;
import dev.cofre.adapters.rest.justclick.JustClickRequests.SaveCreditCardRequest;
import dev.cofre.application.charge.Charging;
import dev.cofre.application.charge.JustClickShop;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.DetokenizeCard;
import dev.cofre.application.token.GetJustClickKey;
import dev.cofre.application.token.GetMaskedCreditCard;
import dev.cofre.application.token.InvalidateCreditCard;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.Transaction;
import dev.cofre.domain.charge.TransactionStatus;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.TrustedProxies;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.TokenReference;
import io.javalin.http.Context;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place where a JustClick request becomes a use-case call, for the JSON form and the SOAP
 * form alike: the RequestId check, the MerchantKey, the use case each method runs, and the
 * fields of its answer. The two forms only differ in how they read the request and print the
 * {@link Answer}.
 */
final class JustClickCalls {

    /** What a failed SaveCreditCard answers as its JustClickKey, as the vendor does. */
    static final String NO_KEY = "00000000-0000-0000-0000-000000000000";

    /** Command field names as JustClick spells them. */
    static final Map<String, String> WIRE_NAMES = Map.ofEntries(
            Map.entry("requestId", "RequestId"), Map.entry("customerName", "CustomerName"),
            Map.entry("customerIdentification", "CustomerIdentification"), Map.entry("cardHolder", "CardHolder"),
            Map.entry("cardNumber", "CardNumber"), Map.entry("cardExpiration", "CardExpiration"),
            Map.entry("alias", "JustClickAlias"), Map.entry("reference", "JustClickKey"),
            Map.entry("saveCreditCardRequestId", "SaveCreditCardRequestId"),
            Map.entry("changedBy", "RemovedBy"), Map.entry("reason", "Reason"),
            Map.entry(JustClickShop.AMOUNT, "Amount"), Map.entry(JustClickShop.INSTALLMENTS, "NumberInstallments"),
            Map.entry(JustClickShop.SECURITY_CODE, "SecurityCode"), Map.entry("orderId", "OrderId"),
            Map.entry("paymentMethod", "PaymentMethod"), Map.entry("paymentType", "PaymentType"));

    /**
     * A method's answer: HTTP status (the JSON form's; SOAP answers 200), Success, CorrelationId,
     * ErrorReportCollection, and the method's own fields in seed 004's order (a null value is printed
     * as nil). Success is false when there are errors, and when JustClickShop's card was not charged.
     * Its toString() never prints the fields (GetCreditCard's hold the card number).
     */
    record Answer(JustClickMethod method, int status, String correlationId, boolean success, List<Problem> errors,
                  Map<String, ?> fields) {

        @Override
        public String toString() {
            return "Answer[" + method + ", " + status + ", " + errors.map(Problem::code) + "]";
        }
    }

    private final MerchantAccounts accounts;
    private final Vault vault;
    private final TrustedProxies trustedProxies;
    private final Option<Charging> charging;

    JustClickCalls(MerchantAccounts accounts, Vault vault, TrustedProxies trustedProxies, Option<Charging> charging) {
        this.accounts = accounts;
        this.vault = vault;
        this.trustedProxies = trustedProxies;
        this.charging = charging;
    }

    /** A request that could not be read at all: the method is known, the body is not usable. */
    static Answer unreadable(JustClickMethod method, List<Problem> problems) {
        return failure(method, null, problems);
    }

    /**
     * Calls {@code method} with {@code request}. The caller's address (for GetCreditCard's allow-list)
     * is the TCP peer's; X-Forwarded-For counts only when the peer is a trusted proxy.
     */
    Answer call(Context ctx, JustClickMethod method, Request request) {
        InetAddress source = trustedProxies.source(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")).getOrNull();
        String correlation = Option.of(request.requestId())
                .filter(id -> TokenReference.parse("RequestId", id).isRight()).getOrNull();
        List<Problem> badRequestId = request.requestId() != null && correlation == null
                ? List.of(Problems.field("RequestId", InvalidInput.Kind.INVALID, "must be a GUID"))
                : List.empty();
        var merchant = authenticate(request.merchantKey());
        if (merchant.isLeft()) {
            return failure(method, correlation, badRequestId.prepend(merchant.getLeft()));
        }
        if (!badRequestId.isEmpty() && !method.checksRequestId) {
            // the method runs nothing with a bad RequestId, and still names its other invalid fields
            return failure(method, null, badRequestId.appendAll(keyProblems(request)));
        }
        ctx.attribute(HttpApi.MERCHANT, merchant.get());
        if (method == JustClickMethod.JustClickShop) {
            return shop(merchant.get(), (JustClickShopRequest) request, correlation);
        }
        return run(method, merchant.get(), request, source).fold(
                e -> failure(method, correlation, Problems.of(e, WIRE_NAMES)),
                fields -> new Answer(method, 200, correlation, true, List.empty(), fields));
    }

    /**
     * JustClickShop: the vaulted card charged (captured at once) through the charge engine, and the
     * charge's authorization printed as JustClickShopResult. Success is true only when the card was
     * charged; a decline is Success false with Status 2 and the acquirer's ReturnCode and ReturnMessage;
     * an answer still in doubt is Success false with Status 4, and a retry with the same RequestId
     * answers the charge as reconciliation left it.
     */
    private Answer shop(Merchant merchant, JustClickShopRequest request, String correlation) {
        if (charging.isEmpty()) {
            return failure(JustClickMethod.JustClickShop, correlation,
                    List.of(Problem.of(503, 799, "Charges are not served by this server")));
        }
        return charging.get().justClickShop().shop(merchant, request.toCommand()).fold(
                e -> failure(JustClickMethod.JustClickShop, correlation, Problems.of(e, WIRE_NAMES)),
                charge -> {
                    Transaction t = charge.authorization();
                    var status = ShopStatus.of(t.status());
                    var rejection = t.rejection().map(r -> List.of(new Problem(422, r.code(), r.message(), null)))
                            .getOrElse(List.empty());
                    var fields = new LinkedHashMap<String, Object>();
                    fields.put("BraspagTransactionId", t.gatewayId().toString());
                    t.acquirer().forEach(a -> fields.put("AquirerTransactionId", a.tid()));
                    fields.put("Amount", t.amount().cents());
                    t.acquirer().filter(a -> !a.authCode().isEmpty())
                            .forEach(a -> fields.put("AuthorizationCode", a.authCode()));
                    fields.put("Status", status.code);
                    t.acquirer().forEach(a -> {
                        fields.put("ReturnCode", a.returnCode());
                        fields.put("ReturnMessage", a.message());
                    });
                    if (t.acquirer().isEmpty() && status == ShopStatus.WAITING_ANSWER) {
                        fields.put("ReturnMessage", "No answer from the acquirer yet: retry with the same RequestId");
                    }
                    return new Answer(JustClickMethod.JustClickShop, rejection.isEmpty() ? 200 : 422, correlation,
                            status == ShopStatus.CAPTURED, rejection, java.util.Collections.unmodifiableMap(fields));
                });
    }

    /** JustClickShopResult's Status: the vendor's authorization statuses. */
    enum ShopStatus {
        CAPTURED(0), AUTHORIZED(1), NOT_AUTHORIZED(2), DISQUALIFYING_ERROR(3), WAITING_ANSWER(4);

        final int code;

        ShopStatus(int code) {
            this.code = code;
        }

        /** Every transaction status an authorization can reach has one. */
        static ShopStatus of(TransactionStatus status) {
            switch (status) {
                case CAPTURED:
                case PARTIAL_CAPTURE:
                case PARTIAL_REFUNDED:
                case REFUNDED:
                    return CAPTURED;
                case AUTHORIZED_PENDING_CAPTURE:
                case VOIDED:
                case PARTIAL_VOID:
                    return AUTHORIZED;
                case NOT_AUTHORIZED:
                    return NOT_AUTHORIZED;
                case FAILED:
                    return DISQUALIFYING_ERROR;
                default:
                    return WAITING_ANSWER;
            }
        }
    }

    private Either<DomainError, Map<String, String>> run(JustClickMethod method, Merchant m, Request request,
                                                         InetAddress source) {
        switch (method) {
            case SaveCreditCard: {
                var r = (SaveCreditCardRequest) request;
                return vault.saveCreditCard().save(m.id(), r.toCommand())
                        .map(t -> fields("JustClickKey", t.reference().toString()));
            }
            case GetMaskedCreditCard: {
                var r = (CardRequest) request;
                return vault.getMaskedCreditCard().get(m.id(),
                                new GetMaskedCreditCard.Command(r.justClickKey(), r.justClickAlias()))
                        .map(t -> fields("CardHolder", t.holder().name(), "CardExpiration", t.expiry().format(),
                                "MaskedCardNumber", t.card().binAndLastFour(), "RequestId", r.requestId()));
            }
            case GetCreditCard: {
                var r = (CardRequest) request;
                return vault.detokenize()
                        .detokenize(m.id(), new DetokenizeCard.Command(r.justClickKey(), r.justClickAlias(), source))
                        .map(d -> CardNumberResponse.of(d, r.requestId()).fields());
            }
            case GetJustClickKey: {
                var r = (GetJustClickKeyRequest) request;
                return vault.justClickKey().recover(m.id(), new GetJustClickKey.Command(r.saveCreditCardRequestId()))
                        .map(ref -> fields("JustClickKey", ref.toString()));
            }
            case InvalidateCreditCard: {
                var r = (CardRequest) request;
                return vault.invalidateCreditCard().invalidate(m.id(),
                                new InvalidateCreditCard.Command(r.justClickKey(), r.justClickAlias()))
                        .map(t -> fields());
            }
            default:
                throw new IllegalStateException("unmapped JustClick method " + method);
        }
    }

    /**
     * The key fields of a method whose use case does not read the RequestId, checked by the domain's
     * own parsers, for an answer that already refuses the RequestId: every invalid field at once.
     */
    private static List<Problem> keyProblems(Request request) {
        Option<InvalidInput> invalid = Option.none();
        if (request instanceof CardRequest r) {
            invalid = TokenReference.parse("reference", r.justClickKey()).swap().toOption();
            Option<InvalidInput> alias = Option.of(r.justClickAlias()).filter(a -> !a.isEmpty())
                    .flatMap(a -> Alias.parse("alias", a).swap().toOption());
            invalid = invalid.isEmpty() ? alias : alias.map(invalid.get()::and).orElse(invalid);
        } else if (request instanceof GetJustClickKeyRequest r) {
            invalid = TokenReference.parse("saveCreditCardRequestId", r.saveCreditCardRequestId()).swap().toOption();
        }
        return invalid.map(e -> Problems.of(e, WIRE_NAMES)).getOrElse(List.empty());
    }

    private Either<Problem, Merchant> authenticate(String key) {
        if (key == null || key.isBlank()) {
            return Either.left(new Problem(401, 701, "Merchant key can not be null", "MerchantKey"));
        }
        if (TokenReference.parse("MerchantKey", key).isLeft()) {
            return Either.left(new Problem(401, 702, "Merchant key is not valid", "MerchantKey"));
        }
        return accounts.authenticate().byMerchantKey(key)
                .toEither(new Problem(401, 720, "Merchant JustClick not found", "MerchantKey"));
    }

    /** A refused request; SaveCreditCard and JustClickShop print the empty values the vendor prints. */
    private static Answer failure(JustClickMethod method, String correlation, List<Problem> problems) {
        Map<String, ?> fields = fields();
        if (method == JustClickMethod.SaveCreditCard) {
            fields = fields("JustClickKey", NO_KEY);
        } else if (method == JustClickMethod.JustClickShop) {
            var shop = new LinkedHashMap<String, Object>();
            shop.put("BraspagTransactionId", NO_KEY);
            shop.put("Amount", 0);
            shop.put("Status", null);
            fields = java.util.Collections.unmodifiableMap(shop);
        }
        return new Answer(method, problems.head().status(), correlation, false, problems, fields);
    }

    /** Name-value pairs in order; a null value is left out. */
    static Map<String, String> fields(String... namesAndValues) {
        var map = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put(namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
