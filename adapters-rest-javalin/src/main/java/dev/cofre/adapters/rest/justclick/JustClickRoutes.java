package dev.cofre.adapters.rest.justclick;

import dev.cofre.adapters.rest.Dialect;
import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.adapters.rest.Problems;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.DetokenizeCard;
import dev.cofre.application.token.GetJustClickKey;
import dev.cofre.application.token.GetMaskedCreditCard;
import dev.cofre.application.token.InvalidateCreditCard;
import dev.cofre.application.token.SaveCreditCard;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.token.TokenReference;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.net.InetAddress;
import java.util.Map;

/**
 * Seed 004's JustClick methods as JSON over {@code POST /justclick/{Method}}. The MerchantKey in
 * each body authenticates the merchant; every answer carries Success, the CorrelationId (the
 * request's RequestId) and an ErrorReportCollection with seed 004's codes.
 */
public final class JustClickRoutes {

    public static final Dialect DIALECT = (ctx, problems) -> fail(ctx, null, problems);

    /** Command field names as JustClick spells them. */
    static final Map<String, String> WIRE_NAMES = Map.ofEntries(
            Map.entry("requestId", "RequestId"), Map.entry("customerName", "CustomerName"),
            Map.entry("customerIdentification", "CustomerIdentification"), Map.entry("cardHolder", "CardHolder"),
            Map.entry("cardNumber", "CardNumber"), Map.entry("cardExpiration", "CardExpiration"),
            Map.entry("alias", "JustClickAlias"), Map.entry("reference", "JustClickKey"),
            Map.entry("saveCreditCardRequestId", "SaveCreditCardRequestId"),
            Map.entry("changedBy", "RemovedBy"), Map.entry("reason", "Reason"));

    private JustClickRoutes() {
    }

    public static void register(JavalinDefaultRoutingApi routes, MerchantAccounts accounts, Vault vault) {
        routes.post("/justclick/SaveCreditCard", ctx -> handle(ctx, accounts, SaveCreditCardRequest.class,
                (m, r) -> vault.saveCreditCard().save(m.id(), r.toCommand())
                        .map(t -> new SaveCreditCardResponse(t.reference().toString(), r.requestId(), true, java.util.List.of()))));
        routes.post("/justclick/GetMaskedCreditCard", ctx -> handle(ctx, accounts, CardRequest.class,
                (m, r) -> vault.getMaskedCreditCard().get(m.id(),
                                new GetMaskedCreditCard.Command(r.justClickKey(), r.justClickAlias()))
                        .map(t -> MaskedCardResponse.of(t, r.requestId()))));
        routes.post("/justclick/GetCreditCard", ctx -> handle(ctx, accounts, CardRequest.class,
                (m, r) -> readCard(ctx, vault, m, r)));
        routes.post("/justclick/GetJustClickKey", ctx -> handle(ctx, accounts, GetJustClickKeyRequest.class,
                (m, r) -> vault.justClickKey().recover(m.id(), new GetJustClickKey.Command(r.saveCreditCardRequestId()))
                        .map(ref -> new JustClickKeyResponse(ref.toString(), r.requestId(), true, java.util.List.of()))));
        routes.post("/justclick/InvalidateCreditCard", ctx -> handle(ctx, accounts, CardRequest.class,
                (m, r) -> vault.invalidateCreditCard().invalidate(m.id(),
                                new InvalidateCreditCard.Command(r.justClickKey(), r.justClickAlias()))
                        .map(t -> new InvalidateResponse(r.requestId(), true, java.util.List.of()))));
    }

    /** What every method shares: a body, a RequestId that is a GUID if given, a known MerchantKey. */
    private interface Request {
        String merchantKey();

        String requestId();
    }

    private static <R extends Request> void handle(Context ctx, MerchantAccounts accounts, Class<R> type,
                                                   java.util.function.BiFunction<Merchant, R, Either<DomainError, ?>> call) {
        Either<List<Problem>, R> request = Json.read(ctx, type, null).mapLeft(List::of);
        if (request.isLeft()) {
            fail(ctx, null, request.getLeft());
            return;
        }
        R r = request.get();
        String correlation = Option.of(r.requestId())
                .filter(id -> TokenReference.parse("RequestId", id).isRight()).getOrNull();
        if (r.requestId() != null && correlation == null) {
            fail(ctx, null, List.of(Problems.field("RequestId", InvalidInput.Kind.INVALID, "must be a GUID")));
            return;
        }
        var merchant = authenticate(ctx, accounts, r.merchantKey());
        if (merchant.isLeft()) {
            fail(ctx, correlation, List.of(merchant.getLeft()));
            return;
        }
        call.apply(merchant.get(), r).fold(
                e -> fail(ctx, correlation, Problems.of(e, WIRE_NAMES)),
                body -> {
                    Json.write(ctx, 200, body);
                    return null;
                });
    }

    private static Either<Problem, Merchant> authenticate(Context ctx, MerchantAccounts accounts, String key) {
        if (key == null || key.isBlank()) {
            return Either.left(new Problem(401, 701, "Merchant key can not be null", "MerchantKey"));
        }
        if (TokenReference.parse("MerchantKey", key).isLeft()) {
            return Either.left(new Problem(401, 702, "Merchant key is not valid", "MerchantKey"));
        }
        return accounts.authenticate().byMerchantKey(key)
                .peek(m -> ctx.attribute(HttpApi.MERCHANT, m))
                .toEither(new Problem(401, 720, "Merchant JustClick not found", "MerchantKey"));
    }

    /** GetCreditCard: the use case checks the caller's address against the allow-list and audits the read. */
    private static Either<DomainError, CardNumberResponse> readCard(Context ctx, Vault vault, Merchant m, CardRequest r) {
        InetAddress source = Try.of(() -> InetAddress.getByName(ctx.ip().replace("[", "").replace("]", ""))).getOrNull();
        return vault.detokenize().detokenize(m.id(), new DetokenizeCard.Command(r.justClickKey(), r.justClickAlias(), source))
                .map(d -> CardNumberResponse.of(d, r.requestId()));
    }

    private static Void fail(Context ctx, String correlationId, List<Problem> problems) {
        Json.write(ctx, problems.head().status(),
                new FailureResponse(correlationId, false, problems.map(ErrorReport::of).toJavaList()));
        return null;
    }


    record SaveCreditCardRequest(@com.fasterxml.jackson.annotation.JsonProperty("MerchantKey") String merchantKey,
                                 @com.fasterxml.jackson.annotation.JsonProperty("CustomerIdentification") String customerIdentification,
                                 @com.fasterxml.jackson.annotation.JsonProperty("CustomerName") String customerName,
                                 @com.fasterxml.jackson.annotation.JsonProperty("CardHolder") String cardHolder,
                                 @com.fasterxml.jackson.annotation.JsonProperty("CardNumber") String cardNumber,
                                 @com.fasterxml.jackson.annotation.JsonProperty("CardExpiration") String cardExpiration,
                                 @com.fasterxml.jackson.annotation.JsonProperty("JustClickAlias") String justClickAlias,
                                 @com.fasterxml.jackson.annotation.JsonProperty("RequestId") String requestId,
                                 @com.fasterxml.jackson.annotation.JsonProperty("Version") String version) implements Request {

        SaveCreditCard.Command toCommand() {
            return new SaveCreditCard.Command(requestId, customerName, customerIdentification, cardHolder, cardNumber,
                    cardExpiration, justClickAlias);
        }

        @Override
        public String toString() {
            return "SaveCreditCardRequest[" + requestId + "]";
        }
    }

    /** GetMaskedCreditCard, GetCreditCard and InvalidateCreditCard take the same request. */
    record CardRequest(@com.fasterxml.jackson.annotation.JsonProperty("MerchantKey") String merchantKey,
                       @com.fasterxml.jackson.annotation.JsonProperty("JustClickKey") String justClickKey,
                       @com.fasterxml.jackson.annotation.JsonProperty("JustClickAlias") String justClickAlias,
                       @com.fasterxml.jackson.annotation.JsonProperty("RequestId") String requestId,
                       @com.fasterxml.jackson.annotation.JsonProperty("Version") String version) implements Request {
        @Override
        public String toString() {
            return "CardRequest[" + justClickKey + "]";
        }
    }

    record GetJustClickKeyRequest(@com.fasterxml.jackson.annotation.JsonProperty("MerchantKey") String merchantKey,
                                  @com.fasterxml.jackson.annotation.JsonProperty("SaveCreditCardRequestId") String saveCreditCardRequestId,
                                  @com.fasterxml.jackson.annotation.JsonProperty("RequestId") String requestId,
                                  @com.fasterxml.jackson.annotation.JsonProperty("Version") String version) implements Request {
        @Override
        public String toString() {
            return "GetJustClickKeyRequest[" + requestId + "]";
        }
    }
}
