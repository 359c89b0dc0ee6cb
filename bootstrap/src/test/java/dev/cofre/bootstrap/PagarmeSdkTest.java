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
 * Pagar.me's official Node SDK ({@code @pagarme/pagarme-nodejs-sdk} 7.0.2, unmodified, installed by
 * {@code npm ci} from the lockfile in {@code src/test/resources/pagarme-sdk}) against the running
 * server over real HTTP: only its fixed host is rewritten by a Client subclass, as issue 11 says.
 * The SDK validates every response against its own schemas, so a shape it does not accept fails here.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PagarmeSdkTest {

    static final Path SDK = Path.of("src/test/resources/pagarme-sdk").toAbsolutePath();

    @Test
    void the_official_sdk_creates_reads_captures_and_cancels_orders_by_card_card_id_3ds_and_network_token(
            @TempDir Path dir) throws Exception {
        assumeTrue(NodeSdk.nodeInstalled(), "node is not installed: the Pagar.me SDK test needs Node 18+");
        NodeSdk.install(SDK, "@pagarme/pagarme-nodejs-sdk");
        try (var cofre = new RunningCofre(dir, null, null, Instant.now(), Map.of())) {
            var merchant = cofre.merchant("Stark Industries");
            String secretKey = cofre.wiring().secretKeys().issue(merchant.merchant().id());
            var vaulted = cofre.vault("POST", "/v1/Token", cofre.bearer(merchant),
                    VaultServerContract.card(null, "4551870000000183", "12/2030"));
            assertEquals(201, vaulted.status(), vaulted.body());
            String cardId = "card_" + vaulted.json().get("TokenReference").asText().replace("-", "");

            var env = new HashMap<String, String>();
            env.put("COFRE_BASE", cofre.base());
            env.put("SK", secretKey);
            env.put("CARD_ID", cardId);
            env.put("CRYPTOGRAM", "ANfQt43bddROAAEnSAMhAAADFA" + Long.toHexString(System.nanoTime()));
            String output = NodeSdk.run(SDK, "orders-flow.cjs", env);

            Map<String, JsonNode> scenarios = new HashMap<>();
            for (String line : output.strip().split("\n")) {
                JsonNode json = RunningCofre.JSON.readTree(line);
                scenarios.put(json.get("scenario").asText(), json);
            }
            assertEquals(List.of("3ds", "card", "card_id", "network_token", "saved_card", "void"),
                    scenarios.keySet().stream().sorted().toList(), output);
            JsonNode card = scenarios.get("card");
            assertEquals("authorized_pending_capture", card.get("created").asText());
            assertEquals("pending", card.get("got").asText());
            assertEquals("partial_capture", card.get("captured").asText());
            assertEquals(2000, card.get("paidAmount").asInt());
            assertEquals("refunded", card.get("cancelled").asText());
            assertEquals("canceled", card.get("chargeStatus").asText());
            assertEquals("voided", scenarios.get("void").get("cancelled").asText());
            JsonNode saved = scenarios.get("saved_card");
            assertTrue(saved.get("savedCardId").asText().matches("card_[0-9a-f]{32}"), saved.toString());
            assertTrue(saved.get("customerId").asText().matches("cus_[0-9A-Za-z]{14}"), saved.toString());
            assertEquals("Tony Stark", saved.get("customerName").asText());
            assertEquals("tony@stark.com", saved.get("customerEmail").asText());
            assertEquals("12345678909", saved.get("document").asText());
            assertEquals("pedido-saved", saved.get("code").asText(), "the order's code is echoed");
            assertEquals("paid", saved.get("status").asText(), "the saved card is charged by card_id");
            assertEquals(saved.get("savedCardId"), saved.get("cardId"));
            assertEquals(saved.get("customerId"), saved.get("paidBy"));
            assertEquals(saved.get("customerId"), saved.get("chargeCustomer"));
            assertEquals("paid", scenarios.get("card_id").get("status").asText());
            assertEquals(cardId, scenarios.get("card_id").get("cardId").asText());
            assertEquals("captured", scenarios.get("3ds").get("transaction").asText());
            assertEquals("captured", scenarios.get("network_token").get("transaction").asText());
        }
    }
}
