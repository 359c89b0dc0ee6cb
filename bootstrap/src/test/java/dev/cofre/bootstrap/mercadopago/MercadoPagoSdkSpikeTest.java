package dev.cofre.bootstrap.mercadopago;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.mercadopago.MercadoPagoConfig;
import com.mercadopago.client.cardtoken.CardTokenClient;
import com.mercadopago.client.cardtoken.CardTokenRequest;
import com.mercadopago.client.customer.CustomerCardClient;
import com.mercadopago.client.customer.CustomerCardCreateRequest;
import com.mercadopago.client.customer.CustomerClient;
import com.mercadopago.client.customer.CustomerRequest;
import com.mercadopago.net.MPSearchRequest;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spike for issue 10: Mercado Pago's official Java SDK (3.2.1, unmodified) can be pointed at a
 * local server with {@link LocalMercadoPagoHttpClient}. The local server here is a recorder that
 * answers with seed 000's own response examples: it checks what the SDK sends for seed 000's flow
 * (paths, methods, headers, bodies, query) and that it reads the seed's shapes (offset dates, ids as
 * strings, a bare array of cards). Cofre's own Mercado Pago dialect, built next, replaces the recorder.
 */
class MercadoPagoSdkSpikeTest {

    private static final String CUSTOMER = """
            {"id": "123456789-jxOV430go9fx2e", "email": "test@test.com", "first_name": null, "last_name": null,
             "phone": {"area_code": null, "number": null}, "identification": {"number": null, "type": null},
             "address": {"id": null, "street_name": null, "street_number": null, "zip_code": null},
             "addresses": [], "cards": [], "date_created": "2017-05-05T00:00:00.000-04:00",
             "date_last_updated": "2017-05-05T09:23:25.021-04:00", "date_registered": null,
             "default_address": null, "default_card": "1493990563105", "description": null,
             "live_mode": false, "metadata": {}}""";
    private static final String CARD = """
            {"id": "1493990563105", "expiration_month": 12, "expiration_year": 2020,
             "first_six_digits": "503175", "last_four_digits": "0604",
             "payment_method": {"id": "master", "name": "master", "payment_type_id": "credit_card",
               "thumbnail": "http://img.mlstatic.com/org-img/MP3/API/logos/master.gif",
               "secure_thumbnail": "https://www.mercadopago.com/org-img/MP3/API/logos/master.gif"},
             "security_code": {"length": 3, "card_location": "back"}, "issuer": {"id": 3, "name": "Mastercard"},
             "cardholder": {"name": "Card holdername", "identification": {"number": "12345678", "type": "DNI"}},
             "date_created": "2017-05-05T09:22:30.893-04:00", "date_last_updated": "2017-05-05T09:22:30.893-04:00",
             "customer_id": "255276729-yLOTNHQjpDWw1X", "user_id": "255276729", "live_mode": false}""";
    private static final String CARD_TOKEN = """
            {"id": "ff8080814c11e237014c1ff593b57b4d", "card_id": "1493990563105", "status": "active",
             "date_due": "2017-05-12T09:22:30.893-04:00", "date_created": "2017-05-05T09:22:30.893-04:00",
             "first_six_digits": "503175", "last_four_digits": "0604", "card_number_length": 16,
             "security_code_length": 3, "expiration_month": 12, "expiration_year": 2020,
             "cardholder": {"name": "Card holdername", "identification": {"number": "12345678", "type": "DNI"}}}""";

    record Seen(String method, String path, String query, Map<String, List<String>> headers, String body) {
        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private HttpServer recorder;

    @BeforeEach
    void start() throws IOException {
        recorder = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        recorder.createContext("/", this::answer);
        recorder.start();
        MercadoPagoConfig.setAccessToken("TEST-0000000000000000-000000-00000000000000000000000000000000-000000000");
        MercadoPagoConfig.setHttpClient(new LocalMercadoPagoHttpClient(
                URI.create("http://127.0.0.1:" + recorder.getAddress().getPort())));
    }

    @AfterEach
    void stop() {
        recorder.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        String path = exchange.getRequestURI().getRawPath();
        seen.add(new Seen(exchange.getRequestMethod(), path, exchange.getRequestURI().getRawQuery(),
                Map.copyOf(exchange.getRequestHeaders()), body));
        String reply;
        int status = 200;
        if (path.equals("/v1/customers") && exchange.getRequestMethod().equals("POST")) {
            reply = CUSTOMER;
            status = 201;
        } else if (path.equals("/v1/customers/search")) {
            reply = "{\"paging\": {\"limit\": 10, \"offset\": 0, \"total\": 1}, \"results\": [" + CUSTOMER + "]}";
        } else if (path.endsWith("/cards") && exchange.getRequestMethod().equals("GET")) {
            reply = "[" + CARD + "]";
        } else if (path.startsWith("/v1/card_tokens")) {
            reply = CARD_TOKEN;
            status = 201;
        } else {
            reply = CARD;
            status = exchange.getRequestMethod().equals("POST") ? 201 : 200;
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Test
    void the_unmodified_sdk_runs_seed_000s_flow_against_a_local_server() throws Exception {
        var customer = new CustomerClient().create(CustomerRequest.builder().email("test@test.com").build());
        assertEquals("123456789-jxOV430go9fx2e", customer.getId());
        assertEquals(ZoneOffset.ofHours(-4), customer.getDateLastUpdated().getOffset());
        Seen create = seen.get(0);
        assertEquals("POST /v1/customers", create.method() + " " + create.path());
        assertEquals("{\"email\":\"test@test.com\"}", create.body());
        assertTrue(create.header("Authorization").startsWith("Bearer TEST-"));
        assertTrue(create.header("X-Idempotency-Key") != null, "the SDK sends an idempotency key on POST");

        var cards = new CustomerCardClient();
        var card = cards.create(customer.getId(),
                CustomerCardCreateRequest.builder().token("9b2d63e00d66a8c721607214cedaecda").build());
        assertEquals("1493990563105", card.getId());
        assertEquals(3, card.getSecurityCode().getLength());
        assertEquals("POST /v1/customers/123456789-jxOV430go9fx2e/cards {\"token\":\"9b2d63e00d66a8c721607214cedaecda\"}",
                seen.get(1).method() + " " + seen.get(1).path() + " " + seen.get(1).body());

        assertEquals(1, cards.listAll(customer.getId()).getResults().size());
        assertEquals("GET /v1/customers/123456789-jxOV430go9fx2e/cards", seen.get(2).method() + " " + seen.get(2).path());

        var found = new CustomerClient().search(MPSearchRequest.builder().limit(10).offset(0)
                .filters(Map.of("email", "test@test.com")).build());
        assertEquals(1, found.getPaging().getTotal());
        Seen search = seen.get(3);
        assertEquals("/v1/customers/search", search.path());
        assertTrue(search.query().contains("email=test%40test.com"), search.query());
        assertTrue(search.query().contains("limit=10") && search.query().contains("offset=0"), search.query());

        var token = new CardTokenClient().create(CardTokenRequest.builder()
                .cardId(card.getId()).customerId(customer.getId()).securityCode("123").build());
        assertEquals("ff8080814c11e237014c1ff593b57b4d", token.getId());
        assertEquals("{\"card_id\":\"1493990563105\",\"customer_id\":\"123456789-jxOV430go9fx2e\",\"security_code\":\"123\"}",
                seen.get(4).body(), "the SDK sends customer_id with card_id");

        cards.delete(customer.getId(), card.getId());
        Seen delete = seen.get(5);
        assertEquals("DELETE /v1/customers/123456789-jxOV430go9fx2e/cards/1493990563105", delete.method() + " " + delete.path());
        assertFalse(delete.header("X-Idempotency-Key") != null, "the SDK sends no idempotency key on DELETE");
    }
}
