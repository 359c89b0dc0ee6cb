package dev.cofre.adapters.rest.vault;

import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.adapters.rest.Problems;
import dev.cofre.adapters.rest.oauth.OAuthDialect;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.ChangeTokenStatus;
import dev.cofre.application.token.TokenizeCard;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Token;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.Function2;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 003's protected-card API: tokenize, get, find by alias, remove, suspend, reactivate (also
 * as {@code unsuspend}). It accepts what the vendor's clients send: paths in any case, no body on
 * status changes, unknown JSON fields, and a {@code MerchantId} header that must name the bearer's
 * merchant. Every route needs a bearer token; another merchant's token is "not found".
 */
public final class VaultDialect implements ApiDialect {

    /** Command field names as this dialect spells them on the wire. */
    static final Map<String, String> WIRE_NAMES = Map.of(
            "number", "Card.Number", "holder", "Card.Holder", "expiration", "Card.ExpirationDate",
            "securityCode", "Card.SecurityCode", "alias", "Alias", "idempotencyKey", "Idempotency-Key",
            "reference", "TokenReference", "changedBy", "RemovedBy", "reason", "Reason");

    /** What a status change without a body means: the merchant asked, for no particular reason. */
    static final StatusChangeRequest DEFAULT_CHANGE = new StatusChangeRequest("Merchant", "Other");

    private final MerchantAccounts accounts;
    private final Vault vault;

    public VaultDialect(MerchantAccounts accounts, Vault vault) {
        this.accounts = accounts;
        this.vault = vault;
    }

    @Override
    public String name() {
        return "vault";
    }

    @Override
    public List<String> paths() {
        return List.of("/v1/Token", "/v1/Alias");
    }

    @Override
    public void routes(JavalinDefaultRoutingApi routes) {
        routes.post("/v1/Token", authenticated(ctx -> Json.readAll(ctx, TokenizeRequest.class, null)
                .map(r -> r.toCommand(ctx.header("Idempotency-Key")))
                .fold(problems -> refuse(ctx, problems), c -> answer(ctx, 201,
                        vault.tokenize().tokenize(merchant(ctx), c).map(t -> VaultTokenResponse.of(t, baseUrl(ctx)))))));
        routes.get("/v1/Token/{TokenReference}", authenticated(ctx -> answer(ctx, 200,
                vault.get().get(merchant(ctx), ctx.pathParam("TokenReference"))
                        .map(t -> VaultTokenResponse.of(t, baseUrl(ctx))))));
        routes.get("/v1/Alias/{Alias}/TokenReference", authenticated(ctx -> answer(ctx, 200,
                vault.findByAlias().find(merchant(ctx), ctx.pathParam("Alias"))
                        .map(t -> new AliasResponse(t.reference().toString())))));
        routes.delete("/v1/Token/{TokenReference}", authenticated(ctx -> change(ctx, vault.changeStatus()::remove)));
        routes.put("/v1/Token/{TokenReference}/suspend", authenticated(ctx -> change(ctx, vault.changeStatus()::suspend)));
        routes.put("/v1/Token/{TokenReference}/reactivate",
                authenticated(ctx -> change(ctx, vault.changeStatus()::reactivate)));
        routes.put("/v1/Token/{TokenReference}/unsuspend",
                authenticated(ctx -> change(ctx, vault.changeStatus()::reactivate)));
    }

    /** The bearer check, then the vendor's {@code MerchantId} header, which must name the bearer's merchant. */
    private Handler authenticated(Handler handler) {
        return ctx -> {
            var merchant = OAuthDialect.authenticate(ctx, accounts, this);
            if (merchant.isEmpty()) {
                return;
            }
            if (!sameMerchant(ctx.header("MerchantId"), merchant.get())) {
                ctx.header("WWW-Authenticate",
                        "Bearer realm=\"cofre\", error=\"invalid_token\", error_description=\"MerchantId does not match\"");
                fail(ctx, Problem.of(401, Problem.UNAUTHENTICATED,
                        "The MerchantId header names another merchant than the access token's"));
                return;
            }
            handler.handle(ctx);
        };
    }

    /** An absent or blank header is accepted; one that is present must be the merchant's id. */
    static boolean sameMerchant(String header, Merchant merchant) {
        if (header == null || header.isBlank()) {
            return true;
        }
        return Option.of(header.trim())
                .flatMap(h -> io.vavr.control.Try.of(() -> UUID.fromString(h)).toOption())
                .contains(merchant.id().value());
    }

    private void change(Context ctx,
                        Function2<MerchantId, ChangeTokenStatus.Command, Either<DomainError, Token>> useCase) {
        Json.readAll(ctx, StatusChangeRequest.class, DEFAULT_CHANGE)
                .map(r -> new ChangeTokenStatus.Command(ctx.pathParam("TokenReference"), r.removedBy(), r.reason()))
                .fold(p -> refuse(ctx, p), c -> answer(ctx, 200,
                        useCase.apply(merchant(ctx), c).map(t -> StatusResponse.of(t, baseUrl(ctx)))));
    }

    private Void answer(Context ctx, int status, Either<DomainError, ?> result) {
        result.fold(e -> {
            fail(ctx, Problems.of(e, WIRE_NAMES));
            return null;
        }, body -> {
            Json.write(ctx, status, body);
            return null;
        });
        return null;
    }

    private Void refuse(Context ctx, io.vavr.collection.List<Problem> problems) {
        fail(ctx, problems);
        return null;
    }

    /** The vault's error list: {@code [{"Code": 708, "Message": "...", "Field": "Card.Number"}]}. */
    @Override
    public Rendered render(List<Problem> problems) {
        return Rendered.json(problems.head().status(), problems.map(ErrorItem::of).toJavaList());
    }

    private static MerchantId merchant(Context ctx) {
        return ctx.<Merchant>attribute(HttpApi.MERCHANT).id();
    }

    /** The base URL the caller used, so Links point back at this server. */
    private static String baseUrl(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + ctx.contextPath();
    }

    static TokenizeCard.Command command(TokenizeRequest r, String idempotencyKey) {
        var card = r.card() == null ? new TokenizeRequest.CardRequest(null, null, null, null) : r.card();
        return new TokenizeCard.Command(r.alias(), card.number(), card.holder(), card.expirationDate(),
                card.securityCode(), idempotencyKey);
    }
}
