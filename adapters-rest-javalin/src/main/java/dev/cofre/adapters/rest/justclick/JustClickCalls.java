package dev.cofre.adapters.rest.justclick;

import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.adapters.rest.Problems;
import dev.cofre.adapters.rest.justclick.JustClickRequests.CardRequest;
import dev.cofre.adapters.rest.justclick.JustClickRequests.GetJustClickKeyRequest;
import dev.cofre.adapters.rest.justclick.JustClickRequests.Request;
import dev.cofre.adapters.rest.justclick.JustClickRequests.SaveCreditCardRequest;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.DetokenizeCard;
import dev.cofre.application.token.GetJustClickKey;
import dev.cofre.application.token.GetMaskedCreditCard;
import dev.cofre.application.token.InvalidateCreditCard;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.TrustedProxies;
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
            Map.entry("changedBy", "RemovedBy"), Map.entry("reason", "Reason"));

    /**
     * A method's answer: HTTP status (the JSON form's; SOAP answers 200), Success, CorrelationId,
     * ErrorReportCollection, and the method's own fields in seed 004's order. Its toString() never
     * prints the fields (GetCreditCard's hold the card number).
     */
    record Answer(JustClickMethod method, int status, String correlationId, List<Problem> errors,
                  Map<String, String> fields) {

        boolean success() {
            return errors.isEmpty();
        }

        @Override
        public String toString() {
            return "Answer[" + method + ", " + status + ", " + errors.map(Problem::code) + "]";
        }
    }

    private final MerchantAccounts accounts;
    private final Vault vault;
    private final TrustedProxies trustedProxies;

    JustClickCalls(MerchantAccounts accounts, Vault vault, TrustedProxies trustedProxies) {
        this.accounts = accounts;
        this.vault = vault;
        this.trustedProxies = trustedProxies;
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
        if (request.requestId() != null && correlation == null) {
            return failure(method, null, List.of(Problems.field("RequestId", InvalidInput.Kind.INVALID, "must be a GUID")));
        }
        var merchant = authenticate(request.merchantKey());
        if (merchant.isLeft()) {
            return failure(method, correlation, List.of(merchant.getLeft()));
        }
        ctx.attribute(HttpApi.MERCHANT, merchant.get());
        return run(method, merchant.get(), request, source).fold(
                e -> failure(method, correlation, Problems.of(e, WIRE_NAMES)),
                fields -> new Answer(method, 200, correlation, List.empty(), fields));
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

    private static Answer failure(JustClickMethod method, String correlation, List<Problem> problems) {
        var fields = method == JustClickMethod.SaveCreditCard ? fields("JustClickKey", NO_KEY) : fields();
        return new Answer(method, problems.head().status(), correlation, problems, fields);
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
