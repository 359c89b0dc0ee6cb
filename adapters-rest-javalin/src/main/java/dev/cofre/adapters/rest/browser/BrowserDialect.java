package dev.cofre.adapters.rest.browser;

import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Problem;
import dev.cofre.application.customer.CustomerAccounts;
import dev.cofre.application.merchant.PublishableKeyAccess;
import dev.cofre.domain.card.Brand;
import dev.cofre.domain.customer.CustomerCard;
import dev.cofre.domain.merchant.MerchantId;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * What Cofre serves to browsers: {@code /js/cofre.js}, the script that creates card tokens with a
 * merchant's publishable key, and {@code /demo/checkout}, seed 000's saved-card form made real. The demo
 * page plays the merchant's backend (which, in seed 000, lists the customer's cards with its access
 * token and renders them into the page), so it lists cards for one merchant only: the one the operator
 * named in {@code COFRE_DEMO_MERCHANT}, and none when that is unset. A publishable key alone never lists cards.
 */
public final class BrowserDialect implements ApiDialect {

    public static final String SCRIPT = "/js/cofre.js";
    public static final String DEMO_SCRIPT = "/js/demo-checkout.js";
    public static final String DEMO = "/demo/checkout";
    private static final String PAGE_POLICY = "default-src 'none'; script-src 'self'; style-src 'unsafe-inline';"
            + " connect-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /** The publishable keys, the customers (for the demo's card list) and the demo merchant, if any. */
    public record Services(PublishableKeyAccess keys, CustomerAccounts customers, Option<MerchantId> demoMerchant) {
    }

    private final Services services;
    private final byte[] script = resource("cofre.js");
    private final byte[] demoScript = resource("demo-checkout.js");

    public BrowserDialect(Services services) {
        this.services = services;
    }

    @Override
    public String name() {
        return "browser";
    }

    @Override
    public List<String> paths() {
        return List.of("/js", "/demo");
    }

    @Override
    public void routes(JavalinDefaultRoutingApi routes) {
        routes.get(SCRIPT, ctx -> javascript(ctx, script));
        routes.get(DEMO_SCRIPT, ctx -> javascript(ctx, demoScript));
        routes.get(DEMO, this::demo);
    }

    private static void javascript(Context ctx, byte[] body) {
        ctx.header("Cache-Control", "public, max-age=300");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.contentType("text/javascript; charset=utf-8").result(body);
        ctx.attribute(HttpApi.ANSWERED, true);
    }

    private void demo(Context ctx) {
        if (services.demoMerchant().isEmpty()) {
            fail(ctx, Problem.of(404, Problem.UNKNOWN_PATH, "The demo checkout is off; set COFRE_DEMO_MERCHANT to turn it on"));
            return;
        }
        String publicKey = ctx.queryParam("public_key");
        String customer = ctx.queryParam("customer_id");
        if (blank(publicKey) || blank(customer)) {
            page(ctx, 200, askForm(publicKey, customer));
            return;
        }
        var merchant = services.keys().authenticate(PublishableKeyAccess.Kind.MERCADO_PAGO, publicKey.strip())
                .filter(m -> m.id().equals(services.demoMerchant().get()));
        var cards = merchant.flatMap(m -> services.customers().listCards().list(m.id(), customer.strip()).toOption());
        if (cards.isEmpty()) {
            page(ctx, 404, "<p id=\"error\">No such customer for this public key on the demo merchant.</p>"
                    + askForm(publicKey, customer));
            return;
        }
        page(ctx, 200, checkout(publicKey.strip(), cards.get()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String askForm(String publicKey, String customer) {
        return "<form method=\"get\" action=\"" + DEMO + "\">"
                + "<label>Public key <input name=\"public_key\" size=\"48\" value=\"" + html(publicKey) + "\"></label>"
                + "<label>Customer id <input name=\"customer_id\" size=\"32\" value=\"" + html(customer) + "\"></label>"
                + "<button type=\"submit\">Open checkout</button></form>";
    }

    private static String checkout(String publicKey, List<CustomerCard> cards) {
        var options = new StringBuilder();
        for (CustomerCard card : cards) {
            Brand brand = card.token().card().brand();
            options.append("<option value=\"").append(html(card.id().value()))
                    .append("\" data-security-code-length=\"").append(brand.securityCodeLength()).append("\">")
                    .append(html(brand.displayName())).append(" ended in ").append(html(card.token().card().lastFour()))
                    .append("</option>");
        }
        return "<form id=\"checkout\" data-public-key=\"" + html(publicKey) + "\">"
                + "<label for=\"cardId\">Payment method</label>"
                + "<select id=\"cardId\" name=\"cardId\">" + options + "</select>"
                + "<label for=\"cvv\">Security code <small id=\"cvvLength\"></small></label>"
                + "<input type=\"text\" id=\"cvv\" inputmode=\"numeric\" autocomplete=\"cc-csc\" required>"
                + "<button type=\"submit\" id=\"pay\">Pay</button></form>"
                + "<p>Card token: <output id=\"token\"></output> <small id=\"tokenCard\"></small></p>"
                + "<p id=\"error\" role=\"alert\"></p>"
                + "<script src=\"" + SCRIPT + "\"></script><script src=\"" + DEMO_SCRIPT + "\"></script>";
    }

    private static void page(Context ctx, int status, String content) {
        String html = "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<title>Cofre demo checkout</title><style>"
                + "body{font-family:system-ui,sans-serif;max-width:28rem;margin:2rem auto;padding:0 1rem;color:#222}"
                + "label{display:block;margin:1rem 0 .3rem;font-weight:600}select,input{font-size:1.1rem;padding:.4rem}"
                + "button{display:block;margin-top:1.2rem;font-size:1.1rem;padding:.5rem 2rem;background:#0a7;color:#fff;border:0;border-radius:4px}"
                + "output{font-family:monospace;font-weight:700}#error{color:#b00}"
                + "</style></head><body><h1>Checkout</h1>" + content + "</body></html>";
        ctx.header("Content-Security-Policy", PAGE_POLICY);
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.status(status).contentType("text/html; charset=utf-8").result(html.getBytes(StandardCharsets.UTF_8));
        ctx.attribute(HttpApi.ANSWERED, true);
    }

    private static String html(String text) {
        if (text == null) {
            return "";
        }
        var out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** {@code {"status": ..., "message": ...}}: the few errors these paths have (an unknown script, the demo off). */
    @Override
    public Rendered render(List<Problem> problems) {
        var body = new LinkedHashMap<String, Object>();
        body.put("status", problems.head().status());
        body.put("message", problems.head().message());
        return Rendered.json(problems.head().status(), body);
    }

    private static byte[] resource(String name) {
        try (InputStream in = BrowserDialect.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
