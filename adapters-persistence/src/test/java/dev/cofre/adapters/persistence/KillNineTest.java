package dev.cofre.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Option;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A token the store acknowledged survives kill -9 of the process: a child JVM vaults tokens from
 * several threads and prints each reference once its transaction returned; it is killed with
 * SIGKILL mid-stream, and every printed reference is in the file when it is opened again.
 */
class KillNineTest {

    @TempDir
    Path dir;

    @Test
    void every_acknowledged_token_is_still_there_after_the_process_is_killed() throws Exception {
        Path file = dir.resolve("cofre.db");
        var merchant = new MerchantId(UUID.randomUUID());
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Child.class.getName(), file.toString(), merchant.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        var acknowledged = new ArrayList<TokenReference>();
        try (var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = out.readLine()) != null) {
                acknowledged.add(new TokenReference(UUID.fromString(line)));
                if (acknowledged.size() == 400) {
                    // SIGKILL: no shutdown hook, no close, no checkpoint. Not destroyForcibly(), which
                    // would also close our end of its output and lose the lines already printed.
                    new ProcessBuilder("kill", "-9", String.valueOf(process.pid())).start().waitFor();
                }
            }
        }
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(137, process.exitValue(), "killed by SIGKILL");

        try (var reopened = Database.openSqlite(file)) {
            List<TokenReference> missing = acknowledged.stream()
                    .filter(reference -> reopened.tokens().find(merchant, reference).isEmpty())
                    .toList();
            assertEquals(List.of(), missing, "of " + acknowledged.size() + " acknowledged tokens");
            org.slf4j.LoggerFactory.getLogger(KillNineTest.class)
                    .info("kill -9 after {} acknowledged tokens: all {} found on reopening", acknowledged.size(), acknowledged.size());
        }
    }

    /** The process that gets killed. */
    public static final class Child {

        public static void main(String[] args) throws Exception {
            var out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.US_ASCII);
            var db = Database.openSqlite(Path.of(args[0]));
            var merchant = VaultFixtures.merchant();
            var id = MerchantId.of(args[1]);
            db.merchants().add(new dev.cofre.domain.merchant.Merchant(id, merchant.name(), merchant.profile(),
                    merchant.allowedIps(), merchant.features(), merchant.createdAt()), VaultFixtures.credentialsOf(id));
            for (int t = 0; t < 8; t++) {
                new Thread(() -> {
                    while (true) {
                        var token = VaultFixtures.token(id, Option.none());
                        db.transactions().inTransaction(() -> db.tokens().add(token, VaultFixtures.sealedPan(1)));
                        synchronized (out) {
                            out.println(token.reference());
                            out.flush();
                        }
                    }
                }).start();
            }
        }
    }
}
