package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operator's side of publishable keys: printed by merchants add, listed again, origins set by command. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class PublicKeyCommandsTest {

    private static CommandLineRun cli(RunningCofre cofre, String... args) {
        return CommandLineRun.of(cofre::settings, args);
    }

    @Test
    void merchants_add_prints_the_public_keys_set_origins_allows_a_page_list_shows_both_and_a_key_is_revoked(@TempDir Path dir) {
        try (var cofre = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME)) {
            var added = cli(cofre, "merchants", "add", "Loja Web");
            assertEquals(0, added.exit(), added.err());
            String publicKey = added.field("public key");
            String appId = added.field("appId");
            assertTrue(publicKey.matches(PublicKeyContract.MP_PUBLIC_KEY.pattern()), added.out());
            assertTrue(appId.matches(PublicKeyContract.APP_ID.pattern()), added.out());

            String path = "/v1/card_tokens?public_key=" + URLEncoder.encode(publicKey, StandardCharsets.UTF_8);
            var preflight = Map.of("Origin", "https://loja.example", "Access-Control-Request-Method", "POST");
            assertEquals(400, cofre.send("OPTIONS", path, null, preflight).status(), "no origin allowed yet");

            var refused = cli(cofre, "merchants", "set-origins", "Loja Web", "https://loja.example", "*", "https://x/y");
            assertEquals(2, refused.exit());
            assertTrue(refused.err().contains("origins[1]") && refused.err().contains("origins[2]"), refused.err());
            var set = cli(cofre, "merchants", "set-origins", "Loja Web", "https://loja.example", "http://localhost:3000");
            assertEquals(0, set.exit(), set.err());
            assertTrue(set.out().contains("origins: https://loja.example http://localhost:3000"), set.out());
            var allowed = cofre.send("OPTIONS", path, null, preflight);
            assertEquals(204, allowed.status(), allowed.body());
            assertEquals("https://loja.example", allowed.header("Access-Control-Allow-Origin"));

            var listed = cli(cofre, "merchants", "list");
            assertTrue(listed.out().contains("public keys: " + publicKey + " " + appId), listed.out());
            assertTrue(listed.out().contains("origins:     http://localhost:3000 https://loja.example"), listed.out());
            assertFalse(listed.out().contains(added.field("access token")), "never a secret");

            var again = cli(cofre, "merchants", "set-origins", "Loja Web", "--issue-keys");
            assertEquals(0, again.exit(), again.err());
            assertTrue(again.out().contains("origins: none"), again.out());
            assertFalse(again.field("public key").equals(publicKey), "a new key");
            assertEquals(400, cofre.send("OPTIONS", path, null, preflight).status(), "no origin allowed any more");
            assertEquals(2, cli(cofre, "merchants", "set-origins", "Nobody", "https://loja.example").exit());

            String card = MercadoPagoServerContract.rawCard("5555555555554444", "123");
            var json = Map.of("Content-Type", "application/json");
            assertEquals(201, cofre.send("POST", path, card, json).status(), "the old key still works");
            var revoked = cli(cofre, "merchants", "revoke-public-key", "Loja Web", publicKey);
            assertEquals(0, revoked.exit(), revoked.err());
            assertEquals(401, cofre.send("POST", path, card, json).status(), "revoked at once");
            String newKey = again.field("public key");
            assertEquals(201, cofre.send("POST", "/v1/card_tokens?public_key="
                    + URLEncoder.encode(newKey, StandardCharsets.UTF_8), card, json).status(), "the new key works");
            assertEquals(2, cli(cofre, "merchants", "revoke-public-key", "Loja Web", publicKey).exit(), "gone already");
            assertEquals(0, cli(cofre, "merchants", "add", "Outra Loja").exit());
            assertEquals(2, cli(cofre, "merchants", "revoke-public-key", "Outra Loja", newKey).exit(),
                    "only the merchant's own key");

        }
    }
}
