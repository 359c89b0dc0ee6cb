package dev.cofre.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.adapters.persistence.Database;
import dev.cofre.application.token.DetokenizeCard;
import dev.cofre.application.token.Vault;
import dev.cofre.application.token.VaultStores;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.token.Alias;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Seeded tokens are real: each found by its alias and detokenized under the server's key file. */
class SeedTokensTest {

    @Test
    void every_seeded_token_is_found_by_alias_and_opens_to_the_card(@TempDir Path dir) throws Exception {
        var cipher = AesGcmCardCipher.fromKeyFile(dir.resolve("cofre.keys"));
        String clientId;
        try (var database = Database.openSqlite(dir.resolve("cofre.db"))) {
            var merchant = Fixtures.addMerchant(database.merchants());
            clientId = database.merchants().credentialsOf(merchant).get().clientId();
        }
        var samples = SeedTokens.seed(dir, clientId, 45_000);
        assertTrue(samples.size() >= 3, samples.toString());

        try (var database = Database.openSqlite(dir.resolve("cofre.db"))) {
            var merchant = database.merchants().findByClientId(clientId).get().merchant();
            var vault = Vault.create(new VaultStores(database.tokens(), database.saveRequests(), database.keyRecoveries(),
                    database.auditTrail(), database.idempotencyKeys(), database.merchants(), database.transactions()),
                    cipher, Clock.systemUTC(), new SecureIds());
            var references = new HashSet<String>();
            for (long i : new long[] {0, 1, 19_999, 20_000, 44_999}) {
                var token = database.tokens().findByAlias(merchant, new Alias(SeedTokens.alias(i))).get();
                references.add(token.reference().toString());
                var opened = vault.detokenize().detokenize(merchant,
                        new DetokenizeCard.Command(token.reference().toString(), null, InetAddress.getByName("127.0.0.1")));
                assertTrue(opened.isRight(), () -> "token " + i + ": " + opened.getLeft());
            }
            assertEquals(5, references.size(), "each seeded token has its own reference");
            for (String sample : samples) {
                assertTrue(database.tokens().find(merchant, new dev.cofre.domain.token.TokenReference(java.util.UUID.fromString(sample))).isDefined());
            }
        }
    }
}
