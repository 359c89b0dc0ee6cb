package dev.cofre.adapters.rest.customers;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.adapters.rest.Problems;
import dev.cofre.application.charge.NumberedPayments;
import dev.cofre.adapters.rest.browser.PublicKeyRequests;
import dev.cofre.application.customer.AddCustomerCard;
import dev.cofre.application.customer.CreateCustomer;
import dev.cofre.application.customer.CustomerAccounts;
import dev.cofre.application.customer.DeleteCustomerCard;
import dev.cofre.application.customer.SearchCustomers;
import dev.cofre.application.customer.UpdateCustomer;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.merchant.PublishableKeyAccess;
import dev.cofre.application.merchant.SecretKeyAccess;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.merchant.Merchant;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Seed 000's customers, saved cards and card tokens, as Mercado Pago's API serves them under
 * {@code /v1/customers} and {@code /v1/card_tokens}. Authentication is {@code Authorization: Bearer}
 * with the merchant's static access token ({@code APP_USR-...}, issued by {@code merchants add}) or an
 * OAuth2 access token. Errors are the vendor's {@code {"message", "error", "status", "cause": [{"code",
 * "description"}]}}: 400 for anything wrong with the request (every invalid field is one cause), 401
 * for authentication, 404 for an unknown or another merchant's id. {@code X-Idempotency-Key}, which the
 * vendor's SDKs send on every POST and PUT, makes them safe to retry, and a DELETE too when a client sends it.
 */
public final class MercadoPagoDialect implements ApiDialect {

    public static final String CUSTOMERS = "/v1/customers";
    public static final String CARD_TOKENS = "/v1/card_tokens";
    public static final String PUBLIC_KEY = "public_key";
    private static final String IDEMPOTENCY_HEADER = "X-Idempotency-Key";
    /** A blank idempotency key: always refused, so a use case run with it only reports invalid fields. */
    private static final String CHECK_ONLY = " ";

    private final MerchantAccounts accounts;
    private final SecretKeyAccess accessTokens;
    private final CustomerAccounts customers;
    private final Clock clock;
    private final Option<NumberedPayments> payments;
    private final Option<PublicKeyRequests> publicKeys;

    /** What the routes call besides the merchant accounts; {@code payments} serves {@code /v1/payments} when present. */
    public record Services(CustomerAccounts customers, SecretKeyAccess accessTokens, Clock clock,
                           Option<NumberedPayments> payments) {

        /** Without payments. */
        public Services(CustomerAccounts customers, SecretKeyAccess accessTokens, Clock clock) {
            this(customers, accessTokens, clock, Option.none());
        }
    }

    public MercadoPagoDialect(MerchantAccounts accounts, Services services) {
        this(accounts, services, Option.none());
    }

    /** With {@code POST /v1/card_tokens?public_key=} for browsers when {@code publicKeys} is given. */
    public MercadoPagoDialect(MerchantAccounts accounts, Services services, Option<PublicKeyRequests> publicKeys) {
        this.publicKeys = publicKeys;
        this.accounts = accounts;
        this.accessTokens = services.accessTokens();
        this.customers = services.customers();
        this.clock = services.clock();
        this.payments = services.payments();
    }

    @Override
    public String name() {
        return "mercadopago";
    }

    @Override
    public List<String> paths() {
        return List.of(CUSTOMERS, CARD_TOKENS, MercadoPagoPayments.PAYMENTS);
    }

    @Override
    public void routes(JavalinDefaultRoutingApi routes) {
        routes.post(CUSTOMERS, authenticated((ctx, m) -> withBody(ctx, body -> {
            var read = MercadoPagoBodies.customer(body);
            return read.errors().isEmpty()
                    ? answer(ctx, 201, customers.create().create(m.id(),
                            new CreateCustomer.Command(read.value(), key(ctx))), MercadoPagoResponses::customer)
                    : wrongTypes(ctx, read.errors(), () -> customers.create().create(m.id(),
                            new CreateCustomer.Command(read.value(), CHECK_ONLY)));
        })));
        routes.get(CUSTOMERS + "/search", authenticated((ctx, m) -> search(ctx, m)));
        routes.get(CUSTOMERS + "/{id}", authenticated((ctx, m) -> answer(ctx, 200,
                customers.get().get(m.id(), ctx.pathParam("id")), MercadoPagoResponses::customer)));
        routes.put(CUSTOMERS + "/{id}", authenticated((ctx, m) -> withBody(ctx, body -> {
            var read = MercadoPagoBodies.customer(body);
            var card = MercadoPagoBodies.defaultCard(body);
            var errors = read.errors().appendAll(card.errors());
            return errors.isEmpty()
                    ? answer(ctx, 200, customers.update().update(m.id(), ctx.pathParam("id"),
                            new UpdateCustomer.Command(read.value(), card.value(), key(ctx))),
                            MercadoPagoResponses::customer)
                    : wrongTypes(ctx, errors);
        })));
        routes.post(CUSTOMERS + "/{id}/cards", authenticated((ctx, m) -> withBody(ctx, body -> {
            var read = MercadoPagoBodies.cardToken(body);
            return read.errors().isEmpty()
                    ? answer(ctx, 201, customers.addCard().add(m.id(), ctx.pathParam("id"),
                            new AddCustomerCard.Command(read.value(), key(ctx))), MercadoPagoResponses::card)
                    : wrongTypes(ctx, read.errors());
        })));
        routes.get(CUSTOMERS + "/{id}/cards", authenticated((ctx, m) -> answer(ctx, 200,
                customers.listCards().list(m.id(), ctx.pathParam("id")),
                cards -> cards.map(MercadoPagoResponses::card).toJavaList())));
        routes.get(CUSTOMERS + "/{id}/cards/{card}", authenticated((ctx, m) -> answer(ctx, 200,
                customers.getCard().get(m.id(), ctx.pathParam("id"), ctx.pathParam("card")),
                MercadoPagoResponses::card)));
        routes.delete(CUSTOMERS + "/{id}/cards/{card}", authenticated((ctx, m) -> answer(ctx, 200,
                customers.deleteCard().delete(m.id(), ctx.pathParam("id"), ctx.pathParam("card"),
                        new DeleteCustomerCard.Command(key(ctx))),
                MercadoPagoResponses::card)));
        MerchantHandler createCardToken = (ctx, m) -> withBody(ctx, body -> {
            var read = MercadoPagoBodies.newCardToken(body, key(ctx));
            return read.errors().isEmpty()
                    ? answer(ctx, 201, customers.createCardToken().create(m.id(), read.value()),
                            t -> MercadoPagoResponses.cardToken(t, clock.instant()))
                    : wrongTypes(ctx, read.errors(), () -> customers.createCardToken().create(m.id(),
                            MercadoPagoBodies.newCardToken(body, CHECK_ONLY).value()));
        });
        // Also from a browser, with the merchant's publishable key (?public_key=), as MercadoPago.js calls it.
        routes.post(CARD_TOKENS, publicKeys.map(p -> PublicKeyRequests.orElse(PUBLIC_KEY,
                p.admit(PublishableKeyAccess.Kind.MERCADO_PAGO, PUBLIC_KEY, this, createCardToken::handle),
                authenticated(createCardToken))).getOrElse(() -> authenticated(createCardToken)));
        publicKeys.forEach(p -> routes.options(CARD_TOKENS, p.preflight(PublishableKeyAccess.Kind.MERCADO_PAGO,
                PUBLIC_KEY, this, "Content-Type, X-Idempotency-Key")));
        routes.get(CARD_TOKENS + "/{id}", authenticated((ctx, m) -> answer(ctx, 200,
                customers.getCardToken().get(m.id(), ctx.pathParam("id")),
                t -> MercadoPagoResponses.cardToken(t, clock.instant()))));
        payments.forEach(p -> new MercadoPagoPayments(p, this).routes(routes));
    }

    private Void search(Context ctx, Merchant merchant) {
        var errors = new LinkedHashMap<String, String>();
        Integer limit = number(ctx, "limit", errors);
        Integer offset = number(ctx, "offset", errors);
        if (!errors.isEmpty()) {
            return wrongTypes(ctx, List.ofAll(errors.entrySet()).map(e -> new String[] {e.getKey(), e.getValue()}));
        }
        return answer(ctx, 200, customers.search().search(merchant.id(),
                new SearchCustomers.Command(ctx.queryParam("email"), limit, offset)), MercadoPagoResponses::page);
    }

    private static Integer number(Context ctx, String name, Map<String, String> errors) {
        String raw = ctx.queryParam(name);
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(raw.strip());
        } catch (NumberFormatException e) {
            errors.put(name, "must be an integer");
            return null;
        }
    }

    /** Every body of this API is a JSON object; anything else ([], "x", 1) is refused before the use case sees it. */
    private Void withBody(Context ctx, Function<JsonNode, Void> then) {
        return Json.read(ctx, JsonNode.class, null).fold(p -> {
            fail(ctx, p);
            return null;
        }, body -> {
            if (!body.isObject()) {
                fail(ctx, new Problem(400, Problem.WRONG_TYPE, "body must be a JSON object", "body"));
                return null;
            }
            return then.apply(body);
        });
    }

    /** The idempotency key the vendor's SDKs send; none makes the request simply not idempotent. */
    private static String key(Context ctx) {
        return ctx.header(IDEMPOTENCY_HEADER);
    }

    interface MerchantHandler {
        Void handle(Context ctx, Merchant merchant) throws Exception;
    }

    Handler authenticated(MerchantHandler handler) {
        return ctx -> {
            Option<Merchant> merchant = authenticate(ctx.header("Authorization"));
            if (merchant.isEmpty()) {
                fail(ctx, Problem.of(401, Problem.UNAUTHENTICATED, "invalid access token"));
                return;
            }
            ctx.attribute(HttpApi.MERCHANT, merchant.get());
            handler.handle(ctx, merchant.get());
        };
    }

    /** The static access token, or an OAuth2 access token. */
    private Option<Merchant> authenticate(String header) {
        if (header == null || !header.trim().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Option.none();
        }
        String token = header.trim().substring(7).trim();
        return token.startsWith(SecretKeyAccess.ACCESS_TOKEN_PREFIX) ? accessTokens.authenticate(token)
                : accounts.authenticate().byBearer(token);
    }

    private <T> Void answer(Context ctx, int status, Either<DomainError, T> result, Function<T, Object> print) {
        result.fold(e -> {
            fail(ctx, problems(e));
            return null;
        }, value -> {
            Json.writeWithNulls(ctx, status, print.apply(value));
            return null;
        });
        return null;
    }

    private Void wrongTypes(Context ctx, List<String[]> errors) {
        return wrongTypes(ctx, errors, () -> Either.right(null));
    }

    /**
     * Fields of the wrong JSON type, and every other invalid field the use case finds in the rest of
     * the request: {@code checkOnly} runs it with the {@link #CHECK_ONLY} idempotency key, which the
     * use case refuses together with the fields and before it writes anything.
     */
    private Void wrongTypes(Context ctx, List<String[]> errors, java.util.function.Supplier<Either<DomainError, ?>> checkOnly) {
        List<Problem> problems = errors.map(e -> new Problem(400, Problem.WRONG_TYPE, e[0] + " " + e[1], e[0]));
        Either<DomainError, ?> checked = checkOnly.get();
        if (checked.isLeft() && checked.getLeft() instanceof InvalidInput invalid) {
            var typed = errors.map(e -> e[0]).toSet();
            problems = problems.appendAll(problems(invalid)
                    .filter(p -> p.field() != null && !typed.contains(p.field()) && !p.field().equals(IDEMPOTENCY_HEADER)));
        }
        fail(ctx, problems);
        return null;
    }

    /** The problems a use-case error stands for, with the wire's field names. */
    static List<Problem> problems(DomainError error) {
        if (error instanceof InvalidInput invalid) {
            return invalid.errors().map(e -> {
                String field = e.field().equals("idempotencyKey") ? IDEMPOTENCY_HEADER : e.field();
                return new Problem(400, error.code(), field + " " + e.reason(), field);
            });
        }
        return List.of(Problem.of(Problems.statusOf(error), error.code(), error.message()));
    }

    /** The vendor's statuses: 401 and 404 as they are, 5xx as they are, every other refusal 400. */
    private static int vendorStatus(int status) {
        return status == 401 || status == 404 || status == 405 || status >= 500 ? status : 400;
    }

    private static String errorWord(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 503 -> "service_unavailable";
            default -> status >= 500 ? "internal_error" : "bad_request";
        };
    }

    /** {@code {"message", "error", "status", "cause": [{"code", "description"}]}}: one cause per problem. */
    @Override
    public Rendered render(List<Problem> problems) {
        int status = vendorStatus(problems.head().status());
        var body = new LinkedHashMap<String, Object>();
        body.put("message", problems.size() == 1 ? problems.head().message()
                : "The request has " + problems.size() + " invalid fields: "
                        + problems.map(p -> p.field() == null ? "request" : p.field()).mkString(", "));
        body.put("error", errorWord(status));
        body.put("status", status);
        body.put("cause", problems.map(p -> {
            var cause = new LinkedHashMap<String, Object>();
            cause.put("code", String.valueOf(p.code()));
            cause.put("description", p.message());
            return cause;
        }).toJavaList());
        return Rendered.json(status, body);
    }
}
