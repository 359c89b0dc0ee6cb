package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's operator commands, run against the database a live server is using. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OperatorCommandsTest {

    private static CommandLineRun cli(RunningCofre cofre, String... args) {
        return CommandLineRun.of(cofre::settings, args);
    }

    @Test
    void a_merchant_added_from_the_command_line_can_use_the_running_server_at_once(@TempDir Path dir) {
        try (var cofre = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME)) {
            var added = cli(cofre, "merchants", "add", "Loja da Esquina", "--ip", "127.0.0.1", "--ip", "::1",
                    "--gateway", "--pre-auth");
            assertEquals(0, added.exit(), added.err());
            String clientId = added.field("client id");
            var token = cofre.token(clientId, added.field("client secret"));
            assertEquals(200, token.status(), token.body());
            var saved = cofre.justClick("SaveCreditCard", "{\"MerchantKey\":\"" + added.field("MerchantKey")
                    + "\",\"CustomerName\":\"C\",\"CardHolder\":\"Teste Holder\",\"CardNumber\":\"4551870000000183\","
                    + "\"CardExpiration\":\"03/2029\",\"RequestId\":\"" + RunningCofre.guid() + "\"}");
            assertEquals(200, saved.status(), saved.body());

            var listed = cli(cofre, "merchants", "list");
            assertEquals(0, listed.exit());
            assertTrue(listed.out().contains("Loja da Esquina") && listed.out().contains(clientId));
            assertTrue(!listed.out().contains(added.field("client secret")), "never a secret");
        }
    }

    @Test
    void unlocking_GetJustClickKey_from_the_command_line_lets_the_merchant_recover_keys_again(@TempDir Path dir) {
        try (var cofre = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME)) {
            var m = cofre.merchant("Esquecida");
            String requestId = RunningCofre.guid();
            cofre.justClick("SaveCreditCard", VaultServerContract.saveCard(m, requestId, null));
            String ask = "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"SaveCreditCardRequestId\":\"%s\"}";
            for (int i = 0; i < 5; i++) {
                cofre.justClick("GetJustClickKey", ask.formatted(RunningCofre.guid()));
            }
            assertEquals(403, cofre.justClick("GetJustClickKey", ask.formatted(requestId)).status());
            var unlocked = cli(cofre, "justclick", "unlock", "Esquecida");
            assertEquals(0, unlocked.exit(), unlocked.err());
            assertEquals(200, cofre.justClick("GetJustClickKey", ask.formatted(requestId)).status());
            assertEquals(2, cli(cofre, "justclick", "unlock", "Nobody").exit());
        }
    }

    @Test
    void a_rotation_to_a_new_key_version_keeps_every_card_readable(@TempDir Path dir) {
        try (var cofre = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME)) {
            var m = cofre.merchant("Rotating", "127.0.0.1/32", "::1/128");
            String key = cofre.justClick("SaveCreditCard", VaultServerContract.saveCard(m, RunningCofre.guid(), null))
                    .json().get("JustClickKey").asText();
            var rotated = cli(cofre, "keys", "rotate"); // while the server keeps serving, no restart
            assertEquals(0, rotated.exit(), rotated.err());
            assertTrue(rotated.out().contains("Key version 2 added"), rotated.out());
            assertTrue(rotated.out().contains("Rotation to key version 2: DONE, 1 re-wrapped"), rotated.out());
            var resumed = cli(cofre, "keys", "rotate", "--resume");
            assertTrue(resumed.out().contains("Rotation to key version 2: DONE, 0 re-wrapped"), resumed.out());
            var clear = cofre.justClick("GetCreditCard",
                    "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"JustClickKey\":\"" + key + "\"}");
            assertEquals("4551870000000183", clear.json().get("CardNumber").asText(), clear.body());
        }
    }

    @Test
    void settings_come_from_the_environment_over_the_properties_file(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cofre.properties");
        java.nio.file.Files.writeString(file, "COFRE_PORT=9090\nCOFRE_DATA_DIR=" + dir.resolve("d") + "\n");
        var fromFile = Settings.from(Map.of("COFRE_CONFIG_FILE", file.toString()));
        assertEquals(9090, fromFile.port());
        assertEquals("jdbc:sqlite:" + dir.resolve("d").resolve("cofre.db"), fromFile.dbUrl());
        assertEquals(dir.resolve("d").resolve("cofre.keys"), fromFile.keyFile());
        var overridden = Settings.from(Map.of("COFRE_CONFIG_FILE", file.toString(), "COFRE_PORT", "7070"));
        assertEquals(7070, overridden.port());
        assertEquals(8080, Settings.from(Map.of()).port());
    }

    @Test
    void keys_given_by_configuration_are_used_and_no_key_file_is_written(@TempDir Path dir) throws Exception {
        Path made = dir.resolve("made.keys");
        dev.cofre.adapters.crypto.KeyFile.loadOrCreate(made);
        String configured = java.util.Base64.getEncoder().encodeToString(java.nio.file.Files.readAllBytes(made));
        var settings = Settings.from(Map.of("COFRE_DATA_DIR", dir.resolve("data").toString(), "COFRE_KEYS", configured));
        try (var wiring = Wiring.open(settings, java.time.Clock.systemUTC())) {
            assertEquals(1, wiring.rotateKeys().rotate(dev.cofre.application.token.RotateKeys.ProgressListener.NONE).toVersion());
        }
        assertTrue(java.nio.file.Files.notExists(settings.keyFile()), "no development key file was created");
        assertTrue(!settings.toString().contains(configured), "settings never print the keys");
        var refused = new ByteArrayOutputStream();
        int exit = Cli.run(() -> settings, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(refused, true, StandardCharsets.UTF_8), "keys", "rotate");
        assertEquals(2, exit);
        assertTrue(refused.toString(StandardCharsets.UTF_8).contains("COFRE_KEYS is set"));
    }
}
