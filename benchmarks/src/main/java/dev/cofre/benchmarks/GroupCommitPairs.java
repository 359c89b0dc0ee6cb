package dev.cofre.benchmarks;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.adapters.persistence.Database;
import dev.cofre.application.token.TokenizeCard;
import dev.cofre.application.token.Vault;
import dev.cofre.application.token.VaultStores;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Fingerprint;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SQLite group commit measured in pairs, because a shared disk makes separate JMH forks minutes
 * apart disagree by 2x on the ceiling alone: each round measures the ceiling (one raw JDBC
 * INSERT + COMMIT per transaction, one thread, same pragmas, its own file) and right after it
 * TokenizeCard and the bare token insert from N threads, and prints each as a ratio of the
 * ceiling measured seconds before it, then the median ratio over the rounds.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cofre.benchmarks.GroupCommitPairs
 *     [--threads 1,8,64] [--rounds 3] [--seconds 2] [--dir /path/on/the/disk/to/measure]
 * </pre>
 */
public final class GroupCommitPairs {

    private GroupCommitPairs() {
    }

    public static void main(String[] args) throws Exception {
        run(args, System.out);
    }

    /** The tool itself, reporting to {@code out}. */
    static void run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = LoadDriver.options(args);
        int[] threads = Arrays.stream(o.getOrDefault("threads", "1,8,64").split(",")).mapToInt(Integer::parseInt).toArray();
        int rounds = Integer.parseInt(o.getOrDefault("rounds", "3"));
        long millis = (long) (Double.parseDouble(o.getOrDefault("seconds", "2")) * 1000);
        Path root = o.containsKey("dir") ? Fixtures.tempDir(Paths.get(o.get("dir")), "cofre-pairs")
                : Fixtures.tempDir("cofre-pairs");
        out.printf("Group commit pairs: threads %s, %d rounds of %d ms phases, files under %s%n",
                Arrays.toString(threads), rounds, millis, root);

        var cipher = AesGcmCardCipher.fromKeyFile(root.resolve("cofre.keys"));
        try (var database = Database.open("jdbc:sqlite:" + root.resolve("cofre.db"));
             Connection raw = SqliteBenchmark.rawConnection(root.resolve("ceiling.db"))) {
            var vault = Vault.create(new VaultStores(database.tokens(), database.saveRequests(), database.keyRecoveries(),
                    database.auditTrail(), database.idempotencyKeys(), database.merchants(), database.transactions()),
                    cipher, Clock.systemUTC(), new SecureIds());
            MerchantId merchant = Fixtures.addMerchant(database.merchants());
            TokenizeCard.Command command = Fixtures.tokenizeCommand();
            Card card = Card.parse("number", Fixtures.NUMBER, "holder", Fixtures.HOLDER, "expiration", Fixtures.EXPIRATION).get();
            Fingerprint fingerprint = cipher.fingerprint(card.pan());
            SealedPan sealed = cipher.seal(card.pan(), merchant, new TokenReference(UUID.randomUUID()));

            try (Statement s = raw.createStatement()) {
                s.execute("CREATE TABLE rows (id TEXT PRIMARY KEY, data BLOB NOT NULL)");
            }
            raw.setAutoCommit(false);
            byte[] payload = new byte[120];
            ThreadLocalRandom.current().nextBytes(payload);
            PreparedStatement insert = raw.prepareStatement("INSERT INTO rows (id, data) VALUES (?, ?)");

            Op ceiling = () -> {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setBytes(2, payload);
                insert.executeUpdate();
                raw.commit();
            };
            Op tokenize = () -> require(vault.tokenize().tokenize(merchant, command));
            Op tokenAdd = () -> {
                var token = Token.issue(new TokenReference(UUID.randomUUID()), merchant, Option.none(), Option.none(),
                        card.pan().masked(), card.holder(), card.expiry(), fingerprint, Instant.now());
                require(database.transactions().inTransaction(
                        () -> database.tokens().add(token, sealed).<DomainError>mapLeft(e -> e).map(t -> (Token) t)));
            };

            // Warm-up: every code path compiled before anything is measured.
            measure(1, 1000, ceiling);
            for (int n : threads) {
                measure(n, 1000, tokenize);
                measure(n, 1000, tokenAdd);
            }

            var ratios = new TreeMap<String, List<Double>>();
            for (int round = 1; round <= rounds; round++) {
                for (int n : threads) {
                    double c = measure(1, millis, ceiling);
                    double t = measure(n, millis, tokenize);
                    double a = measure(n, millis, tokenAdd);
                    out.printf("round %d, %2d threads: ceiling %7.0f tx/s | tokenize %7.0f/s = %.2fx | token insert %7.0f/s = %.2fx%n",
                            round, n, c, t, t / c, a, a / c);
                    ratios.computeIfAbsent(String.format("tokenize    x%02d", n), k -> new ArrayList<>()).add(t / c);
                    ratios.computeIfAbsent(String.format("tokenInsert x%02d", n), k -> new ArrayList<>()).add(a / c);
                }
            }
            out.println("Median ratio to the single-transaction ceiling measured just before (min..max):");
            ratios.forEach((name, list) -> {
                var sorted = list.stream().sorted().toList();
                out.printf("  %s  %.2fx  (%.2f..%.2f, %d rounds)%n", name, sorted.get(sorted.size() / 2),
                        sorted.get(0), sorted.get(sorted.size() - 1), sorted.size());
            });
            insert.close();
        } finally {
            Fixtures.deleteTree(root);
        }
    }

    @FunctionalInterface
    interface Op {
        void run() throws Exception;
    }

    private static void require(Either<DomainError, Token> result) {
        if (result.isLeft()) {
            throw new IllegalStateException("refused: " + result.getLeft().code());
        }
    }

    /** Operations per second of {@code threads} threads looping on {@code op} for {@code millis}. */
    static double measure(int threads, long millis, Op op) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            long start = System.nanoTime();
            long end = start + millis * 1_000_000;
            var futures = new ArrayList<Future<Long>>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit((Callable<Long>) () -> {
                    long count = 0;
                    while (System.nanoTime() < end) {
                        op.run();
                        count++;
                    }
                    return count;
                }));
            }
            long total = 0;
            for (var f : futures) {
                total += f.get();
            }
            return total / ((System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdownNow();
        }
    }
}
