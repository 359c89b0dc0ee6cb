package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.application.merchant.PublishableKeyAccess.Kind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pagar.me's official Node SDK, unmodified but for its host, creates a card token with the merchant's
 * appId ({@code TokensController.createToken}, {@code POST /core/v5/tokens?appId=}) and then pays an
 * order with it as {@code card_token} under the secret key: one store of card tokens for both.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicKeyPagarmeSdkTest {

    @Test
    void the_official_sdk_tokenizes_with_the_app_id_and_pays_an_order_with_the_token(@TempDir Path dir)
            throws Exception {
        assumeTrue(NodeSdk.nodeInstalled(), "node is not installed: the Pagar.me SDK test needs Node 18+");
        NodeSdk.install(PagarmeSdkTest.SDK, "@pagarme/pagarme-nodejs-sdk");
        try (var cofre = new RunningCofre(dir, null, null, Instant.now(), Map.of())) {
            var merchant = cofre.merchant("Stark Industries").merchant().id();
            String output = NodeSdk.run(PagarmeSdkTest.SDK, "tokens-flow.cjs", Map.of("COFRE_BASE", cofre.base(),
                    "APP_ID", cofre.wiring().publishableKeys().issue(merchant, Kind.PAGARME),
                    "SK", cofre.wiring().secretKeys().issue(merchant)));
            JsonNode result = RunningCofre.JSON.readTree(output.strip());
            assertTrue(result.get("token").asText().matches("token_[0-9a-f]{32}"), output);
            assertEquals("card", result.get("type").asText());
            assertEquals("0010", result.get("lastFour").asText());
            assertEquals("Visa", result.get("brand").asText());
            assertEquals("Tony Stark", result.get("holder").asText());
            assertEquals(2030, result.get("expYear").asInt());
            assertEquals("paid", result.get("status").asText(), output);
            assertEquals("0010", result.get("charged").asText());
        }
    }
}
