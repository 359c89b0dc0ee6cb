package dev.cofre.adapters.rest.browser;

import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.application.merchant.PublishableKeyAccess;
import dev.cofre.domain.merchant.Merchant;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.vavr.control.Either;

/**
 * Requests a browser makes with a merchant's publishable key (Mercado Pago's {@code ?public_key=},
 * Pagar.me's {@code ?appId=}): the key names the merchant, and a page may use it only from an origin
 * the merchant configured ({@code merchants set-origins}), or from Cofre's own origin (the demo page).
 * A request with no {@code Origin} is not a browser's, and CORS does not apply to it. CORS headers are
 * only ever written here, so every other route answers without them.
 */
public final class PublicKeyRequests {

    private static final String MAX_AGE = "600";

    private final PublishableKeyAccess keys;

    public PublicKeyRequests(PublishableKeyAccess keys) {
        this.keys = keys;
    }

    /** What a card-token route does for the merchant the key named. */
    public interface MerchantHandler {
        void handle(Context ctx, Merchant merchant) throws Exception;
    }

    /**
     * {@code byKey} for a request carrying {@code param} and no {@code Authorization} (a browser's), else
     * {@code otherwise} (the merchant's server, with its secret credentials).
     */
    public static Handler orElse(String param, Handler byKey, Handler otherwise) {
        return ctx -> (ctx.header("Authorization") == null && ctx.queryParam(param) != null ? byKey : otherwise)
                .handle(ctx);
    }

    /**
     * The route, for the merchant whose key {@code param} holds, answering the page's origin with the CORS
     * headers; a missing or unknown key, or an origin not allowed, is a 401 in {@code dialect}'s format.
     */
    public Handler admit(PublishableKeyAccess.Kind kind, String param, ApiDialect dialect, MerchantHandler then) {
        return ctx -> {
            Either<String, Merchant> admitted = admitted(ctx, kind, param);
            if (admitted.isLeft()) {
                dialect.fail(ctx, Problem.of(401, Problem.UNAUTHENTICATED, admitted.getLeft()));
                return;
            }
            allowOrigin(ctx);
            ctx.attribute(HttpApi.MERCHANT, admitted.get());
            then.handle(ctx, admitted.get());
        };
    }

    /**
     * The CORS preflight of a card-token route: 204 with the allowed method and headers for an allowed
     * origin; otherwise a 403 in {@code dialect}'s format without any CORS header, so the browser stops.
     */
    public Handler preflight(PublishableKeyAccess.Kind kind, String param, ApiDialect dialect, String allowedHeaders) {
        return ctx -> {
            String origin = ctx.header("Origin");
            Either<String, Merchant> admitted = origin == null
                    ? Either.left("a CORS preflight carries an Origin")
                    : admitted(ctx, kind, param);
            if (admitted.isLeft()) {
                dialect.fail(ctx, Problem.of(403, Problem.UNAUTHENTICATED, admitted.getLeft()));
                return;
            }
            allowOrigin(ctx);
            ctx.header("Access-Control-Allow-Methods", "POST");
            ctx.header("Access-Control-Allow-Headers", allowedHeaders);
            ctx.header("Access-Control-Max-Age", MAX_AGE);
            ctx.status(204);
            ctx.attribute(HttpApi.ANSWERED, true);
        };
    }

    private Either<String, Merchant> admitted(Context ctx, PublishableKeyAccess.Kind kind, String param) {
        String key = ctx.queryParam(param);
        if (key == null || key.isBlank()) {
            return Either.left(param + " is required");
        }
        var merchant = keys.authenticate(kind, key.strip());
        if (merchant.isEmpty()) {
            return Either.left("invalid " + param);
        }
        String origin = ctx.header("Origin");
        if (origin != null && !sameOrigin(ctx, origin) && !keys.allows(merchant.get().id(), origin)) {
            return Either.left("this origin may not use this " + param + "; the merchant allows its origins with"
                    + " merchants set-origins");
        }
        return Either.right(merchant.get());
    }

    /** A page Cofre served itself (the demo checkout): a browser never sends another site's origin as this. */
    private static boolean sameOrigin(Context ctx, String origin) {
        String host = ctx.header("Host");
        return host != null && origin.equalsIgnoreCase(ctx.scheme() + "://" + host);
    }

    private static void allowOrigin(Context ctx) {
        String origin = ctx.header("Origin");
        ctx.header("Vary", "Origin");
        if (origin != null) {
            ctx.header("Access-Control-Allow-Origin", origin);
        }
    }
}
