package dev.cofre.adapters.rest.customers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.application.charge.NumberedPayments;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.merchant.Merchant;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * Seed 000's payments, as Mercado Pago serves them under {@code /v1/payments}: create a payment with a
 * card token (captured at once, or only authorized with {@code capture: false}), read it, capture or
 * cancel it ({@code PUT}), refund all or part of it and list its refunds. The charge engine does the
 * work; ids are 64-bit numbers, as the vendor's Java SDK types them. A rejected card is a created payment
 * (201) in status rejected, as on the vendor's platform; a refused request is 400 in the vendor's error
 * format naming every invalid field; another merchant's payment is 404. Authentication and the error
 * format are {@link MercadoPagoDialect}'s.
 */
final class MercadoPagoPayments {

    static final String PAYMENTS = "/v1/payments";
    private static final String IDEMPOTENCY_HEADER = "X-Idempotency-Key";

    private final NumberedPayments payments;
    private final MercadoPagoDialect dialect;

    MercadoPagoPayments(NumberedPayments payments, MercadoPagoDialect dialect) {
        this.payments = payments;
        this.dialect = dialect;
    }

    void routes(JavalinDefaultRoutingApi routes) {
        routes.post(PAYMENTS, dialect.authenticated(this::create));
        routes.get(PAYMENTS + "/{id}", dialect.authenticated((ctx, m) -> byNumber(ctx, n ->
                answer(ctx, 200, payments.get(m.id(), n), UnaryOperator.identity(), MercadoPagoPaymentResponses::payment))));
        routes.put(PAYMENTS + "/{id}", dialect.authenticated(this::change));
        routes.post(PAYMENTS + "/{id}/refunds", dialect.authenticated(this::refund));
        routes.get(PAYMENTS + "/{id}/refunds", dialect.authenticated((ctx, m) -> byNumber(ctx, n ->
                answer(ctx, 200, payments.get(m.id(), n), UnaryOperator.identity(),
                        p -> MercadoPagoPaymentResponses.refunds(p).toJavaList()))));
        routes.get(PAYMENTS + "/{id}/refunds/{refund}", dialect.authenticated((ctx, m) -> byNumber(ctx, n ->
                answer(ctx, 200, payments.get(m.id(), n).flatMap(p -> number(ctx.pathParam("refund"))
                                .flatMap(r -> MercadoPagoPaymentResponses.refundOf(p, r))
                                .<DomainError>toEither(ChargeError.ChargeNotFound::new)
                                .map(t -> MercadoPagoPaymentResponses.refund(p, t))),
                        UnaryOperator.identity(), refund -> refund))));
    }

    private Void create(Context ctx, Merchant merchant) {
        return withBody(ctx, null, body -> {
            var read = MercadoPagoPaymentBodies.payment(body, key(ctx));
            if (read.errors().isEmpty()) {
                return answer(ctx, 201, payments.create(merchant, read.value()), MercadoPagoPayments::createField,
                        MercadoPagoPaymentResponses::payment);
            }
            List<Problem> problems = wrongTypes(read.errors());
            if (read.value() != null) {
                var typed = read.errors().map(e -> e[0]).toSet();
                problems = problems.appendAll(payments.check(merchant, read.value())
                        .map(invalid -> problems(invalid, MercadoPagoPayments::createField)).getOrElse(List.empty())
                        .filter(p -> p.field() != null && !typed.contains(p.field())));
            }
            dialect.fail(ctx, problems);
            return null;
        });
    }

    /** {@code {"capture": true, "transaction_amount": ...}} captures; {@code {"status": "cancelled"}} voids. */
    private Void change(Context ctx, Merchant merchant) {
        return byNumber(ctx, number -> withBody(ctx, null, body -> {
            var read = MercadoPagoPaymentBodies.change(body);
            if (!read.errors().isEmpty()) {
                dialect.fail(ctx, wrongTypes(read.errors()));
                return null;
            }
            var change = read.value();
            return change.cancel()
                    ? answer(ctx, 200, payments.cancel(merchant.id(), number, key(ctx)), f -> followUpField(f,
                    "transaction_amount"), MercadoPagoPaymentResponses::payment)
                    : answer(ctx, 200, payments.capture(merchant.id(), number, change.amount(), key(ctx)),
                    f -> followUpField(f, "transaction_amount"), MercadoPagoPaymentResponses::payment);
        }));
    }

    /** A refund of all that is left, or of {@code amount}; answered with the refund it made. */
    private Void refund(Context ctx, Merchant merchant) {
        return byNumber(ctx, number -> withBody(ctx, JsonNodeFactory.instance.objectNode(), body -> {
            var read = MercadoPagoPaymentBodies.refund(body);
            if (!read.errors().isEmpty()) {
                dialect.fail(ctx, wrongTypes(read.errors()));
                return null;
            }
            return answer(ctx, 201, payments.refund(merchant.id(), number, read.value(), key(ctx))
                            .flatMap(MercadoPagoPayments::lastRefund),
                    f -> followUpField(f, "amount"), refund -> refund);
        }));
    }

    /**
     * The refund a request made: the charge's last refund. One the acquirer declined changed nothing and
     * is answered as the vendor answers a refused refund.
     */
    private static Either<DomainError, Object> lastRefund(NumberedPayments.Payment payment) {
        var last = payment.charge().transactions().last();
        if (last.kind() != dev.cofre.domain.charge.TransactionKind.REFUND) {
            return Either.left(new ChargeError.NotAllowed(Option.some(last.status()),
                    dev.cofre.domain.charge.Move.REFUND_PART));
        }
        if (!last.tookEffect() && !last.status().isInDoubt()) {
            return Either.left(new InvalidInput(List.of(new InvalidInput.FieldError("amount",
                    InvalidInput.Kind.INVALID, "the refund was declined by the acquirer"))));
        }
        return Either.right(MercadoPagoPaymentResponses.refund(payment, last));
    }

    /** The path's payment number; anything else is a payment that does not exist. */
    private Void byNumber(Context ctx, Function<Long, Void> then) {
        Option<Long> number = number(ctx.pathParam("id"));
        if (number.isEmpty()) {
            dialect.fail(ctx, problems(new ChargeError.ChargeNotFound(), UnaryOperator.identity()));
            return null;
        }
        return then.apply(number.get());
    }

    private static Option<Long> number(String raw) {
        if (raw == null || !raw.matches("[0-9]{1,18}")) {
            return Option.none();
        }
        long n = Long.parseLong(raw);
        return n > 0 ? Option.some(n) : Option.none();
    }

    private Void withBody(Context ctx, JsonNode empty, Function<JsonNode, Void> then) {
        return Json.read(ctx, JsonNode.class, empty).fold(p -> {
            dialect.fail(ctx, p);
            return null;
        }, then);
    }

    /** The key the vendor's SDKs send on every POST and PUT; without one the request is simply not idempotent. */
    private static String key(Context ctx) {
        String key = ctx.header(IDEMPOTENCY_HEADER);
        return key == null || key.isBlank() ? "cofre-" + UUID.randomUUID() : key;
    }

    private <T> Void answer(Context ctx, int status, Either<DomainError, T> result, UnaryOperator<String> field,
                            Function<T, Object> print) {
        result.fold(e -> {
            dialect.fail(ctx, problems(e, field));
            return null;
        }, value -> {
            Json.writeWithNulls(ctx, status, print.apply(value));
            return null;
        });
        return null;
    }

    private static List<Problem> wrongTypes(List<String[]> errors) {
        return errors.map(e -> new Problem(400, Problem.WRONG_TYPE, e[0] + " " + e[1], e[0]));
    }

    /**
     * The problems an error stands for, with the request's field names. A card token that cannot be
     * spent is a bad {@code token} (400, as the vendor answers it), not a missing resource.
     */
    private static List<Problem> problems(DomainError error, UnaryOperator<String> field) {
        if (error instanceof InvalidInput invalid) {
            return invalid.errors().map(e -> {
                String name = field.apply(e.field());
                return new Problem(400, error.code(), name + " " + e.reason(), name);
            }).distinctBy(Problem::message);
        }
        if (error instanceof ChargeError.ChargeNotFound) {
            return List.of(Problem.of(404, error.code(), "Payment not found"));
        }
        if (error instanceof ChargeError.CardTokenNotFound) {
            return List.of(new Problem(400, error.code(), "token: " + error.message(), "token"));
        }
        return MercadoPagoDialect.problems(error);
    }

    /** The engine's names for a payment's fields, as the request spells them. */
    static String createField(String engine) {
        if (engine.startsWith("items")) {
            return engine.endsWith(".description") ? "description" : "transaction_amount";
        }
        if (engine.equals("card") || engine.startsWith("card_token")) {
            return "token";
        }
        if (engine.equals("operation_type")) {
            return "capture";
        }
        return engine.equals("idempotencyKey") ? IDEMPOTENCY_HEADER : engine;
    }

    private static String followUpField(String engine, String amount) {
        return switch (engine) {
            case "amount" -> amount;
            case "chargeId" -> "id";
            case "idempotencyKey" -> IDEMPOTENCY_HEADER;
            default -> engine;
        };
    }
}
