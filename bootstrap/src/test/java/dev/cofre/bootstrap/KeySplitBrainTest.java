package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.adapters.crypto.KeyFile;
import dev.cofre.application.merchant.RegisterMerchant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 14, "two servers, two keys": servers sharing one database must hold the same keys. A server
 * with other keys refuses to start with one line saying what to do, a development key is never made
 * against a database that holds sealed cards (nor on PostgreSQL unless asked for), and a card that
 * does not open is an ERROR naming the token, never the data.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KeySplitBrainTest {

    private static final String POSTGRES = OnPostgres.URL;
    private static final String PAN = "4551870000000183";

    private static CommandLineRun serve(Map<String, String> env) {
        return CommandLineRun.of(() -> Settings.from(env), "serve");
    }

    private static Map<String, String> env(Path dataDir, String dbUrl, String schema, String... more) {
        var env = new HashMap<String, String>();
        env.put("COFRE_PORT", "0");
        env.put("COFRE_DATA_DIR", dataDir.toString());
        env.put("COFRE_DB_URL", dbUrl);
        if (schema != null) {
            env.put("COFRE_DB_SCHEMA", schema);
        }
        for (int i = 0; i < more.length; i += 2) {
            env.put(more[i], more[i + 1]);
        }
        return env;
    }

    /** One clear line on stderr, no stack trace, a non-zero exit. */
    private static void refused(CommandLineRun run, String saying) {
        assertEquals(StartupFailure.EXIT_CODE, run.exit(), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertTrue(run.err().contains(saying), run.err());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), run.err());
    }

    private static Path copyOwnerOnly(Path keyFile, Path to) throws Exception {
        Files.createDirectories(to.getParent());
        Files.copy(keyFile, to);
        Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rw-------"));
        return to;
    }

    private static String saveCard(RunningCofre cofre, RegisterMerchant.Registered m) {
        var saved = cofre.justClick("SaveCreditCard", VaultServerContract.saveCard(m, RunningCofre.guid(), null));
        assertEquals(200, saved.status(), saved.body());
        return saved.json().get("JustClickKey").asText();
    }

    private static String readCard(RunningCofre cofre, RegisterMerchant.Registered m, String key) {
        var read = cofre.justClick("GetCreditCard", "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"JustClickKey\":\""
                + key + "\",\"RequestId\":\"" + RunningCofre.guid() + "\"}");
        return read.status() == 200 && read.json().path("Success").asBoolean() ? read.json().get("CardNumber").asText()
                : "status " + read.status() + ": " + read.body();
    }

    private void twoServersOneDatabase(Path dir, String dbUrl, String schema) throws Exception {
        Path first = dir.resolve("first");
        Path second = dir.resolve("second");
        try (var cofre = new RunningCofre(first, dbUrl, schema, RunningCofre.SEED_TIME,
                Map.of("COFRE_ALLOW_DEVELOPMENT_KEY", "true"))) {
            var m = cofre.merchant("Loja", "127.0.0.1/32", "::1/128");
            String key = saveCard(cofre, m);

            // The second server has no key file: no development key against sealed cards.
            refused(serve(env(second, dbUrl, schema, "COFRE_ALLOW_DEVELOPMENT_KEY", "true")),
                    "already holds cards sealed under other keys");
            assertFalse(Files.exists(second.resolve("cofre.keys")), "no key was created");

            // The second server has a key file of its own: it refuses to serve with it.
            KeyFile.loadOrCreate(second.resolve("cofre.keys"));
            refused(serve(env(second, dbUrl, schema)), "are not the ones this database's cards are sealed with");

            // Given the cluster's key file, it starts and reads what the first one sealed, and back.
            Path shared = copyOwnerOnly(first.resolve("cofre.keys"), dir.resolve("third").resolve("cofre.keys"));
            try (var other = new RunningCofre(dir.resolve("third"), dbUrl, schema, RunningCofre.SEED_TIME,
                    Map.of("COFRE_KEY_FILE", shared.toString()))) {
                assertEquals(PAN, readCard(other, m, key));
                String sealedThere = saveCard(other, m);
                assertEquals(PAN, readCard(cofre, m, sealedThere));
            }
        }
    }

    @Test
    void two_servers_with_their_own_key_files_cannot_share_a_SQLite_file(@TempDir Path dir) throws Exception {
        twoServersOneDatabase(dir, "jdbc:sqlite:" + dir.resolve("shared").resolve("cofre.db"), null);
    }

    @Test
    @OnPostgres
    void two_servers_with_their_own_key_files_cannot_share_a_PostgreSQL_schema(@TempDir Path dir) throws Exception {
        twoServersOneDatabase(dir, POSTGRES, "keys_" + Long.toHexString(System.nanoTime()));
    }

    @Test
    @OnPostgres
    void on_PostgreSQL_a_development_key_is_created_only_when_asked_for(@TempDir Path dir) {
        String schema = "devkey_" + Long.toHexString(System.nanoTime());
        refused(serve(env(dir, POSTGRES, schema)), "COFRE_ALLOW_DEVELOPMENT_KEY=true");
        assertFalse(Files.exists(dir.resolve("cofre.keys")));
        try (var cofre = new RunningCofre(dir, POSTGRES, schema, RunningCofre.SEED_TIME,
                Map.of("COFRE_ALLOW_DEVELOPMENT_KEY", "true"))) {
            assertTrue(Files.exists(dir.resolve("cofre.keys")));
        }
    }

    @Test
    void after_a_rotation_the_database_expects_the_new_key_and_an_old_key_file_is_refused(@TempDir Path dir)
            throws Exception {
        String dbUrl = "jdbc:sqlite:" + dir.resolve("shared").resolve("cofre.db");
        try (var cofre = new RunningCofre(dir.resolve("first"), dbUrl, null, RunningCofre.SEED_TIME)) {
            var m = cofre.merchant("Loja", "127.0.0.1/32", "::1/128");
            String key = saveCard(cofre, m);
            Path before = copyOwnerOnly(dir.resolve("first").resolve("cofre.keys"),
                    dir.resolve("stale").resolve("cofre.keys"));

            var rotated = CommandLineRun.of(cofre::settings, "keys", "rotate");
            assertEquals(0, rotated.exit(), rotated.err());
            assertEquals(PAN, readCard(cofre, m, key));

            var expected = cofre.wiring().expectedKeyNames();
            assertEquals(java.util.List.of("fingerprint", "kek.2"), expected);
            refused(serve(env(dir.resolve("stale"), dbUrl, null, "COFRE_KEY_FILE", before.toString())),
                    "kek.2 differ");
        }
    }

    @Test
    void a_card_that_fails_its_integrity_check_is_an_ERROR_naming_the_token_and_never_the_card(@TempDir Path dir)
            throws Exception {
        Logger log = (Logger) LoggerFactory.getLogger(AesGcmCardCipher.class);
        var appender = new ListAppender<ILoggingEvent>();
        appender.start();
        log.addAppender(appender);
        try (var cofre = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME)) {
            var m = cofre.merchant("Loja", "127.0.0.1/32", "::1/128");
            String key = saveCard(cofre, m);
            String reference;
            try (var db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("cofre.db"));
                 var statement = db.createStatement()) {
                statement.execute("PRAGMA busy_timeout = 10000");
                var rs = statement.executeQuery("SELECT reference FROM tokens");
                rs.next();
                reference = rs.getString(1);
                statement.executeUpdate("UPDATE tokens SET ciphertext = wrapped_key"); // altered at rest
            }
            assertFalse(readCard(cofre, m, key).contains(PAN));
            var errors = appender.list.stream().filter(e -> e.getLevel() == Level.ERROR).toList();
            assertEquals(1, errors.size(), appender.list.toString());
            String line = errors.get(0).getFormattedMessage();
            assertTrue(line.contains(reference), line);
            assertFalse(line.contains(PAN) || line.contains("0183"), line);
        } finally {
            log.detachAppender(appender);
        }
    }

    @Test
    void a_key_file_others_may_read_is_refused_with_one_line_saying_chmod_600(@TempDir Path dir) throws Exception {
        Path keys = dir.resolve("cofre.keys");
        KeyFile.loadOrCreate(keys);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)));
        Files.setPosixFilePermissions(keys, PosixFilePermissions.fromString("rw-r-----"));
        refused(serve(env(dir, "jdbc:sqlite:" + dir.resolve("cofre.db"), null)), "chmod 600 " + keys);
    }

    @Test
    void a_database_from_before_key_checks_records_only_keys_that_open_its_cards(@TempDir Path dir) throws Exception {
        String dbUrl = "jdbc:sqlite:" + dir.resolve("shared").resolve("cofre.db");
        try (var cofre = new RunningCofre(dir.resolve("first"), dbUrl, null, RunningCofre.SEED_TIME)) {
            saveCard(cofre, cofre.merchant("Loja", "127.0.0.1/32"));
        }
        try (var db = DriverManager.getConnection(dbUrl); var statement = db.createStatement()) {
            statement.executeUpdate("DELETE FROM expected_keys"); // as it was before V3
        }
        KeyFile.loadOrCreate(dir.resolve("second").resolve("cofre.keys"));
        refused(serve(env(dir.resolve("second"), dbUrl, null)), "do not open the cards this database holds");
        try (var cofre = new RunningCofre(dir.resolve("first"), dbUrl, null, RunningCofre.SEED_TIME)) {
            assertEquals(java.util.List.of("fingerprint", "kek.1"), cofre.wiring().expectedKeyNames());
        }
    }
}
