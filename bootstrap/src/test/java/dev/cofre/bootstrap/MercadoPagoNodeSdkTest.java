package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mercado Pago's official npm package ({@code mercadopago} 3.6.1, unmodified, installed by {@code npm ci}
 * from the lockfile in {@code src/test/resources/mercadopago-sdk}) runs seed 000's flow against the running
 * server on SQLite and on a PostgreSQL schema of its own, over real HTTP: only {@code AppConfig.BASE_URL} is set, with {@code retries: 0}, as issue
 * 10 says. The script checks every step itself; here its exit code and the summary it prints are checked
 * against the server's own state.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MercadoPagoNodeSdkTest {

    static final Path SDK = Path.of("src/test/resources/mercadopago-sdk").toAbsolutePath();

    @Test
    void the_unmodified_npm_sdk_runs_seed_000s_flow_against_the_real_server_on_SQLite(@TempDir Path dir)
            throws Exception {
        seed000Flow(dir, null, null);
    }

    @Test
    @OnPostgres
    void the_unmodified_npm_sdk_runs_seed_000s_flow_against_the_real_server_on_PostgreSQL(@TempDir Path dir)
            throws Exception {
        seed000Flow(dir, OnPostgres.URL, "mp_node_" + Long.toHexString(System.nanoTime()));
    }

    private static void seed000Flow(Path dir, String dbUrl, String schema) throws Exception {
        assumeTrue(NodeSdk.nodeInstalled(), "node is not installed: the Mercado Pago npm SDK test needs Node 18+");
        NodeSdk.install(SDK, "mercadopago");
        try (var cofre = new RunningCofre(dir, dbUrl, schema, Instant.parse("2026-11-22T12:00:00Z"),
                Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0"))) {
            var merchant = cofre.merchant("Loja do Node");
            String accessToken = cofre.wiring().accessTokens().issue(merchant.merchant().id());
            String email = "node-" + Long.toHexString(System.nanoTime()) + "@test.com";

            String output = NodeSdk.run(SDK, "cards-flow.cjs",
                    Map.of("COFRE_BASE", cofre.base(), "ACCESS_TOKEN", accessToken, "EMAIL", email));
            String[] lines = output.strip().split("\n");
            assertEquals(1, lines.length, output);
            JsonNode summary = RunningCofre.JSON.readTree(lines[0]);

            String customer = summary.get("customer").asText();
            String card = summary.get("card").asText();
            assertTrue(customer.matches("\\d{9}-[0-9A-Za-z]{14}"), output);
            assertTrue(card.matches("\\d{13}"), output);
            assertEquals(32, summary.get("rawToken").asText().length(), output);
            assertEquals("4444", summary.get("lastFour").asText());
            assertEquals("master", summary.get("paymentMethod").asText());
            assertEquals(1, summary.get("listed").asInt());
            assertEquals(1, summary.get("searchTotal").asInt());
            assertEquals(card, summary.get("defaultCard").asText());
            assertEquals(card, summary.get("savedCardTokenCard").asText());
            assertNotEquals(summary.get("rawToken").asText(), summary.get("savedCardToken").asText());
            assertEquals(card, summary.get("got").asText());
            assertEquals(card, summary.get("removed").asText());
            assertEquals(404, summary.get("afterDelete").asInt());
            assertTrue(summary.get("defaultAfterDelete").isNull(), output);
            assertTrue(!output.contains("5555555555554444"), "the card number was printed: " + output);
        }
    }
}
