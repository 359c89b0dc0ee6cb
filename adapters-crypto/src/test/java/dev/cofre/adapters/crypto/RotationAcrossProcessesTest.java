package dev.cofre.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.application.inmemory.InMemoryTokens;
import dev.cofre.application.token.RotateKeys;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code keys rotate} runs as its own process on the key file while a server serves: the server,
 * which loaded the file before, still opens every card afterwards and then seals under the new key.
 */
class RotationAcrossProcessesTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    @Test
    void a_running_server_reads_the_key_file_again_when_it_meets_a_newer_key_version() {
        Path file = dir.resolve("cofre.keys");
        AesGcmCardCipher server = AesGcmCardCipher.fromKeyFile(file);
        var tokens = new InMemoryTokens();
        var merchant = new MerchantId(UUID.randomUUID());
        Pan pan = Pan.parse("4551870000000183").get();
        var reference = new TokenReference(UUID.randomUUID());
        tokens.add(Token.issue(reference, merchant, Option.none(), Option.none(), pan.masked(),
                new CardHolder("Jose da Silva"), CardExpiry.of(2030, 12), server.fingerprint(pan), CLOCK.instant()),
                server.seal(pan, merchant, reference));

        // The operator's command, as another process: add a version, then re-wrap under it.
        AesGcmCardCipher operator = new AesGcmCardCipher(KeyFile.addVersion(file));
        var rotation = new RotateKeys(operator, tokens, CLOCK).rotate(RotateKeys.ProgressListener.NONE);
        assertEquals(1, rotation.rewrapped());

        var sealed = tokens.sealedPan(merchant, reference).get();
        assertEquals(2, sealed.kekVersion());
        assertEquals(pan, server.open(sealed, merchant, reference).get(), "the server opens the re-wrapped key");
        assertEquals(2, server.currentKeyVersion(), "and seals under the new version from then on");
    }
}
