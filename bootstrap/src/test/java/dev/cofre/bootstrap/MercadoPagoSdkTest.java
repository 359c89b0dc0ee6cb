package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.mercadopago.MercadoPagoConfig;
import com.mercadopago.client.MercadoPagoClient;
import com.mercadopago.client.cardtoken.CardTokenClient;
import com.mercadopago.client.cardtoken.CardTokenRequest;
import com.mercadopago.client.customer.CustomerCardClient;
import com.mercadopago.client.customer.CustomerCardCreateRequest;
import com.mercadopago.client.customer.CustomerClient;
import com.mercadopago.client.customer.CustomerRequest;
import com.mercadopago.exceptions.MPApiException;
import com.mercadopago.net.HttpMethod;
import com.mercadopago.net.MPHttpClient;
import com.mercadopago.net.MPSearchRequest;
import com.mercadopago.resources.CardToken;
import com.mercadopago.serialization.Serializer;
import dev.cofre.bootstrap.mercadopago.LocalMercadoPagoHttpClient;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Mercado Pago's official Java SDK ({@code com.mercadopago:sdk-java} 3.2.1, unmodified) runs seed
 * 000's flow against the running server, on SQLite and on a PostgreSQL schema of its own: only each request's base URI is rewritten
 * ({@link LocalMercadoPagoHttpClient}), as the SDK's base URL is a constant and its default client
 * speaks https only. What the SDK sends, learnt from a recorder first: a Bearer access token and an
 * {@code X-Idempotency-Key} on every POST and PUT (none on DELETE), {@code customer_id} with
 * {@code card_id} on card tokens, {@code limit} and {@code offset} on searches; it refuses dates
 * without an offset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MercadoPagoSdkTest {

    private final java.util.List<Path> dataDirs = new java.util.ArrayList<>();

    /**
     * The SDK's card-token client only makes tokens from a saved card (raw card data is for
     * MercadoPago.js in the browser); the raw-data token goes through the SDK's own transport,
     * headers and serializer, as its resource clients do.
     */
    static final class RawCardTokens extends MercadoPagoClient {
        RawCardTokens(MPHttpClient http) {
            super(http);
        }

        CardToken create(JsonObject card) throws Exception {
            return Serializer.deserializeFromJson(CardToken.class,
                    send("/v1/card_tokens", HttpMethod.POST, card, null).getContent());
        }
    }

    /** The server on a database of its own, the SDK's static configuration pointed at it. */
    private RunningCofre serve(String dbUrl, String schema) throws Exception {
        Path dataDir = Files.createTempDirectory("cofre-mercadopago-sdk");
        dataDirs.add(dataDir);
        var cofre = new RunningCofre(dataDir, dbUrl, schema, Instant.parse("2026-11-22T12:00:00Z"),
                Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"));
        var merchant = cofre.merchant("Loja do SDK");
        MercadoPagoConfig.setAccessToken(cofre.wiring().accessTokens().issue(merchant.merchant().id()));
        MercadoPagoConfig.setHttpClient(new LocalMercadoPagoHttpClient(URI.create(cofre.base())));
        return cofre;
    }

    @AfterAll
    void stop() throws Exception {
        for (Path dataDir : dataDirs) {
            try (var files = Files.walk(dataDir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void the_unmodified_sdk_runs_seed_000s_flow_against_the_real_server_on_SQLite() throws Exception {
        try (var cofre = serve(null, null)) {
            seed000Flow();
        }
    }

    @Test
    @OnPostgres
    void the_unmodified_sdk_runs_seed_000s_flow_against_the_real_server_on_PostgreSQL() throws Exception {
        try (var cofre = serve(OnPostgres.URL, "mp_sdk_" + Long.toHexString(System.nanoTime()))) {
            seed000Flow();
        }
    }

    private void seed000Flow() throws Exception {
        var customers = new CustomerClient();
        var customer = customers.create(CustomerRequest.builder().email("test@test.com").build());
        assertTrue(customer.getId().matches("\\d{9}-[0-9A-Za-z]{14}"), customer.getId());
        assertNotNull(customer.getDateCreated().getOffset());
        assertNull(customer.getDefaultCard());

        var card = new JsonObject();
        card.addProperty("card_number", "5555555555554444");
        card.addProperty("expiration_month", 11);
        card.addProperty("expiration_year", 2030);
        card.addProperty("security_code", "123");
        var holder = new JsonObject();
        holder.addProperty("name", "APRO");
        card.add("cardholder", holder);
        CardToken raw = new RawCardTokens(MercadoPagoConfig.getHttpClient()).create(card);
        assertEquals(32, raw.getId().length());
        assertEquals("4444", raw.getLastFourDigits());
        assertEquals(3, raw.getSecurityCodeLength());

        var cards = new CustomerCardClient();
        var saved = cards.create(customer.getId(), CustomerCardCreateRequest.builder().token(raw.getId()).build());
        assertTrue(saved.getId().matches("\\d{13}"), saved.getId());
        assertEquals("master", saved.getPaymentMethod().getId());
        assertEquals(3, saved.getSecurityCode().getLength());
        assertEquals(customer.getId(), saved.getCustomerId());
        assertEquals(11, saved.getExpirationMonth());

        var listed = cards.listAll(customer.getId()).getResults();
        assertEquals(1, listed.size());
        assertEquals(saved.getId(), listed.get(0).getId());

        var found = customers.search(MPSearchRequest.builder().limit(10).offset(0)
                .filters(Map.of("email", "test@test.com")).build());
        assertEquals(1, found.getPaging().getTotal());
        assertEquals(customer.getId(), found.getResults().get(0).getId());
        assertEquals(saved.getId(), found.getResults().get(0).getDefaultCard());

        var again = new CardTokenClient().create(CardTokenRequest.builder()
                .cardId(saved.getId()).customerId(customer.getId()).securityCode("123").build());
        assertEquals(saved.getId(), again.getCardId());
        assertEquals("active", again.getStatus());
        assertFalse(again.getId().equals(raw.getId()));

        assertEquals(saved.getId(), cards.get(customer.getId(), saved.getId()).getId());
        assertEquals(saved.getId(), cards.delete(customer.getId(), saved.getId()).getId());
        var gone = assertThrows(MPApiException.class, () -> cards.get(customer.getId(), saved.getId()));
        assertEquals(404, gone.getStatusCode());
        assertTrue(gone.getApiResponse().getContent().contains("\"cause\""), gone.getApiResponse().getContent());
        assertNull(customers.get(customer.getId()).getDefaultCard());
    }
}
