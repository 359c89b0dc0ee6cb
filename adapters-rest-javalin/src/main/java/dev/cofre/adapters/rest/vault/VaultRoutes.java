package dev.cofre.adapters.rest.vault;

import dev.cofre.adapters.rest.Dialect;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.adapters.rest.Problems;
import dev.cofre.adapters.rest.oauth.OAuthRoutes;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.ChangeTokenStatus;
import dev.cofre.application.token.TokenizeCard;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Token;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.Function2;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.Map;

/**
 * Seed 003's protected-card API under {@code /v1}: tokenize, get, find by alias, remove, suspend,
 * reactivate. Every route needs a bearer token; another merchant's token is "not found".
 */
public final class VaultRoutes {

    public static final Dialect DIALECT = VaultRoutes::fail;

    /** Command field names as this dialect spells them on the wire. */
    static final Map<String, String> WIRE_NAMES = Map.of(
            "number", "Card.Number", "holder", "Card.Holder", "expiration", "Card.ExpirationDate",
            "securityCode", "Card.SecurityCode", "alias", "Alias", "idempotencyKey", "Idempotency-Key",
            "reference", "TokenReference", "changedBy", "RemovedBy", "reason", "Reason");

    private static final StatusChangeRequest DEFAULT_CHANGE = new StatusChangeRequest("Merchant", "Other");

    private VaultRoutes() {
    }

    public static void register(JavalinDefaultRoutingApi routes, MerchantAccounts accounts, Vault vault) {
        routes.before("/v1/*", ctx -> {
            if (OAuthRoutes.authenticate(ctx, accounts, DIALECT).isEmpty()) {
                ctx.skipRemainingHandlers();
            }
        });
        routes.post("/v1/Token", ctx -> Json.read(ctx, TokenizeRequest.class, null)
                .map(r -> r.toCommand(ctx.header("Idempotency-Key")))
                .fold(p -> fail(ctx, p), c -> answer(ctx, 201,
                        vault.tokenize().tokenize(merchant(ctx), c).map(t -> TokenResponse.of(t, baseUrl(ctx))))));
        routes.get("/v1/Token/{TokenReference}", ctx -> answer(ctx, 200,
                vault.get().get(merchant(ctx), ctx.pathParam("TokenReference"))
                        .map(t -> TokenResponse.of(t, baseUrl(ctx)))));
        routes.get("/v1/Alias/{Alias}/TokenReference", ctx -> answer(ctx, 200,
                vault.findByAlias().find(merchant(ctx), ctx.pathParam("Alias"))
                        .map(t -> new AliasResponse(t.reference().toString()))));
        routes.delete("/v1/Token/{TokenReference}", ctx -> change(ctx, null, vault.changeStatus()::remove));
        routes.put("/v1/Token/{TokenReference}/suspend", ctx -> change(ctx, null, vault.changeStatus()::suspend));
        routes.put("/v1/Token/{TokenReference}/reactivate",
                ctx -> change(ctx, DEFAULT_CHANGE, vault.changeStatus()::reactivate));
    }

    private static void change(Context ctx, StatusChangeRequest whenEmpty,
                               Function2<MerchantId, ChangeTokenStatus.Command, Either<DomainError, Token>> useCase) {
        Json.read(ctx, StatusChangeRequest.class, whenEmpty)
                .map(r -> new ChangeTokenStatus.Command(ctx.pathParam("TokenReference"), r.removedBy(), r.reason()))
                .fold(p -> fail(ctx, p), c -> answer(ctx, 200,
                        useCase.apply(merchant(ctx), c).map(t -> StatusResponse.of(t, baseUrl(ctx)))));
    }

    private static Void answer(Context ctx, int status, Either<DomainError, ?> result) {
        result.fold(e -> fail(ctx, Problems.of(e, WIRE_NAMES)), body -> {
            Json.write(ctx, status, body);
            return null;
        });
        return null;
    }

    private static MerchantId merchant(Context ctx) {
        return ctx.<dev.cofre.domain.merchant.Merchant>attribute(dev.cofre.adapters.rest.HttpApi.MERCHANT).id();
    }

    /** The base URL the caller used, so Links point back at this server. */
    private static String baseUrl(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + ctx.contextPath();
    }

    private static Void fail(Context ctx, Problem problem) {
        return fail(ctx, List.of(problem));
    }

    private static Void fail(Context ctx, List<Problem> problems) {
        Json.write(ctx, problems.head().status(), problems.map(ErrorItem::of).toJavaList());
        return null;
    }

    static TokenizeCard.Command command(TokenizeRequest r, String idempotencyKey) {
        var card = r.card() == null ? new TokenizeRequest.CardRequest(null, null, null, null) : r.card();
        return new TokenizeCard.Command(r.alias(), card.number(), card.holder(), card.expirationDate(),
                card.securityCode(), idempotencyKey);
    }
}
