package dev.cofre.adapters.rest.oauth;

import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.adapters.rest.Problems;
import dev.cofre.application.merchant.IssueAccessToken;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.domain.merchant.MerchantError;
import dev.cofre.domain.merchant.Merchant;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * OAuth2 client credentials (seed 003): {@code POST /oauth2/token} with HTTP Basic client
 * credentials; and the bearer check every vault route runs first. Errors are RFC 6749's.
 */
public final class OAuthDialect implements ApiDialect {

    private final MerchantAccounts accounts;

    public OAuthDialect(MerchantAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "oauth";
    }

    @Override
    public List<String> paths() {
        return List.of("/oauth2");
    }

    @Override
    public void routes(JavalinDefaultRoutingApi routes) {
        routes.post("/oauth2/token", ctx -> token(ctx, accounts));
    }

    private void token(Context ctx, MerchantAccounts accounts) {
        ctx.header("Cache-Control", "no-store");
        String contentType = Option.of(ctx.contentType()).getOrElse("").toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/x-www-form-urlencoded")) {
            fail(ctx, Problem.of(415, Problem.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/x-www-form-urlencoded"));
            return;
        }
        var grant = ctx.formParams("grant_type");
        if (grant.size() != 1 || !grant.get(0).equals("client_credentials")) {
            fail(ctx, Problem.of(400, grant.isEmpty() ? 400 : 401,
                    grant.isEmpty() ? "grant_type is required" : "grant_type must be client_credentials"));
            return;
        }
        var credentials = basicCredentials(ctx.header("Authorization"));
        if (credentials.isEmpty()) {
            fail(ctx, Problem.of(401, Problem.UNAUTHENTICATED,
                    "Authorization: Basic base64(client_id:client_secret) is required"));
            return;
        }
        Either<MerchantError, IssueAccessToken.Issued> issued =
                accounts.issueAccessToken().issue(credentials.get()[0], credentials.get()[1],
                        ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For")); // the socket's, unless a trusted proxy
        issued.peekLeft(e -> {
            if (e instanceof MerchantError.TooManyFailures t) {
                ctx.header("Retry-After", String.valueOf(t.retryAfterSeconds()));
            }
        }).fold(e -> {
            fail(ctx, Problems.of(e, java.util.Map.of()));
            return null;
        }, t -> {
            Json.write(ctx, 200, new AccessTokenResponse(t.accessToken(), "bearer", t.expiresIn()));
            return null;
        });
    }

    /**
     * The merchant behind {@code Authorization: Bearer ...}, or a 401 with a WWW-Authenticate
     * challenge already written in {@code dialect}'s format.
     */
    public static Option<Merchant> authenticate(Context ctx, MerchantAccounts accounts, ApiDialect dialect) {
        String header = Option.of(ctx.header("Authorization")).getOrElse("").trim();
        if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"cofre\"");
            dialect.fail(ctx, Problem.of(401, Problem.UNAUTHENTICATED,
                    "Authorization: Bearer <access_token> is required; get one at POST /oauth2/token"));
            return Option.none();
        }
        var merchant = accounts.authenticate().byBearer(header.substring(7).trim());
        if (merchant.isEmpty()) {
            ctx.header("WWW-Authenticate",
                    "Bearer realm=\"cofre\", error=\"invalid_token\", error_description=\"expired or unknown\"");
            dialect.fail(ctx, Problem.of(401, Problem.UNAUTHENTICATED, "The access token is expired or unknown"));
            return Option.none();
        }
        ctx.attribute(HttpApi.MERCHANT, merchant.get());
        return merchant;
    }

    private static Option<String[]> basicCredentials(String header) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Option.none();
        }
        return Try.of(() -> new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8))
                .toOption()
                .filter(s -> s.indexOf(':') > 0)
                .map(s -> new String[] {s.substring(0, s.indexOf(':')), s.substring(s.indexOf(':') + 1)});
    }

    /** RFC 6749 section 5.2: {@code {"error": ..., "error_description": ...}}, with a Basic challenge on 401. */
    @Override
    public Rendered render(List<Problem> problems) {
        Problem p = problems.head();
        var rendered = Rendered.json(p.status(), new ErrorResponse(errorOf(p), p.message()));
        return p.status() == 401 ? rendered.withHeader("WWW-Authenticate", "Basic realm=\"cofre\"") : rendered;
    }

    private static String errorOf(Problem p) {
        if (p.code() == 401) {
            return "unsupported_grant_type";
        }
        switch (p.status()) {
            case 401: return "invalid_client";
            case 429: return "invalid_client";
            case 404: return "not_found";
            case 405: return "method_not_allowed";
            case 500: return "server_error";
            case 503: return "temporarily_unavailable";
            default: return "invalid_request";
        }
    }
}
