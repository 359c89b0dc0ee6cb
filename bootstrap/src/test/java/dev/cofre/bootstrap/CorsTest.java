package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.merchant.PublishableKeyAccess.Kind;
import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.bootstrap.RunningCofre.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * CORS as browsers ask for it, in raw HTTP/1.1 over a socket: a preflight ({@code OPTIONS} with
 * {@code Origin} and {@code Access-Control-Request-Method}) on the two card-token routes is allowed only
 * for the merchant's configured origins, never with {@code *}; the token request itself answers the
 * origin back; every other route carries no CORS header at all.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CorsTest {

    static final String SHOP = "https://shop.example";
    static final String EVIL = "https://evil.example";

    Path dataDir;
    RunningCofre cofre;
    RegisterMerchant.Registered merchant;
    String publicKey;
    String appId;
    String accessToken;

    @BeforeAll
    void start(@TempDir Path dir) {
        dataDir = dir;
        cofre = new RunningCofre(dataDir, null, null, Instant.parse("2026-11-22T12:00:00Z"),
                Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"));
        merchant = cofre.merchant("Loja CORS");
        var keys = cofre.wiring().publishableKeys();
        publicKey = keys.issue(merchant.merchant().id(), Kind.MERCADO_PAGO);
        appId = keys.issue(merchant.merchant().id(), Kind.PAGARME);
        accessToken = cofre.wiring().accessTokens().issue(merchant.merchant().id());
        assertTrue(keys.setOrigins(merchant.merchant().id(), List.of(SHOP, "http://localhost:3000")).isRight());
    }

    @AfterAll
    void stop() {
        if (cofre != null) {
            cofre.close();
        }
    }

    /** A raw HTTP/1.1 exchange: the request line and headers as written, the status and headers as read. */
    record Raw(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    Raw raw(String method, String path, String... headers) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", cofre.port())) {
            socket.setSoTimeout(10_000);
            var request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + cofre.port()
                    + "\r\nConnection: close\r\n");
            for (String h : headers) {
                request.append(h).append("\r\n");
            }
            request.append("\r\n");
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = all.indexOf("\r\n\r\n");
            String[] lines = all.substring(0, end).split("\r\n");
            var parsed = new HashMap<String, String>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                parsed.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
            return new Raw(Integer.parseInt(lines[0].split(" ")[1]), parsed, all.substring(end + 4));
        }
    }

    Raw preflight(String path, String origin, String requestHeaders) throws IOException {
        return raw("OPTIONS", path, "Origin: " + origin, "Access-Control-Request-Method: POST",
                "Access-Control-Request-Headers: " + requestHeaders);
    }

    String mp() {
        return "/v1/card_tokens?public_key=" + URLEncoder.encode(publicKey, StandardCharsets.UTF_8);
    }

    String pagarme() {
        return "/core/v5/tokens?appId=" + URLEncoder.encode(appId, StandardCharsets.UTF_8);
    }

    @Test
    void a_preflight_from_a_configured_origin_is_allowed_on_both_card_token_routes() throws IOException {
        for (String path : List.of(mp(), pagarme())) {
            Raw r = preflight(path, SHOP, "content-type");
            assertEquals(204, r.status(), path + " " + r.body());
            assertEquals(SHOP, r.header("Access-Control-Allow-Origin"), r.headers().toString());
            assertEquals("POST", r.header("Access-Control-Allow-Methods"));
            assertTrue(r.header("Access-Control-Allow-Headers").toLowerCase(Locale.ROOT).contains("content-type"));
            assertEquals("600", r.header("Access-Control-Max-Age"));
            assertTrue(r.header("Vary").contains("Origin"), r.headers().toString());
            assertNull(r.header("Access-Control-Allow-Credentials"), "no credentials: the key is in the URL");
        }
        Raw local = preflight(mp(), "http://LOCALHOST:3000", "content-type, x-idempotency-key");
        assertEquals(204, local.status(), "origins compare as browsers print them");
        assertTrue(local.header("Access-Control-Allow-Headers").contains("X-Idempotency-Key"));
    }

    @Test
    void a_preflight_from_any_other_origin_or_without_a_valid_key_gets_no_cors_header() throws IOException {
        String wrongKey = "/v1/card_tokens?public_key=APP_USR-00000000-0000-0000-0000-000000000000";
        for (String[] c : List.of(new String[] {mp(), EVIL}, new String[] {pagarme(), EVIL},
                new String[] {mp(), "https://shop.example:8443"}, new String[] {mp(), "http://shop.example"},
                new String[] {mp(), "null"}, new String[] {wrongKey, SHOP}, new String[] {"/v1/card_tokens", SHOP},
                new String[] {"/core/v5/tokens?appId=" + publicKey, SHOP})) {
            Raw r = preflight(c[0], c[1], "content-type");
            assertEquals(c[0].startsWith("/core") ? 403 : 400, r.status(), c[0] + " from " + c[1] + ": " + r.body());
            assertNull(r.header("Access-Control-Allow-Origin"), c[0] + " from " + c[1]);
            assertNull(r.header("Access-Control-Allow-Methods"));
        }
    }

    @Test
    void the_token_request_answers_its_origin_back_and_a_foreign_origin_makes_no_token() throws IOException {
        String card = MercadoPagoServerContract.rawCard("5555555555554444", "123");
        Reply allowed = cofre.send("POST", mp(), card, Map.of("Content-Type", "application/json", "Origin", SHOP));
        assertEquals(201, allowed.status(), allowed.body());
        assertEquals(SHOP, allowed.header("Access-Control-Allow-Origin"));

        String before = DatabaseSnapshot.of("jdbc:sqlite:" + dataDir.resolve("cofre.db"), null);
        Reply foreign = cofre.send("POST", mp(), card, Map.of("Content-Type", "application/json", "Origin", EVIL));
        MercadoPagoServerContract.assertVendorError(foreign, 401);
        assertNull(foreign.header("Access-Control-Allow-Origin"));
        Reply foreignPagarme = cofre.send("POST", pagarme(), PublicKeyContract.pagarmeCard("4000000000000010", "353"),
                Map.of("Content-Type", "application/json", "Origin", EVIL));
        assertEquals(401, foreignPagarme.status(), foreignPagarme.body());
        assertNull(foreignPagarme.header("Access-Control-Allow-Origin"));
        assertEquals(before, DatabaseSnapshot.of("jdbc:sqlite:" + dataDir.resolve("cofre.db"), null),
                "a refused origin made no token");

        Reply invalid = cofre.send("POST", mp(), "{}", Map.of("Content-Type", "application/json", "Origin", SHOP));
        MercadoPagoServerContract.assertVendorError(invalid, 400);
        assertEquals(SHOP, invalid.header("Access-Control-Allow-Origin"), "the page can read why it was refused");
    }

    @Test
    void every_other_route_has_no_cors_at_all() throws IOException {
        for (String path : List.of("/v1/customers", "/v1/customers/search?email=a@b.com", "/core/v5/orders",
                "/v1/Token", "/oauth2/token", "/js/cofre.js", "/demo/checkout", "/health",
                "/v1/card_tokens/0123456789abcdef0123456789abcdef")) {
            Raw options = preflight(path + (path.contains("?") ? "&" : "?") + "public_key="
                    + URLEncoder.encode(publicKey, StandardCharsets.UTF_8), SHOP, "content-type");
            assertTrue(options.status() >= 400, path + " answers a preflight with " + options.status());
            assertNull(options.header("Access-Control-Allow-Origin"), path);
        }
        Raw get = raw("GET", "/v1/customers/search?email=a@b.com", "Origin: " + SHOP,
                "Authorization: Bearer " + accessToken);
        assertEquals(200, get.status(), get.body());
        assertNull(get.header("Access-Control-Allow-Origin"), "a secret-key route is never readable cross-origin");
        Raw script = raw("GET", "/js/cofre.js", "Origin: " + SHOP);
        assertEquals(200, script.status());
        assertNull(script.header("Access-Control-Allow-Origin"));
    }

    @Test
    void origins_are_exact_and_never_a_wildcard() {
        var keys = cofre.wiring().publishableKeys();
        var id = cofre.merchant("Loja Curinga").merchant().id();
        var refused = keys.setOrigins(id, List.of("*", "https://*.shop.example", "https://shop.example/checkout",
                "ftp://shop.example", "shop.example", "https://user@shop.example"));
        assertTrue(refused.isLeft());
        assertEquals(6, refused.getLeft().errors().size(), refused.getLeft().toString());
        assertTrue(keys.originsOf(id).isEmpty(), "nothing changed");
        assertEquals(List.of("https://shop.example"), keys.setOrigins(id, List.of("HTTPS://Shop.Example:443"))
                .get().map(o -> o.value()).toJavaList());
    }
}
