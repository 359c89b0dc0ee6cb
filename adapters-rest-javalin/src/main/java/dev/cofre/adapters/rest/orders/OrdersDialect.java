package dev.cofre.adapters.rest.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.adapters.rest.Problems;
import dev.cofre.application.charge.CaptureCharge;
import dev.cofre.application.charge.Charging;
import dev.cofre.application.charge.RefundCharge;
import dev.cofre.application.charge.VoidCharge;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.merchant.SecretKeyAccess;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.customer.Customer;
import dev.cofre.domain.idempotency.IdempotencyError;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.token.VaultError;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Seed 002's orders and charges, as Pagar.me's v5 core API serves them under {@code /core/v5}:
 * create an order charged to a credit card, read an order or a charge, capture, cancel (a void
 * before capture, a refund after it). Authentication is HTTP Basic with the merchant's secret key
 * as user name and an empty password, as the vendor's SDK sends it, or an OAuth2 bearer token.
 * Errors are the vendor's {@code {"message": ..., "errors": {"field.path": ["..."]}}}.
 * {@code idempotency-key} makes every POST and DELETE safe to retry.
 */
public final class OrdersDialect implements ApiDialect {

    public static final String BASE = "/core/v5";
    private static final String UNAUTHORIZED = "Authorization has been denied for this request.";
    private static final String INVALID = "The request is invalid.";

    private final MerchantAccounts accounts;
    private final SecretKeyAccess secretKeys;
    private final Charging charging;

    /** What the routes call besides the merchant accounts. */
    public record Services(Charging charging, SecretKeyAccess secretKeys) {
    }

    public OrdersDialect(MerchantAccounts accounts, SecretKeyAccess secretKeys, Charging charging) {
        this.accounts = accounts;
        this.secretKeys = secretKeys;
        this.charging = charging;
    }

    @Override
    public String name() {
        return "orders";
    }

    @Override
    public List<String> paths() {
        return List.of(BASE);
    }

    @Override
    public void routes(JavalinDefaultRoutingApi routes) {
        routes.post(BASE + "/orders", authenticated((ctx, merchant) -> Json.read(ctx, JsonNode.class, null)
                .fold(p -> refuse(ctx, p), body -> createOrder(ctx, merchant, body))));
        routes.get(BASE + "/orders/{id}", authenticated((ctx, merchant) -> charging.get()
                .byOrder(merchant.id(), ctx.pathParam("id"))
                .fold(missing -> refuse(ctx, Problem.of(404, missing.code(), "Order not found")),
                        charge -> answer(ctx, 200, Either.right(charge), this::order))));
        routes.get(BASE + "/charges/{id}", authenticated((ctx, merchant) -> answer(ctx, 200,
                charging.get().get(merchant.id(), ctx.pathParam("id")), this::charge)));
        routes.post(BASE + "/charges/{id}/capture", authenticated((ctx, merchant) -> withAmount(ctx, amount ->
                answer(ctx, 200, charging.capture().capture(merchant.id(),
                        new CaptureCharge.Command(ctx.pathParam("id"), amount, key(ctx))), this::charge))));
        routes.delete(BASE + "/charges/{id}", authenticated((ctx, merchant) -> withAmount(ctx, amount ->
                answer(ctx, 200, cancel(merchant, ctx.pathParam("id"), amount, key(ctx)), this::charge))));
    }

    private Map<String, Object> order(Charge charge) {
        return OrderResponses.order(charge, payer(charge));
    }

    private Map<String, Object> charge(Charge charge) {
        return OrderResponses.charge(charge, payer(charge));
    }

    /** The order's customer, read fresh: its details are the customer's current ones. */
    private Option<Customer> payer(Charge charge) {
        return charge.order().customer().flatMap(id -> charging.customers().find(charge.merchant(), id));
    }

    private Void createOrder(Context ctx, Merchant merchant, JsonNode body) {
        var parsed = OrderRequest.parse(body, key(ctx), merchant.id());
        if (!parsed.errors().isEmpty()) {
            invalid(ctx, withDomainErrors(merchant, parsed));
            return null;
        }
        return answer(ctx, 200, charging.authorize().authorize(merchant, parsed.command()), this::order);
    }

    /**
     * The shape problems, and every other invalid field the engine finds in what could be read: a
     * field of the wrong type (absent from the command, so "required" to the engine) is named once.
     */
    private Map<String, java.util.List<String>> withDomainErrors(Merchant merchant, OrderRequest.Parsed parsed) {
        var all = new LinkedHashMap<String, java.util.List<String>>(parsed.errors());
        if (parsed.errors().containsKey("order")) {
            return all;
        }
        charging.authorize().check(merchant, parsed.command()).forEach(invalid -> invalid.errors().forEach(e -> {
            String path = wirePath(e.field());
            boolean covered = all.keySet().stream().anyMatch(f -> f.equals(path) || path.startsWith(f + ".")
                    || path.startsWith(f + "[") || f.startsWith(path + ".") || f.startsWith(path + "["));
            if (!covered) {
                all.computeIfAbsent(path, f -> new ArrayList<>()).add(e.reason());
            }
        }));
        return all;
    }

    /**
     * A refund once anything was captured, else a void. Decided by what was captured, not by the
     * stage, so that a retry after a full refund (the charge now closed) is the same request, and is
     * answered again rather than refused as another one under the key.
     */
    private Either<DomainError, Charge> cancel(Merchant merchant, String chargeId, Long amount, String key) {
        return charging.get().get(merchant.id(), chargeId).flatMap(charge -> !charge.money().captured().isZero()
                ? charging.refund().refund(merchant.id(), new RefundCharge.Command(chargeId, amount, key))
                : charging.voids().voidAuthorization(merchant.id(), new VoidCharge.Command(chargeId, amount, key)));
    }

    /** The optional body of a capture or a cancel: {@code amount} (cents), {@code code}, {@code operation_reference}. */
    private Void withAmount(Context ctx, Function<Long, Void> then) {
        boolean noBody = ctx.bodyAsBytes().length == 0
                || new String(ctx.bodyAsBytes(), StandardCharsets.UTF_8).isBlank();
        Either<Problem, JsonNode> body = noBody ? Either.right(JsonNodeFactory.instance.objectNode())
                : Json.read(ctx, JsonNode.class, null);
        if (body.isLeft()) {
            return refuse(ctx, body.getLeft());
        }
        var reader = new OrderRequest.Reader();
        Long amount = null;
        if (!body.get().isObject()) {
            reader.error("body", "must be a JSON object");
        } else {
            amount = reader.integer(body.get(), "", "amount", false);
            reader.string(body.get(), "", "code", false);
            reader.string(body.get(), "", "operation_reference", false);
        }
        if (!reader.errors.isEmpty()) {
            invalid(ctx, reader.errors);
            return null;
        }
        return then.apply(amount);
    }

    /** The request's idempotency key; without one the request is simply not idempotent. */
    private static String key(Context ctx) {
        String key = ctx.header("idempotency-key");
        return key == null || key.isBlank() ? "cofre-" + UUID.randomUUID() : key;
    }

    private interface MerchantHandler {
        Void handle(Context ctx, Merchant merchant) throws Exception;
    }

    private Handler authenticated(MerchantHandler handler) {
        return ctx -> {
            Option<Merchant> merchant = authenticate(ctx.header("Authorization"));
            if (merchant.isEmpty()) {
                ctx.header("WWW-Authenticate", "Basic realm=\"cofre\"");
                fail(ctx, Problem.of(401, Problem.UNAUTHENTICATED, UNAUTHORIZED));
                return;
            }
            ctx.attribute(HttpApi.MERCHANT, merchant.get());
            handler.handle(ctx, merchant.get());
        };
    }

    /** Basic with the secret key as user name (any password), or an OAuth2 bearer token. */
    private Option<Merchant> authenticate(String header) {
        if (header == null) {
            return Option.none();
        }
        String h = header.trim();
        if (h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return accounts.authenticate().byBearer(h.substring(7).trim());
        }
        if (h.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Try.of(() -> new String(Base64.getDecoder().decode(h.substring(6).trim()), StandardCharsets.UTF_8))
                    .toOption()
                    .map(s -> s.indexOf(':') >= 0 ? s.substring(0, s.indexOf(':')) : s)
                    .flatMap(secretKeys::authenticate);
        }
        return Option.none();
    }

    private <T> Void answer(Context ctx, int status, Either<DomainError, T> result,
                            Function<T, Map<String, Object>> print) {
        result.fold(e -> {
            fail(ctx, problems(e));
            return null;
        }, value -> {
            Json.write(ctx, status, print.apply(value));
            return null;
        });
        return null;
    }

    /** The problems a use-case error stands for, with seed 002's field paths. */
    static List<Problem> problems(DomainError error) {
        if (error instanceof InvalidInput invalid) {
            return invalid.errors().map(e -> new Problem(422, 799, e.reason(), wirePath(e.field())));
        }
        return List.of(Problem.of(statusOf(error), error.code(), error.message()));
    }

    private static int statusOf(DomainError error) {
        if (error instanceof ChargeError.ChargeNotFound || error instanceof ChargeError.CardNotFound || error instanceof ChargeError.CardTokenNotFound
                || error instanceof VaultError.TokenNotFound) {
            return 404;
        }
        if (error instanceof ChargeError.AmountExceedsAvailable || error instanceof ChargeError.AmountNotPositive) {
            return 422;
        }
        if (error instanceof ChargeError.NotAllowed || error instanceof ChargeError.NothingInDoubt
                || error instanceof ChargeError.ConcurrentUpdate || error instanceof IdempotencyError
                || error instanceof VaultError.TokenNotActive) {
            return 409;
        }
        return Problems.statusOf(error);
    }

    /** A command field as the request spells it: the credit card's options live under payments[0].credit_card. */
    static String wirePath(String field) {
        if (field.startsWith("items") || field.equals("amount") || field.equals("code")) {
            return field;
        }
        if (field.startsWith("customer.")) {
            return customerPath(field.substring("customer.".length()));
        }
        if (field.equals("idempotencyKey")) {
            return "idempotency-key";
        }
        return OrderRequest.CREDIT_CARD + "." + field.replace(".holder", ".holder_name")
                .replace(".expMonth", ".exp_month").replace(".expYear", ".exp_year");
    }

    /** A customer profile's field (Mercado Pago's names, issue 10) as seed 002's customer object spells it. */
    private static String customerPath(String field) {
        String wire;
        if (field.startsWith("first_name") || field.startsWith("last_name")) {
            wire = "name";
        } else if (field.startsWith("identification.type")) {
            wire = "document_type";
        } else if (field.startsWith("identification")) {
            wire = "document";
        } else if (field.startsWith("phone")) {
            wire = "phones.mobile_phone" + field.substring("phone".length());
        } else if (field.startsWith("address")) {
            wire = "address.zip_code";
        } else {
            wire = field;
        }
        return "customer." + wire;
    }

    private void invalid(Context ctx, Map<String, java.util.List<String>> errors) {
        List<Problem> problems = List.empty();
        for (var e : errors.entrySet()) {
            for (String message : e.getValue()) {
                problems = problems.append(new Problem(422, 799, message, e.getKey()));
            }
        }
        fail(ctx, problems);
    }

    private Void refuse(Context ctx, Problem problem) {
        fail(ctx, problem);
        return null;
    }

    /** The vendor's error body: {@code {"message": "...", "errors": {"field.path": ["..."]}}}. */
    @Override
    public Rendered render(List<Problem> problems) {
        return Rendered.json(problems.head().status(), body(problems));
    }

    static Map<String, Object> body(List<Problem> problems) {
        var body = new LinkedHashMap<String, Object>();
        Problem first = problems.head();
        boolean fields = problems.exists(p -> p.field() != null);
        body.put("message", fields || first.status() == 400 ? INVALID : first.message());
        if (fields || first.status() == 400) {
            var errors = new LinkedHashMap<String, java.util.List<String>>();
            for (Problem p : problems) {
                errors.computeIfAbsent(p.field() == null ? "request" : p.field(), f -> new ArrayList<>())
                        .add(p.message());
            }
            body.put("errors", errors);
        }
        return body;
    }
}
