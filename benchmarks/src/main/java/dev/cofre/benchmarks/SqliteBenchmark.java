package dev.cofre.benchmarks;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.adapters.persistence.Database;
import dev.cofre.application.token.TokenizeCard;
import dev.cofre.application.token.Vault;
import dev.cofre.application.token.VaultStores;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Option;
import java.time.Instant;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Token;
import io.vavr.control.Either;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.sqlite.SQLiteConfig;

/**
 * Durable tokenization: {@link TokenizeCard} over {@code Database.open("jdbc:sqlite:...")} (WAL,
 * synchronous=FULL, one writer with group commit) from 1, 8 and 64 threads, against the ceiling
 * of one raw JDBC single-row INSERT + COMMIT per transaction, one thread, on a second SQLite file
 * with the same pragmas: the rate of one disk sync per transaction. The ratio
 * {@code tokenizeN / ceilingRawInsertCommit} is what group commit buys.
 *
 * <p>Diagnostic, same run: {@code tokenAddN} is one transaction holding only the token insert
 * (card already sealed, no audit event), the unit the README's group-commit figures (section "Storage") describe.
 * TokenizeCard itself commits two transactions one after the other (the token, then its audit
 * event, written outside the first so that refusals are audited too).
 *
 * <p>Each benchmark method runs in its own fork on fresh files under {@code dir} (default: the
 * JVM's temp directory; pass {@code -p dir=/path} to measure another disk; never tmpfs, where a
 * sync costs nothing).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@State(Scope.Benchmark)
public class SqliteBenchmark {

    /** Where the temp SQLite files go; empty for java.io.tmpdir. */
    @Param("")
    public String dir;

    private Path root;
    private Database database;
    private Vault vault;
    private MerchantId merchant;
    private final TokenizeCard.Command tokenize = Fixtures.tokenizeCommand();

    private Card card;
    private dev.cofre.domain.token.Fingerprint fingerprint;
    private SealedPan sealed;

    private Connection raw;
    private PreparedStatement insert;
    private final byte[] payload = new byte[120];

    @Setup(Level.Trial)
    public void setUp() throws SQLException {
        root = dir.isEmpty()
                ? Fixtures.tempDir("cofre-bench-sqlite")
                : Fixtures.tempDir(Paths.get(dir), "cofre-bench-sqlite");
        var cipher = AesGcmCardCipher.fromKeyFile(root.resolve("cofre.keys"));
        database = Database.open("jdbc:sqlite:" + root.resolve("cofre.db"));
        vault = Vault.create(new VaultStores(database.tokens(), database.saveRequests(), database.keyRecoveries(),
                database.auditTrail(), database.idempotencyKeys(), database.merchants(), database.transactions()),
                cipher, Clock.systemUTC(), new SecureIds());
        merchant = Fixtures.addMerchant(database.merchants());
        card = Card.parse("number", Fixtures.NUMBER, "holder", Fixtures.HOLDER, "expiration", Fixtures.EXPIRATION).get();
        fingerprint = cipher.fingerprint(card.pan());
        sealed = cipher.seal(card.pan(), merchant, new TokenReference(UUID.randomUUID()));

        raw = rawConnection(root.resolve("ceiling.db"));
        try (Statement s = raw.createStatement()) {
            s.execute("CREATE TABLE rows (id TEXT PRIMARY KEY, data BLOB NOT NULL)");
        }
        raw.setAutoCommit(false);
        insert = raw.prepareStatement("INSERT INTO rows (id, data) VALUES (?, ?)");
        ThreadLocalRandom.current().nextBytes(payload);
    }

    /** The pragmas Database uses for its writer (see the README, "Storage"). */
    static Connection rawConnection(Path file) throws SQLException {
        var config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
        config.setBusyTimeout(30_000);
        config.enforceForeignKeys(true);
        config.setPragma(SQLiteConfig.Pragma.SECURE_DELETE, "true");
        config.setJournalSizeLimit(64 * 1024 * 1024);
        return config.createConnection("jdbc:sqlite:" + file);
    }

    @TearDown(Level.Trial)
    public void tearDown() throws SQLException {
        database.close();
        insert.close();
        raw.close();
        Fixtures.deleteTree(root);
    }

    @Benchmark
    @Threads(1)
    public Either<DomainError, Token> tokenize1() {
        return vault.tokenize().tokenize(merchant, tokenize);
    }

    @Benchmark
    @Threads(8)
    public Either<DomainError, Token> tokenize8() {
        return vault.tokenize().tokenize(merchant, tokenize);
    }

    @Benchmark
    @Threads(64)
    public Either<DomainError, Token> tokenize64() {
        return vault.tokenize().tokenize(merchant, tokenize);
    }

    @Benchmark
    @Threads(1)
    public Either<DomainError, Token> tokenAdd1() {
        return addToken();
    }

    @Benchmark
    @Threads(8)
    public Either<DomainError, Token> tokenAdd8() {
        return addToken();
    }

    @Benchmark
    @Threads(64)
    public Either<DomainError, Token> tokenAdd64() {
        return addToken();
    }

    private Either<DomainError, Token> addToken() {
        var token = Token.issue(new TokenReference(UUID.randomUUID()), merchant, Option.none(), Option.none(),
                card.pan().masked(), card.holder(), card.expiry(), fingerprint, Instant.now());
        return database.transactions().<Either<DomainError, Token>>inTransaction(
                () -> database.tokens().add(token, sealed).<DomainError>mapLeft(e -> e).map(t -> (Token) t));
    }

    /** One row, one COMMIT, one sync: the durable single-transaction rate of this disk. */
    @Benchmark
    @Threads(1)
    public int ceilingRawInsertCommit() throws SQLException {
        insert.setString(1, UUID.randomUUID().toString());
        insert.setBytes(2, payload);
        int rows = insert.executeUpdate();
        raw.commit();
        return rows;
    }
}
