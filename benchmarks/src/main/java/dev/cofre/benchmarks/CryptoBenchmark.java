package dev.cofre.benchmarks;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Fingerprint;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
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
 * The card-number envelope ({@link AesGcmCardCipher}) against the bare primitives it is built
 * from, in the same run:
 * <ul>
 * <li>{@code seal}: fresh data key, two AES-GCM encryptions (card number under the data key, data
 *     key under the key-encryption key), each with its own Cipher and random IV;</li>
 * <li>{@code open}: the two decryptions and parsing the digits back into a Pan;</li>
 * <li>{@code fingerprint}: HMAC-SHA256 of the digits, a fresh Mac each time;</li>
 * <li>{@code ceilingAesGcmEncrypt16}: one AES-256-GCM encryption of 16 bytes with a cached key and
 *     a cached Cipher (random IV each time, as GCM requires): the least a seal could cost is two of these;</li>
 * <li>{@code ceilingHmac16}: HMAC-SHA256 of 16 bytes with a cached, initialised Mac.</li>
 * </ul>
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Thread)
public class CryptoBenchmark {

    private Path dir;
    private AesGcmCardCipher cipher;
    private final Pan pan = Pan.parse("4551870000000183").get();
    private final MerchantId merchant = new MerchantId(UUID.randomUUID());
    private final TokenReference reference = new TokenReference(UUID.randomUUID());
    private SealedPan sealed;

    private final SecureRandom random = new SecureRandom();
    private SecretKeySpec bareKey;
    private Cipher bareCipher;
    private Mac bareMac;
    private final byte[] sixteen = "4551870000000183".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        dir = Fixtures.tempDir("cofre-bench-crypto");
        cipher = AesGcmCardCipher.fromKeyFile(dir.resolve("cofre.keys"));
        sealed = cipher.seal(pan, merchant, reference);

        byte[] key = new byte[32];
        random.nextBytes(key);
        bareKey = new SecretKeySpec(key, "AES");
        bareCipher = Cipher.getInstance("AES/GCM/NoPadding");
        bareMac = Mac.getInstance("HmacSHA256");
        bareMac.init(new SecretKeySpec(key, "HmacSHA256"));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        Fixtures.deleteTree(dir);
    }

    @Benchmark
    public SealedPan seal() {
        return cipher.seal(pan, merchant, reference);
    }

    @Benchmark
    public Either<?, Pan> open() {
        return cipher.open(sealed, merchant, reference);
    }

    @Benchmark
    public Fingerprint fingerprint() {
        return cipher.fingerprint(pan);
    }

    @Benchmark
    public byte[] ceilingAesGcmEncrypt16() throws GeneralSecurityException {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        bareCipher.init(Cipher.ENCRYPT_MODE, bareKey, new GCMParameterSpec(128, iv));
        return bareCipher.doFinal(sixteen);
    }

    @Benchmark
    public byte[] ceilingHmac16() {
        return bareMac.doFinal(sixteen);
    }
}
