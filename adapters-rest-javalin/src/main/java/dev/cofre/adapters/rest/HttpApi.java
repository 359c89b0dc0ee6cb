package dev.cofre.adapters.rest;

import dev.cofre.adapters.rest.cielo.CieloDialect;
import dev.cofre.adapters.rest.browser.BrowserDialect;
import dev.cofre.adapters.rest.browser.PublicKeyRequests;
import dev.cofre.adapters.rest.customers.MercadoPagoDialect;
import dev.cofre.adapters.rest.justclick.JustClickDialects;
import dev.cofre.adapters.rest.oauth.OAuthDialect;
import dev.cofre.adapters.rest.orders.OrdersDialect;
import dev.cofre.adapters.rest.orders.PagarmeTokens;
import dev.cofre.adapters.rest.vault.VaultDialect;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.card.EmbeddedCardNumbers;
import dev.cofre.domain.merchant.TrustedProxies;
import dev.cofre.domain.merchant.Merchant;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP server's routes for every dialect Cofre speaks, with what they share: the body size
 * limit, errors for unknown paths in the format of the dialect the path belongs to (asked of the
 * {@link Dialects} registry), health and readiness, the OpenAPI document, and one log line per
 * request that never holds a body. Paths match case-insensitively, as on the vendors' platforms.
 */
public final class HttpApi {

    /** Set once a handler has written its own answer, so error mappers leave it alone. */
    public static final String ANSWERED = "cofre.answered";
    /** The authenticated merchant of a request, for the request log. */
    public static final String MERCHANT = "cofre.merchant";

    private static final Logger REQUESTS = LoggerFactory.getLogger("cofre.requests");
    private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
    /**
     * Bodies up to this size are read (and thrown away) before a 413, so the client sees the answer instead of
     * a reset mid-write; larger ones are cut off. 4 MiB covers the multi-MiB envelopes hostile-input tests and
     * careless SOAP clients send, and costs nothing but bandwidth, bounded by the body deadline and minimum rate.
     */
    static final long DRAIN_LIMIT = 4L * 1024 * 1024;

    /**
     * What the routes call. {@code ready} answers the readiness probe (e.g. the database answers);
     * {@code trustedProxies} are the only peers whose {@code X-Forwarded-For} is believed (for the
     * card-read allow-list); {@code orders} serves the orders API (and, over the same charge engine, the Cielo
     * E-commerce 3.0 API) and {@code customers} the Mercado Pago
     * customers API when present.
     */
    public record Services(MerchantAccounts accounts, Vault vault, BooleanSupplier ready,
                           TrustedProxies trustedProxies, io.vavr.control.Option<OrdersDialect.Services> orders,
                           io.vavr.control.Option<MercadoPagoDialect.Services> customers,
                           io.vavr.control.Option<BrowserDialect.Services> browser) {

        /** Without publishable keys (no browser routes). */
        public Services(MerchantAccounts accounts, Vault vault, BooleanSupplier ready, TrustedProxies trustedProxies,
                        io.vavr.control.Option<OrdersDialect.Services> orders,
                        io.vavr.control.Option<MercadoPagoDialect.Services> customers) {
            this(accounts, vault, ready, trustedProxies, orders, customers, io.vavr.control.Option.none());
        }

        /** Without the orders and customers APIs, trusting no proxy. */
        public Services(MerchantAccounts accounts, Vault vault, BooleanSupplier ready) {
            this(accounts, vault, ready, TrustedProxies.NONE, io.vavr.control.Option.none(), io.vavr.control.Option.none(),
                    io.vavr.control.Option.none());
        }
    }

    private HttpApi() {
    }

    /** Every dialect Cofre speaks; a path no dialect owns answers in the vault's format. */
    public static Dialects dialects(Services services) {
        var vault = new VaultDialect(services.accounts(), services.vault());
        var publicKeys = services.browser().map(b -> new PublicKeyRequests(b.keys()));
        return new Dialects(io.vavr.collection.List.<ApiDialect>of(new OAuthDialect(services.accounts()), vault)
                .appendAll(JustClickDialects.create(services.accounts(), services.vault(), services.trustedProxies(),
                        services.orders().map(OrdersDialect.Services::charging)))
                .appendAll(services.browser().map(b -> new PagarmeTokens(publicKeys.get(), b.customers())))
                .appendAll(services.orders().map(o -> new OrdersDialect(services.accounts(), o.secretKeys(), o.charging())))
                .appendAll(services.customers().map(c -> new MercadoPagoDialect(services.accounts(), c, publicKeys)))
                .appendAll(services.orders().map(o -> new CieloDialect(services.accounts(), services.vault(), o.charging())))
                .appendAll(services.browser().map(BrowserDialect::new)),
                vault);
    }

    /** A configured, not yet started server; {@code tuning} may change Jetty settings (port, graceful stop). */
    public static Javalin create(Services services, java.util.function.Consumer<JavalinConfig> tuning) {
        return create(dialects(services), services, tuning);
    }

    /** As {@link #create(Services, java.util.function.Consumer)}, over a registry built once for the whole server. */
    public static Javalin create(Dialects dialects, Services services,
                                 java.util.function.Consumer<JavalinConfig> tuning) {
        byte[] openApi = resource("openapi.json");
        return Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.http.maxRequestSize = Json.MAX_BODY_BYTES;
            config.http.prefer405over404 = true;
            config.router.ignoreTrailingSlashes = true;
            config.router.caseInsensitiveRoutes = true;
            // No response compression: answers are small, and compressing a secret (a token, a detokenized
            // card) beside text the caller chose is the BREACH side channel. It also skips a stream wrapper
            // on every response (5% of a GET's CPU in a JFR profile).
            config.http.compressionStrategy = io.javalin.compression.CompressionStrategy.NONE;
            config.requestLogger.http(HttpApi::log);
            var routes = config.routes;
            routes.before(ctx -> limitBodySize(ctx, dialects));
            routes.get("/health", ctx -> Json.write(ctx, 200, Map.of("status", "UP")));
            routes.get("/ready", ctx -> {
                boolean ready = services.ready().getAsBoolean();
                Json.write(ctx, ready ? 200 : 503, Map.of("status", ready ? "READY" : "NOT_READY"));
            });
            routes.get("/openapi.json", ctx -> {
                ctx.contentType("application/json; charset=utf-8").result(openApi);
                ctx.attribute(ANSWERED, true);
            });
            dialects.all().forEach(d -> d.routes(routes));
            routes.error(404, ctx -> unanswered(ctx, dialects, unknownPath(ctx)));
            routes.error(405, ctx -> unanswered(ctx, dialects, methodNotAllowed(ctx)));
            routes.exception(HttpResponseException.class, (e, ctx) -> dialects.of(ctx.path()).fail(ctx, switch (e.getStatus()) {
                case 413 -> tooLarge();
                case 404 -> unknownPath(ctx);
                case 405 -> methodNotAllowed(ctx);
                default -> Problem.of(e.getStatus(), 799, "Undefined error");
            }));
            routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("unexpected failure on {} {}: {}", ctx.method(), ctx.path(), e.getClass().getName());
                LOG.debug("failure", e);
                dialects.of(ctx.path()).fail(ctx, Problem.of(500, Problem.INTERNAL, "Internal error; the server logged it. Retry with the same Idempotency-Key, or read the token back, before assuming it failed"));
            });
            tuning.accept(config);
        });
    }

    private static void unanswered(Context ctx, Dialects dialects, Problem problem) {
        if (ctx.attribute(ANSWERED) == null) {
            dialects.of(ctx.path()).fail(ctx, problem);
        }
    }

    private static void limitBodySize(Context ctx, Dialects dialects) {
        long length = ctx.req().getContentLengthLong();
        if (length > Json.MAX_BODY_BYTES) {
            // Read a moderately large body before refusing it, so the client is not cut off mid-write
            // and sees the 413; anything larger is refused and the connection closed.
            if (length <= DRAIN_LIMIT) {
                try {
                    ctx.req().getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                } catch (IOException e) {
                    LOG.debug("client went away while sending an oversized body");
                }
            } else {
                ctx.header("Connection", "close");
            }
            dialects.of(ctx.path()).fail(ctx, tooLarge());
            ctx.skipRemainingHandlers();
        }
    }

    private static Problem unknownPath(Context ctx) {
        return Problem.of(404, Problem.UNKNOWN_PATH, "No such resource: " + ctx.method() + " " + ctx.path());
    }

    private static Problem methodNotAllowed(Context ctx) {
        return Problem.of(405, Problem.METHOD_NOT_ALLOWED, "Method " + ctx.method() + " is not allowed on " + ctx.path());
    }

    private static Problem tooLarge() {
        return Problem.of(413, Problem.TOO_LARGE, "Request body exceeds " + Json.MAX_BODY_BYTES + " bytes");
    }

    private static void log(Context ctx, Float millis) {
        if (!REQUESTS.isInfoEnabled()) {
            return;
        }
        Merchant merchant = ctx.attribute(MERCHANT);
        // A card number used as a path id (GET /v1/Token/3782...) is masked before it reaches the log.
        REQUESTS.info("method={} path={} status={} duration_ms={} merchant={}", ctx.method(),
                EmbeddedCardNumbers.masked(ctx.path()),
                ctx.statusCode(), tenths(millis), merchant == null ? "-" : merchant.id());
    }

    /** {@code millis} to one decimal ("12.3"), without String.format: that was 10% of a GET's CPU under load. */
    static String tenths(float millis) {
        long tenths = Math.max(0, Math.round(millis * 10.0));
        return tenths / 10 + "." + tenths % 10;
    }

    private static byte[] resource(String name) {
        try (InputStream in = HttpApi.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
