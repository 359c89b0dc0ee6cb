package dev.cofre.benchmarks;

import dev.cofre.benchmarks.Servers.Server;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The vendor-format routes the HTTP benchmark drives besides the vault's JSON: JustClick
 * SaveCreditCard and GetMaskedCreditCard over SOAP ({@code /v2/cartaoprotegido.asmx}, the envelope
 * the Node and PHP SDKs write), and authorize-and-capture through the Pagar.me v5 orders dialect
 * ({@code POST /core/v5/orders}, {@code Authorization: Basic base64(sk_...:)}, the acquirer simulator
 * with no latency, which is its default). The sandbox merchant's MerchantKey and secret key are read
 * from the server's first-start output. Each route is checked once to succeed before it is loaded:
 * a JustClick error answers HTTP 200, which wrk would count as a success. {@code justClickKey}: a
 * card saved through SaveCreditCard, for GetMaskedCreditCard.
 */
record VendorRoutes(String merchantKey, String secretKey, String justClickKey) {

    static final String ASMX = "/v2/cartaoprotegido.asmx";
    static final String ORDERS = "/core/v5/orders";
    private static final String NS = "http://www.cartaoprotegido.com.br/WebService/";
    private static final Pattern MERCHANT_KEY = Pattern.compile("MerchantKey:\\s+([0-9a-fA-F-]{36})");
    private static final Pattern SECRET_KEY = Pattern.compile("secret key:\\s+(sk_\\S+)");
    private static final Pattern JUSTCLICK_KEY = Pattern.compile("<JustClickKey>([0-9a-fA-F-]{36})</JustClickKey>");
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** The seed 002 example order, paid at once (auth_and_capture) with a card the simulator approves. */
    static final String ORDER_BODY = "{\"items\":[{\"amount\":2990,\"description\":\"Chaveiro do Tesseract\",\"quantity\":1}],"
            + "\"customer\":{\"name\":\"Tony Stark\",\"email\":\"tony@stark.com\"},"
            + "\"payments\":[{\"payment_method\":\"credit_card\",\"credit_card\":{\"operation_type\":\"auth_and_capture\","
            + "\"installments\":1,\"statement_descriptor\":\"AVENGERS\",\"card\":{\"number\":\"4000000000000010\","
            + "\"holder_name\":\"Tony Stark\",\"exp_month\":1,\"exp_year\":30,\"cvv\":\"3531\"}}}]}";

    /** Reads the sandbox's keys from {@code server}'s output, saves one card and pays one order, checking both. */
    static VendorRoutes of(Server server) throws IOException, InterruptedException {
        String log = Files.readString(server.log, StandardCharsets.UTF_8);
        String merchantKey = first(MERCHANT_KEY, log, server.name + " printed no MerchantKey");
        String secretKey = first(SECRET_KEY, log, server.name + " printed no secret key");
        var saved = post(server, ASMX, save(merchantKey, UUID.randomUUID().toString()), "text/xml; charset=utf-8", null);
        if (saved.statusCode() != 200 || !saved.body().contains("<Success>true</Success>")) {
            throw new IllegalStateException("SaveCreditCard answered " + saved.statusCode() + ": " + saved.body());
        }
        var routes = new VendorRoutes(merchantKey, secretKey, first(JUSTCLICK_KEY, saved.body(), "no JustClickKey"));
        var masked = post(server, ASMX, routes.masked(UUID.randomUUID().toString()), "text/xml; charset=utf-8", null);
        if (masked.statusCode() != 200 || !masked.body().contains("<Success>true</Success>")) {
            throw new IllegalStateException("GetMaskedCreditCard answered " + masked.statusCode() + ": " + masked.body());
        }
        var order = post(server, ORDERS, ORDER_BODY, "application/json", routes.basic());
        if (order.statusCode() != 200 || !order.body().contains("\"status\":\"paid\"")) {
            throw new IllegalStateException("POST /core/v5/orders answered " + order.statusCode() + ": " + order.body());
        }
        return routes;
    }

    /** {@code Basic base64(sk_...:)}, as Pagar.me's SDK sends the secret key. */
    String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((secretKey + ":").getBytes(StandardCharsets.UTF_8));
    }

    static String save(String merchantKey, String requestId) {
        return envelope("SaveCreditCard", "saveCreditCardRequestWS", "<RequestId>" + requestId + "</RequestId>"
                + "<MerchantKey>" + merchantKey + "</MerchantKey><CustomerIdentification>12345678909</CustomerIdentification>"
                + "<CustomerName>Comprador Fulano de tal</CustomerName><CardHolder>" + Fixtures.HOLDER + "</CardHolder>"
                + "<CardNumber>" + Fixtures.NUMBER + "</CardNumber><CardExpiration>" + Fixtures.EXPIRATION + "</CardExpiration>"
                + "<JustClickAlias></JustClickAlias><DataCollection />");
    }

    String masked(String requestId) {
        return envelope("GetMaskedCreditCard", "getMaskedCreditCardRequestWS", "<RequestId>" + requestId + "</RequestId>"
                + "<MerchantKey>" + merchantKey + "</MerchantKey><JustClickKey>" + justClickKey + "</JustClickKey>"
                + "<JustClickAlias></JustClickAlias>");
    }

    private static String envelope(String method, String wrapper, String fields) {
        return "<soap:Envelope xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
                + "xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\" xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">"
                + "<soap:Body><" + method + " xmlns=\"" + NS + "\"><" + wrapper + ">" + fields + "</" + wrapper + "></" + method
                + "></soap:Body></soap:Envelope>";
    }

    /**
     * A wrk script posting {@code body} with a new RequestId (a GUID) on every request: a JustClick
     * RequestId may be used once. {@code body} holds the placeholder {@code REQUEST_ID}; each wrk
     * process takes its GUIDs' first group from the kernel, so two phases never repeat one.
     */
    static String soapScript(String body) {
        return "wrk.method = \"POST\"\nwrk.headers[\"Content-Type\"] = \"text/xml; charset=utf-8\"\n"
                + "local template = [[" + body + "]]\n"
                + "local f = io.open(\"/proc/sys/kernel/random/uuid\")\nlocal run = string.sub(f:read(\"*l\"), 1, 8)\nf:close()\n"
                + "local n = 0\nrequest = function()\n  n = n + 1\n"
                // the request number in decimal: its digits are hex digits too
                + "  local id = string.format(\"%s-0000-4000-8000-%012d\", run, n)\n"
                + "  return wrk.format(nil, nil, nil, (string.gsub(template, \"REQUEST_ID\", id)))\nend\n";
    }

    /** A wrk script paying the example order again and again (no idempotency-key: each is a new order). */
    String orderScript() {
        return "wrk.method = \"POST\"\nwrk.body = [[" + ORDER_BODY + "]]\n"
                + "wrk.headers[\"Content-Type\"] = \"application/json\"\n"
                + "wrk.headers[\"Authorization\"] = \"" + basic() + "\"\n";
    }

    /** Writes this server's three scripts as {@code <prefix>-jcsave.lua}, {@code -jcmasked.lua}, {@code -order.lua}. */
    void writeScripts(Path work, String prefix) throws IOException {
        Files.writeString(work.resolve(prefix + "-jcsave.lua"), soapScript(save(merchantKey, "REQUEST_ID")));
        Files.writeString(work.resolve(prefix + "-jcmasked.lua"), soapScript(masked("REQUEST_ID")));
        Files.writeString(work.resolve(prefix + "-order.lua"), orderScript());
    }

    private static HttpResponse<String> post(Server server, String path, String body, String contentType, String authorization)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl + path)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String first(Pattern pattern, String text, String otherwise) {
        Matcher m = pattern.matcher(text);
        if (!m.find()) {
            throw new IllegalStateException(otherwise);
        }
        return m.group(1);
    }
}
