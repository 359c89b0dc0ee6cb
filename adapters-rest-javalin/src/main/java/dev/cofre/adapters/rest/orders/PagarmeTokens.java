package dev.cofre.adapters.rest.orders;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.adapters.rest.browser.PublicKeyRequests;
import dev.cofre.application.customer.CreateCardToken;
import dev.cofre.application.customer.CustomerAccounts;
import dev.cofre.application.merchant.PublishableKeyAccess;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.MaskedCardToken;
import dev.cofre.domain.merchant.Merchant;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Pagar.me's browser tokenization, {@code POST /core/v5/tokens?appId=pk_...} with
 * {@code {"type": "card", "card": {number, holder_name, exp_month, exp_year, cvv}}}: the card goes from the
 * shopper's browser to Cofre, authenticated by the merchant's publishable key only. The token is made in
 * the one store of card tokens, so the merchant's server then charges it as {@code card_token} on
 * {@code POST /core/v5/orders}. Errors are the orders API's.
 */
public final class PagarmeTokens implements ApiDialect {

    public static final String PATH = OrdersDialect.BASE + "/tokens";
    public static final String APP_ID = "appId";
    /** Pagar.me's token ids: {@code token_} and, here, the card token's 32 hex digits. */
    static final String PREFIX = "token_";
    private static final String CHECK_ONLY = " ";

    private final PublicKeyRequests publicKeys;
    private final CustomerAccounts customers;

    public PagarmeTokens(PublicKeyRequests publicKeys, CustomerAccounts customers) {
        this.publicKeys = publicKeys;
        this.customers = customers;
    }

    /** The card token a {@code card_token} names: {@code token_} is dropped; anything else is passed on to be refused. */
    static String toCardTokenId(String id) {
        return id.startsWith(PREFIX) ? id.substring(PREFIX.length()) : id;
    }

    @Override
    public String name() {
        return "orders-tokens";
    }

    @Override
    public List<String> paths() {
        return List.of(PATH);
    }

    @Override
    public void routes(JavalinDefaultRoutingApi routes) {
        routes.post(PATH, publicKeys.admit(PublishableKeyAccess.Kind.PAGARME, APP_ID, this, this::create));
        routes.options(PATH, publicKeys.preflight(PublishableKeyAccess.Kind.PAGARME, APP_ID, this,
                "Content-Type, idempotency-key"));
    }

    private void create(Context ctx, Merchant merchant) {
        Json.read(ctx, JsonNode.class, null).fold(p -> {
            fail(ctx, p);
            return null;
        }, body -> {
            var reader = new OrderRequest.Reader();
            String number = null, holder = null, cvv = null;
            Integer month = null, year = null;
            if (reader.object(body, "request", true)) {
                String type = reader.string(body, "", "type", false);
                if (type != null && !type.equals("card")) {
                    reader.error("type", "must be card");
                }
                if (reader.object(body.get("card"), "card", true)) {
                    JsonNode card = body.get("card");
                    number = reader.string(card, "card", "number", false);
                    holder = reader.string(card, "card", "holder_name", false);
                    month = reader.intValue(card, "card", "exp_month", false);
                    year = reader.intValue(card, "card", "exp_year", false);
                    cvv = reader.string(card, "card", "cvv", false);
                }
            }
            String key = ctx.header("idempotency-key");
            var command = new CreateCardToken.Command(number, month, year, cvv, holder, null, null,
                    null, null, reader.errors.isEmpty() ? key : CHECK_ONLY);
            var made = customers.createCardToken().create(merchant.id(), command);
            if (!reader.errors.isEmpty() || made.isLeft() && made.getLeft() instanceof InvalidInput) {
                invalid(ctx, reader.errors, made.isLeft() && made.getLeft() instanceof InvalidInput i ? i : null);
            } else if (made.isLeft()) {
                fail(ctx, OrdersDialect.problems(made.getLeft()));
            } else {
                Json.write(ctx, 200, token(made.get()));
            }
            return null;
        });
    }

    /** The shape errors, then every field the use case refuses that is not named already, with the wire's names. */
    private void invalid(Context ctx, Map<String, java.util.List<String>> shape, InvalidInput refused) {
        var all = new LinkedHashMap<String, java.util.List<String>>(shape);
        if (refused != null) {
            refused.errors().forEach(e -> {
                String field = wireField(e.field());
                // with shape errors the use case ran with CHECK_ONLY, whose refusal is not the caller's
                boolean checkOnly = field.equals("idempotency-key") && !shape.isEmpty();
                if (!checkOnly && !shape.containsKey(field)) {
                    all.computeIfAbsent(field, f -> new ArrayList<>()).add(e.reason());
                }
            });
        }
        List<Problem> problems = List.empty();
        for (var e : all.entrySet()) {
            for (String message : e.getValue()) {
                problems = problems.append(new Problem(422, 799, message, e.getKey()));
            }
        }
        fail(ctx, problems);
    }

    private static String wireField(String field) {
        return switch (field) {
            case "card_number" -> "card.number";
            case "security_code" -> "card.cvv";
            case "cardholder.name" -> "card.holder_name";
            case "expiration_month" -> "card.exp_month";
            case "expiration_year" -> "card.exp_year";
            case "idempotencyKey" -> "idempotency-key";
            default -> field.startsWith("cardholder.identification") ? "card.holder_document" : field;
        };
    }

    private static Map<String, Object> token(MaskedCardToken token) {
        var card = new LinkedHashMap<String, Object>();
        card.put("first_six_digits", token.card().bin().substring(0, Math.min(6, token.card().bin().length())));
        card.put("last_four_digits", token.card().lastFour());
        card.put("holder_name", token.holder().name());
        card.put("exp_month", token.expiry().month().getMonthValue());
        card.put("exp_year", token.expiry().month().getYear());
        card.put("brand", token.card().brand().displayName());
        var body = new LinkedHashMap<String, Object>();
        body.put("id", PREFIX + token.id().value());
        body.put("type", "card");
        body.put("created_at", OrderResponses.date(token.createdAt()));
        body.put("expires_at", OrderResponses.date(token.expiresAt()));
        body.put("card", card);
        return body;
    }

    @Override
    public Rendered render(List<Problem> problems) {
        return Rendered.json(problems.head().status(), OrdersDialect.body(problems));
    }
}
