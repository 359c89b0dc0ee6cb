package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The community Cielo E-commerce 3.0 SDK ({@code cielo} 2.4.4 from npm, unmodified, installed by {@code npm ci}
 * from the lockfile in {@code src/test/resources/cielo-sdk}) against the running server over real HTTP: only
 * its fixed host is rewritten (its request options wrapped, http.request for https.request), as issue 12 says.
 * A sale that saves the card, a sale by that CardToken (retried under one RequestId), capture, void, query,
 * POST /1/card, and seed 004's own example refused in the vendor's error format.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CieloSdkTest {

    static final Path SDK = Path.of("src/test/resources/cielo-sdk").toAbsolutePath();

    @Test
    void the_community_sdk_sells_saving_the_card_sells_by_CardToken_captures_voids_queries_and_tokenizes(
            @TempDir Path dir) throws Exception {
        assumeTrue(NodeSdk.nodeInstalled(), "node is not installed: the Cielo SDK test needs Node 18+");
        NodeSdk.install(SDK, "cielo");
        try (var cofre = new RunningCofre(dir, null, null, Instant.now(), Map.of())) {
            var merchant = cofre.merchant("Loja do SDK");
            var env = new HashMap<String, String>();
            env.put("COFRE_BASE", cofre.base());
            env.put("MERCHANT_ID", merchant.merchant().id().toString());
            env.put("MERCHANT_KEY", merchant.merchantKey());
            String output = NodeSdk.run(SDK, "sales-flow.cjs", env);

            Map<String, JsonNode> steps = new HashMap<>();
            for (String line : output.strip().split("\n")) {
                JsonNode json = RunningCofre.JSON.readTree(line);
                steps.put(json.get("step").asText(), json);
            }
            assertEquals(List.of("capture", "card", "cardToken", "query", "refused", "saveCard", "void"),
                    steps.keySet().stream().sorted().toList(), output);
            JsonNode saved = steps.get("saveCard");
            assertEquals(1, saved.get("status").asInt(), output);
            assertEquals("4", saved.get("returnCode").asText(), "the sandbox card ending in 1 is authorized");
            assertEquals("402400******0081", saved.get("cardNumber").asText());
            String cardToken = saved.get("cardToken").asText();
            assertEquals(36, cardToken.length(), output);

            JsonNode byToken = steps.get("cardToken");
            assertEquals(1, byToken.get("status").asInt());
            assertEquals(cardToken, byToken.get("cardToken").asText());
            assertEquals(byToken.get("paymentId").asText(), byToken.get("retriedPaymentId").asText(),
                    "one RequestId, one sale");

            assertEquals(2, steps.get("capture").get("status").asInt());
            assertEquals(2, steps.get("void").get("refundedStatus").asInt(), "a partial refund: still confirmed");
            assertEquals(10, steps.get("void").get("voidedStatus").asInt(), "voided before capture");
            JsonNode query = steps.get("query");
            assertEquals(15700, query.get("amount").asLong());
            assertEquals(10000, query.get("capturedAmount").asLong());
            assertEquals(4000, query.get("voidedAmount").asLong());
            assertEquals(cardToken, query.get("cardToken").asText());
            assertTrue(query.get("merchantOrderId").asText().startsWith("pedido-"));

            assertEquals(36, steps.get("card").get("cardToken").asText().length(), output);
            assertEquals("555555******4444", steps.get("card").get("cardNumber").asText(), output);
            var card = cofre.vault("GET", "/v1/Token/" + steps.get("card").get("cardToken").asText(),
                    cofre.bearer(merchant), null);
            assertEquals(200, card.status(), "the CardToken is the vault's token: " + card.body());

            JsonNode refused = steps.get("refused");
            assertEquals(400, refused.get("statusCode").asInt(), output);
            assertEquals(213, refused.get("code").asInt(), output);
        }
    }
}
