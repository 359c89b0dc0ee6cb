package dev.cofre.adapters.rest.cielo;

import static dev.cofre.adapters.rest.cielo.CieloFields.*;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.adapters.rest.Problems;
import dev.cofre.application.charge.AuthorizeCharge;
import dev.cofre.application.charge.CaptureCharge;
import dev.cofre.application.charge.Charging;
import dev.cofre.application.charge.RefundCharge;
import dev.cofre.application.charge.VoidCharge;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.GetJustClickKey;
import dev.cofre.application.token.SaveCreditCard;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.card.Brand;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeStage;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Seed 004's acquirer API, Cielo E-commerce 3.0, under {@code /1}: a sale by credit card that may save the
 * card ({@code SaveCard}) or pay with a saved one ({@code CardToken}), reading it, capturing it and voiding
 * it (a void before capture, a refund after, as the vendor does), and saving a card without a sale
 * ({@code POST /1/card}). Authentication is the {@code MerchantId} (the merchant's id) and {@code MerchantKey}
 * (its JustClick MerchantKey) headers. {@code RequestId} makes a sale safe to retry. Errors are the vendor's
 * {@code [{"Code": ..., "Message": "..."}]}, every invalid field at once.
 */
public final class CieloDialect implements ApiDialect {

    static final String BASE = "/1";
    private static final Problem NOT_AN_OBJECT = new Problem(400, 184,
            "Request could not be empty: the body must be a JSON object", null);

    private final MerchantAccounts accounts;
    private final Vault vault;
    private final Charging charging;

    public CieloDialect(MerchantAccounts accounts, Vault vault, Charging charging) {
        this.accounts = accounts;
        this.vault = vault;
        this.charging = charging;
    }

    @Override
    public String name() {
        return "cielo";
    }

    @Override
    public List<String> paths() {
        return List.of(BASE);
    }

    @Override
    public void routes(JavalinDefaultRoutingApi routes) {
        routes.post(BASE + "/sales", authenticated(this::sale));
        routes.get(BASE + "/sales/{paymentId}", authenticated((ctx, merchant, requestId) -> answer(ctx, 200,
                charge(merchant, ctx.pathParam("paymentId")), c -> SaleResponses.sale(c, base(ctx)), 0)));
        routes.put(BASE + "/sales/{paymentId}/capture", authenticated((ctx, merchant, requestId) ->
                withAmount(ctx, amount -> answer(ctx, 200, charge(merchant, ctx.pathParam("paymentId"))
                        .flatMap(c -> charging.capture().capture(merchant.id(), new CaptureCharge.Command(
                                c.id().value(), amount, key("capture", ctx, requestId)))),
                        c -> SaleResponses.followUp(c, base(ctx)), 308))));
        routes.put(BASE + "/sales/{paymentId}/void", authenticated((ctx, merchant, requestId) ->
                withAmount(ctx, amount -> answer(ctx, 200, charge(merchant, ctx.pathParam("paymentId"))
                        .flatMap(c -> cancel(merchant, c, amount, key("void", ctx, requestId))),
                        c -> SaleResponses.followUp(c, base(ctx)), 309))));
        routes.post(BASE + "/card", authenticated(this::saveCard));
        routes.get(BASE + "/card/{cardToken}", authenticated((ctx, merchant, requestId) -> answer(ctx, 200,
                vault.get().get(merchant.id(), ctx.pathParam("cardToken"))
                        .mapLeft(e -> e instanceof InvalidInput ? new VaultError.TokenNotFound() : e),
                CieloDialect::savedCard, 0)));
    }

    private void sale(Context ctx, Merchant merchant, Option<String> requestId) {
        Either<Problem, JsonNode> body = Json.read(ctx, JsonNode.class, null);
        if (body.isLeft() || !body.get().isObject()) {
            fail(ctx, body.isLeft() ? body.getLeft() : NOT_AN_OBJECT);
            return;
        }
        // a sale without a RequestId is simply not idempotent
        String key = "cielo sale " + requestId.getOrElse(() -> "cofre-" + UUID.randomUUID());
        var parsed = SaleRequest.parse(body.get(), key);
        List<Problem> problems = parsed.problems();
        if (!problems.isEmpty() || parsed.command().card() == null) {
            fail(ctx, withEngineProblems(merchant, parsed.command(), problems));
            return;
        }
        Either<DomainError, Charge> sold = parsed.saveCard()
                ? charging.saveCard().authorize(merchant, parsed.command(), vault.tokenize())
                : charging.authorize().authorize(merchant, parsed.command());
        answer(ctx, 201, sold, c -> SaleResponses.sale(c, base(ctx)), 0);
    }

    /** The shape problems, and every other invalid field the engine finds in what could be read, each named once. */
    private List<Problem> withEngineProblems(Merchant merchant, AuthorizeCharge.Command command, List<Problem> shape) {
        List<Problem> engine = charging.authorize().check(merchant, command).map(CieloFields::of).getOrElse(List.empty());
        return shape.appendAll(engine.filter(p -> shape.forAll(s -> s.field() == null
                || !(p.field().equals(s.field()) || p.field().startsWith(s.field() + ".")))));
    }

    /** {@code POST /1/card}: the card saved in the vault as JustClick's SaveCreditCard saves it, under the RequestId. */
    private void saveCard(Context ctx, Merchant merchant, Option<String> requestId) {
        Either<Problem, JsonNode> body = Json.read(ctx, JsonNode.class, null);
        if (body.isLeft() || !body.get().isObject()) {
            fail(ctx, body.isLeft() ? body.getLeft() : NOT_AN_OBJECT);
            return;
        }
        var r = new Reader();
        JsonNode json = body.get();
        String customer = r.text(json, CUSTOMER_NAME_OF_CARD, true);
        String number = r.text(json, NUMBER_OF_CARD, true);
        String holder = r.text(json, HOLDER_OF_CARD, true);
        String expiration = r.text(json, EXPIRATION_OF_CARD, true);
        checkBrand(r, json, BRAND_OF_CARD);
        // the card's own checks before anything is saved, so that every invalid field is named at once
        Card.parse("cardNumber", number, "cardHolder", holder, "cardExpiration", expiration)
                .swap().forEach(invalid -> CieloFields.of(invalid)
                        .filter(p -> r.problems.forAll(s -> !p.field().equals(s.field()))).forEach(r::add));
        if (!r.problems.isEmpty()) {
            fail(ctx, r.problems);
            return;
        }
        var command = new SaveCreditCard.Command(requestId.getOrElse(() -> UUID.randomUUID().toString()), customer,
                null, holder, number, expiration, null);
        Either<DomainError, TokenReference> saved = vault.saveCreditCard().save(merchant.id(), command)
                .map(Token::reference)
                // the same RequestId again: the card it saved (JustClick's GetJustClickKey), never a second one
                .fold(e -> e instanceof VaultError.RequestIdAlreadyUsed && requestId.isDefined()
                        ? vault.justClickKey().recover(merchant.id(), new GetJustClickKey.Command(requestId.get()))
                        : Either.left(e), Either::right);
        answer(ctx, 201, saved, token -> cardToken(token, base(ctx)), 0);
    }

    /** Brand is required; Cofre takes the brand from the number and only checks it is one the vendor names. */
    static void checkBrand(Reader r, JsonNode card, Field field) {
        String brand = r.text(card, field, true);
        if (brand != null && Brand.fromName(brand).isEmpty() && !brand.equalsIgnoreCase("Hiper")) {
            r.add(field.invalid("must be one of Visa, Master, Amex, Elo, Aura, JCB, Diners, Discover, Hipercard"));
        }
    }

    private static Map<String, Object> cardToken(TokenReference token, String base) {
        var answer = new LinkedHashMap<String, Object>();
        answer.put("CardToken", token.toString());
        answer.put("Links", Map.of("Method", "GET", "Rel", "self", "Href", base + BASE + "/card/" + token));
        return answer;
    }

    /** {@code GET /1/card/{CardToken}}: the saved card, masked. */
    private static Map<String, Object> savedCard(Token token) {
        var card = new LinkedHashMap<String, Object>();
        card.put("CardNumber", token.card().binAndLastFour());
        card.put("Holder", token.holder().name());
        card.put("ExpirationDate", token.expiry().format());
        return card;
    }

    /** A void while the sale awaits capture, a refund once it is captured: one route, as the vendor has. */
    private Either<DomainError, Charge> cancel(Merchant merchant, Charge charge, Long amount, String key) {
        return charge.stage() instanceof ChargeStage.Refundable
                ? charging.refund().refund(merchant.id(), new RefundCharge.Command(charge.id().value(), amount, key))
                : charging.voids().voidAuthorization(merchant.id(), new VoidCharge.Command(charge.id().value(), amount, key));
    }

    /** The sale a PaymentId names; another merchant's, or a GUID Cofre never issued, is not found. */
    private Either<DomainError, Charge> charge(Merchant merchant, String paymentId) {
        return PaymentIds.charge(paymentId).<DomainError>toEither(ChargeError.ChargeNotFound::new)
                .flatMap(id -> charging.get().get(merchant.id(), id.value()));
    }

    /** {@code ?amount=} in cents: absent means all of it. */
    private void withAmount(Context ctx, java.util.function.Consumer<Long> then) {
        String raw = ctx.queryParam("amount");
        if (raw == null || raw.isBlank()) {
            then.accept(null);
        } else if (raw.trim().matches("[0-9]{1,12}") && Long.parseLong(raw.trim()) > 0) {
            then.accept(Long.parseLong(raw.trim()));
        } else {
            fail(ctx, AMOUNT.at("amount").invalid("must be a whole number of cents greater than zero"));
        }
    }

    /** A follow-up's idempotency key: its RequestId, scoped to the payment and the operation; else a fresh one. */
    private static String key(String operation, Context ctx, Option<String> requestId) {
        return "cielo " + operation + " " + ctx.pathParam("paymentId") + " "
                + requestId.getOrElse(() -> "cofre-" + UUID.randomUUID());
    }

    @FunctionalInterface
    private interface MerchantHandler {
        void handle(Context ctx, Merchant merchant, Option<String> requestId) throws Exception;
    }

    /**
     * MerchantId and MerchantKey, every problem with them at once; a RequestId, if sent (the vendor's SDKs send
     * an empty one when there is none), must be a GUID.
     */
    private Handler authenticated(MerchantHandler handler) {
        return ctx -> {
            String id = ctx.header("MerchantId");
            String key = ctx.header("MerchantKey");
            String requestId = ctx.header("RequestId");
            List<Problem> problems = List.empty();
            Option<UUID> merchantId = Option.none();
            if (id == null || id.isBlank()) {
                problems = problems.append(new Problem(401, 101, "MerchantId is required", "MerchantId"));
            } else {
                merchantId = TokenReference.parse("MerchantId", id).toOption().map(TokenReference::value);
                if (merchantId.isEmpty()) {
                    problems = problems.append(new Problem(401, 114, "The provided MerchantId is not in correct format",
                            "MerchantId"));
                }
            }
            if (key == null || key.isBlank()) {
                problems = problems.append(new Problem(401, 131, "MerchantKey is required", "MerchantKey"));
            }
            if (!problems.isEmpty()) {
                fail(ctx, problems);
                return;
            }
            Option<Merchant> merchant = accounts.authenticate().byMerchantKey(key);
            if (merchant.isEmpty()) {
                fail(ctx, new Problem(401, 132, "MerchantKey is invalid", "MerchantKey"));
                return;
            }
            if (!merchant.get().id().value().equals(merchantId.get())) {
                fail(ctx, new Problem(401, 115, "The provided MerchantId was not found", "MerchantId"));
                return;
            }
            ctx.attribute(HttpApi.MERCHANT, merchant.get());
            Option<String> request = Option.of(requestId).filter(r -> !r.isBlank()).map(String::trim);
            if (request.isDefined() && TokenReference.parse("RequestId", request.get()).isLeft()) {
                fail(ctx, REQUEST_ID.invalid("must be a GUID"));
                return;
            }
            handler.handle(ctx, merchant.get(), request.map(r -> r.toLowerCase(java.util.Locale.ROOT)));
        };
    }

    /**
     * Writes {@code result}; an error as the vendor's list, the follow-ups' refusals with {@code refusedCode}
     * (308 capture, 309 void).
     */
    private <T> void answer(Context ctx, int status, Either<DomainError, T> result,
                            java.util.function.Function<T, Map<String, Object>> print, int refusedCode) {
        result.fold(e -> {
            fail(ctx, problems(e, refusedCode));
            return null;
        }, value -> {
            Json.write(ctx, status, print.apply(value));
            return null;
        });
    }

    /** What a use-case error means in this API: the vendor's code where it has one, 400 for what the caller sent. */
    static List<Problem> problems(DomainError error, int refusedCode) {
        if (error instanceof InvalidInput invalid) {
            return CieloFields.of(invalid);
        }
        if (error instanceof ChargeError.ChargeNotFound) {
            return List.of(Problem.of(404, 307, "Transaction not found"));
        }
        if (error instanceof ChargeError.CardNotFound || error instanceof VaultError.TokenNotFound) {
            return List.of(Problem.of(404, 130, "Could not get Credit Card"));
        }
        if (error instanceof VaultError.CardExpired) {
            return List.of(EXPIRATION.invalid("is in the past"));
        }
        if (refusedCode != 0 && (error instanceof ChargeError.NotAllowed || error instanceof ChargeError.AmountExceedsAvailable
                || error instanceof ChargeError.AmountNotPositive)) {
            return List.of(Problem.of(400, refusedCode, (refusedCode == 308 ? "Transaction not available to capture: "
                    : "Transaction not available to void: ") + error.message()));
        }
        int status = Problems.statusOf(error);
        return List.of(Problem.of(status == 422 ? 400 : status, error.code(), error.message()));
    }

    /** The base URL the caller used, so Links point back at this server. */
    private static String base(Context ctx) {
        return ctx.scheme() + "://" + ctx.host() + ctx.contextPath();
    }

    /** The vendor's error body: {@code [{"Code": 126, "Message": "..."}]}; the first problem's status is the answer's. */
    @Override
    public Rendered render(List<Problem> problems) {
        return Rendered.json(problems.head().status(), problems.map(p -> {
            var e = new LinkedHashMap<String, Object>();
            e.put("Code", p.code());
            e.put("Message", p.message());
            return e;
        }).toJavaList());
    }
}
