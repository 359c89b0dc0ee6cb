package dev.cofre.benchmarks;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.application.token.DetokenizeCard;
import dev.cofre.application.token.TokenizeCard;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Either;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The vault's use cases over the in-memory stores with the real cipher: what a request costs
 * before any database or HTTP. Ceiling in the same run: the crypto each use case cannot avoid
 * ({@code fingerprint + seal} for tokenize, {@code open} for detokenize), so the ratio is the
 * cost of validation, parsing, the stores and the audit trail.
 *
 * <p>The stores are rebuilt every iteration so that they do not grow for the whole run.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class UseCaseBenchmark {

    private static final int CARDS = 1024;

    private Path dir;
    private AesGcmCardCipher cipher;
    private Vault vault;
    private MerchantId merchant;
    private TokenReference[] references;
    private final TokenizeCard.Command tokenize = Fixtures.tokenizeCommand();
    private final Pan pan = Pan.parse(Fixtures.NUMBER).get();
    private SealedPan sealed;
    private TokenReference sealedFor;
    private InetAddress loopback;

    @State(Scope.Thread)
    public static class Cursor {
        int next;
    }

    @Setup(Level.Trial)
    public void setUpTrial() throws Exception {
        dir = Fixtures.tempDir("cofre-bench-usecase");
        cipher = AesGcmCardCipher.fromKeyFile(dir.resolve("cofre.keys"));
        loopback = InetAddress.getByName("127.0.0.1");
    }

    @Setup(Level.Iteration)
    public void setUpIteration() {
        var stores = new InMemoryStores();
        vault = Vault.create(stores.vault(), cipher, Clock.systemUTC(), new SecureIds());
        merchant = Fixtures.addMerchant(stores.merchants);
        references = new TokenReference[CARDS];
        for (int i = 0; i < CARDS; i++) {
            references[i] = vault.tokenize().tokenize(merchant, tokenize).get().reference();
        }
        sealedFor = new TokenReference(UUID.randomUUID());
        sealed = cipher.seal(pan, merchant, sealedFor);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixtures.deleteTree(dir);
    }

    @Benchmark
    public Either<DomainError, Token> tokenize() {
        return vault.tokenize().tokenize(merchant, tokenize);
    }

    @Benchmark
    public Either<DomainError, DetokenizeCard.Detokenized> detokenize(Cursor cursor) {
        var reference = references[cursor.next++ & (CARDS - 1)];
        return vault.detokenize().detokenize(merchant,
                new DetokenizeCard.Command(reference.toString(), null, loopback));
    }

    @Benchmark
    public Object ceilingFingerprintAndSeal() {
        var reference = new TokenReference(UUID.randomUUID());
        return new Object[] {cipher.fingerprint(pan), cipher.seal(pan, merchant, reference)};
    }

    @Benchmark
    public Either<?, Pan> ceilingOpen() {
        return cipher.open(sealed, merchant, sealedFor);
    }
}
