package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.mercadopago.MercadoPagoConfig;
import com.mercadopago.client.cardtoken.CardTokenClient;
import com.mercadopago.client.cardtoken.CardTokenRequest;
import com.mercadopago.client.customer.CustomerCardClient;
import com.mercadopago.client.customer.CustomerCardCreateRequest;
import com.mercadopago.client.customer.CustomerClient;
import com.mercadopago.client.customer.CustomerRequest;
import com.mercadopago.client.payment.PaymentClient;
import com.mercadopago.client.payment.PaymentCreateRequest;
import com.mercadopago.client.payment.PaymentPayerRequest;
import com.mercadopago.exceptions.MPApiException;
import com.mercadopago.resources.payment.Payment;
import dev.cofre.bootstrap.mercadopago.LocalMercadoPagoHttpClient;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Mercado Pago's official Java SDK ({@code com.mercadopago:sdk-java} 3.2.1, unmodified) runs seed 000's
 * payment flow against the running server: a payment from a saved card's token with
 * {@code payer{type: customer}}, authorized only, then read, captured in part and refunded in part; a
 * second one cancelled. Only each request's base URI is rewritten ({@link LocalMercadoPagoHttpClient}).
 * The SDK types payment and refund ids as {@code Long}, amounts as {@code BigDecimal} and dates as
 * {@code OffsetDateTime}: every answer here went through its deserializer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MercadoPagoPaymentSdkTest {

    private Path dataDir;
    private RunningCofre cofre;

    @BeforeAll
    void start() throws Exception {
        dataDir = Files.createTempDirectory("cofre-mercadopago-payment-sdk");
        cofre = new RunningCofre(dataDir, null, null, Instant.parse("2026-11-22T12:00:00Z"),
                Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"));
        var merchant = cofre.merchant("Loja do SDK");
        MercadoPagoConfig.setAccessToken(cofre.wiring().accessTokens().issue(merchant.merchant().id()));
        MercadoPagoConfig.setHttpClient(new LocalMercadoPagoHttpClient(URI.create(cofre.base())));
    }

    @AfterAll
    void stop() throws Exception {
        if (cofre != null) {
            cofre.close();
        }
        try (var files = Files.walk(dataDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    /** A card token from the customer's saved card plus its security code, as seed 000 makes one. */
    private static String savedCardToken(String customerId) throws Exception {
        var card = new JsonObject();
        card.addProperty("card_number", "5555555555554444");
        card.addProperty("expiration_month", 11);
        card.addProperty("expiration_year", 2030);
        card.addProperty("security_code", "123");
        var holder = new JsonObject();
        holder.addProperty("name", "APRO");
        card.add("cardholder", holder);
        String raw = new MercadoPagoSdkTest.RawCardTokens(MercadoPagoConfig.getHttpClient()).create(card).getId();
        var cards = new CustomerCardClient();
        String cardId = cards.listAll(customerId).getResults().isEmpty()
                ? cards.create(customerId, CustomerCardCreateRequest.builder().token(raw).build()).getId()
                : cards.listAll(customerId).getResults().get(0).getId();
        return new CardTokenClient().create(CardTokenRequest.builder()
                .cardId(cardId).customerId(customerId).securityCode("123").build()).getId();
    }

    private static PaymentCreateRequest authorizeOnly(String token, String customerId, String amount) {
        return PaymentCreateRequest.builder()
                .transactionAmount(new BigDecimal(amount))
                .token(token)
                .installments(1)
                .paymentMethodId("master")
                .description("Pedido 1234")
                .externalReference("pedido-1234")
                .capture(false)
                .payer(PaymentPayerRequest.builder().type("customer").id(customerId).build())
                .build();
    }

    @Test
    void the_unmodified_sdk_pays_with_a_card_token_then_gets_captures_refunds_and_cancels() throws Exception {
        String customerId = new CustomerClient().create(CustomerRequest.builder().email("sdk@test.com").build()).getId();
        var payments = new PaymentClient();

        Payment created = payments.create(authorizeOnly(savedCardToken(customerId), customerId, "100.00"));
        assertNotNull(created.getId());
        assertEquals(201, created.getResponse().getStatusCode());
        assertEquals("authorized", created.getStatus());
        assertEquals("pending_capture", created.getStatusDetail());
        assertFalse(created.isCaptured());
        assertEquals(0, new BigDecimal("100").compareTo(created.getTransactionAmount()));
        assertEquals("customer", created.getPayer().getType());
        assertEquals(customerId, created.getPayer().getId());
        assertEquals("4444", created.getCard().getLastFourDigits());
        assertEquals("555555", created.getCard().getFirstSixDigits());
        assertEquals("pedido-1234", created.getExternalReference());
        assertNotNull(created.getDateCreated().getOffset());

        Payment read = payments.get(created.getId());
        assertEquals(created.getId(), read.getId());
        assertEquals("authorized", read.getStatus());

        Payment captured = payments.capture(created.getId(), new BigDecimal("80.50"));
        assertEquals("approved", captured.getStatus());
        assertEquals("accredited", captured.getStatusDetail());
        assertTrue(captured.isCaptured());
        assertEquals(0, new BigDecimal("80.50").compareTo(captured.getTransactionAmount()));

        var refund = payments.refund(created.getId(), new BigDecimal("30.25"));
        assertNotNull(refund.getId());
        assertEquals(created.getId(), refund.getPaymentId());
        assertEquals(0, new BigDecimal("30.25").compareTo(refund.getAmount()));
        assertEquals("approved", refund.getStatus());
        assertNotNull(refund.getDateCreated());
        var refunds = payments.listRefunds(created.getId()).getResults();
        assertEquals(1, refunds.size());
        assertEquals(refund.getId(), refunds.get(0).getId());
        assertEquals(refund.getId(), payments.getRefund(created.getId(), refund.getId()).getId());
        Payment afterRefund = payments.get(created.getId());
        assertEquals(0, new BigDecimal("30.25").compareTo(afterRefund.getTransactionAmountRefunded()));
        assertEquals(1, afterRefund.getRefunds().size());

        Payment second = payments.create(authorizeOnly(savedCardToken(customerId), customerId, "45.00"));
        Payment cancelled = payments.cancel(second.getId());
        assertEquals("cancelled", cancelled.getStatus());
        assertEquals("by_collector", cancelled.getStatusDetail());
        var refused = assertThrows(MPApiException.class, () -> payments.capture(second.getId()));
        assertEquals(400, refused.getStatusCode());
        assertTrue(refused.getApiResponse().getContent().contains("\"cause\""), refused.getApiResponse().getContent());

        var missing = assertThrows(MPApiException.class, () -> payments.get(123456789012L));
        assertEquals(404, missing.getStatusCode());
    }
}
