package dev.cofre.benchmarks;

import dev.cofre.application.token.TokenizeCard;
import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantCredentials;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.Profile;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.collection.List;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

/** What every in-process benchmark needs: a merchant, a card to vault, temp directories. */
final class Fixtures {

    /** The seed 003 example card (a Visa test number), with an expiry that is not over. */
    static final String NUMBER = "4551870000000183";
    static final String HOLDER = "Jose da Silva";
    static final String EXPIRATION = "12/2030";
    static final String CVV = "123";

    private Fixtures() {
    }

    /** No alias (every token is new), no idempotency key: the plain create-token path. */
    static TokenizeCard.Command tokenizeCommand() {
        return new TokenizeCard.Command(null, NUMBER, HOLDER, EXPIRATION, CVV, null);
    }

    /** Registers a gateway merchant allowed to read card numbers from loopback. */
    static MerchantId addMerchant(Merchants merchants) {
        var id = new MerchantId(UUID.randomUUID());
        merchants.add(new Merchant(id, "Bench", Profile.GATEWAY,
                        List.of(IpRange.parse("ip", "127.0.0.1/32").get()), Merchant.Features.NONE, Instant.now()),
                new MerchantCredentials(id, "bench-" + id, SecretHash.of("secret-" + id), SecretHash.of("key-" + id)));
        return id;
    }

    static Path tempDir(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path tempDir(Path parent, String prefix) {
        try {
            return Files.createTempDirectory(Files.createDirectories(parent), prefix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
