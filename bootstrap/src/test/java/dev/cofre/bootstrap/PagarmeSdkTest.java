package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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

    private static boolean nodeInstalled() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** What .ci/run does first; done here too when the folder has not been installed yet. */
    private static void installSdk() throws Exception {
        if (Files.isDirectory(SDK.resolve("node_modules/@pagarme/pagarme-nodejs-sdk"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(SDK.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(npm.waitFor(300, TimeUnit.SECONDS), "npm ci took too long");
        assertEquals(0, npm.exitValue(), "npm ci: " + output);
    }

    @Test
    void the_official_sdk_creates_reads_captures_and_cancels_orders_by_card_card_id_3ds_and_network_token(
            @TempDir Path dir) throws Exception {
        assumeTrue(nodeInstalled(), "node is not installed: the Pagar.me SDK test needs Node 18+");
        installSdk();
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
            env.put("CRYPTOGRAM", "ANfQt43bddROAAEnSAMhAAADFA" + System.nanoTime());
            var builder = new ProcessBuilder("node", "orders-flow.cjs").directory(SDK.toFile());
            builder.environment().putAll(env);
            Process node = builder.redirectErrorStream(true).start();
            String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the SDK run took too long: " + output);
            assertEquals(0, node.exitValue(), output);

            Map<String, JsonNode> scenarios = new HashMap<>();
            for (String line : output.strip().split("\n")) {
                JsonNode json = RunningCofre.JSON.readTree(line);
                scenarios.put(json.get("scenario").asText(), json);
            }
            assertEquals(List.of("3ds", "card", "card_id", "network_token", "void"),
                    scenarios.keySet().stream().sorted().toList(), output);
            JsonNode card = scenarios.get("card");
            assertEquals("authorized_pending_capture", card.get("created").asText());
            assertEquals("pending", card.get("got").asText());
            assertEquals("partial_capture", card.get("captured").asText());
            assertEquals(2000, card.get("paidAmount").asInt());
            assertEquals("refunded", card.get("cancelled").asText());
            assertEquals("canceled", card.get("chargeStatus").asText());
            assertEquals("voided", scenarios.get("void").get("cancelled").asText());
            assertEquals("paid", scenarios.get("card_id").get("status").asText());
            assertEquals(cardId, scenarios.get("card_id").get("cardId").asText());
            assertEquals("captured", scenarios.get("3ds").get("transaction").asText());
            assertEquals("captured", scenarios.get("network_token").get("transaction").asText());
        }
    }
}
