package dev.cofre.benchmarks;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.adapters.persistence.Database;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Option;
import dev.cofre.domain.token.SealedPan;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/**
 * Fills a stopped server's SQLite file with real tokens, fast: the seed 003 card sealed under the
 * server's own key file once per token (so the server reads each back), with the alias
 * {@link #alias(long)}. The HTTP benchmark uses it for "get by alias with 1,000,000 tokens stored".
 */
final class SeedTokens {

    private static final int PER_TRANSACTION = 20_000;

    private SeedTokens() {
    }

    /** {@code SeedTokens <data-dir> <client-id> <count>}: seeds a stopped server's data directory. */
    public static void main(String[] args) {
        run(args, System.out);
    }

    /** Seeds as {@link #main} says and reports to {@code out}, as the other benchmark tools do. */
    static void run(String[] args, java.io.PrintStream out) {
        long t0 = System.nanoTime();
        var samples = seed(Path.of(args[0]), args[1], Long.parseLong(args[2]));
        out.printf("seeded %s tokens in %d ms, e.g. %s%n", args[2], (System.nanoTime() - t0) / 1_000_000, samples);
    }

    /** The alias of the {@code i}-th seeded token. */
    static String alias(long i) {
        return String.format("seed-%07d", i);
    }

    /**
     * Adds {@code count} tokens (aliases {@code alias(0)} to {@code alias(count - 1)}) for the
     * merchant of {@code clientId}: the first through the {@code Tokens} store, then the rest as
     * copies of its row through a raw JDBC batch, each with its own reference and alias and the card
     * sealed again for that reference (so every row reads back and detokenizes like one the server
     * wrote). Returns a few of the references, to check through HTTP.
     */
    static java.util.List<String> seed(Path dataDir, String clientId, long count) {
        var cipher = AesGcmCardCipher.fromKeyFile(dataDir.resolve("cofre.keys"));
        var card = Card.parse("number", Fixtures.NUMBER, "holder", Fixtures.HOLDER, "expiration", Fixtures.EXPIRATION).get();
        MerchantId merchant;
        var first = new TokenReference(UUID.randomUUID());
        try (var database = Database.openSqlite(dataDir.resolve("cofre.db"))) {
            merchant = database.merchants().findByClientId(clientId)
                    .getOrElseThrow(() -> new IllegalStateException("no merchant " + clientId + " in " + dataDir))
                    .merchant();
            var token = Token.issue(first, merchant, Option.some(new Alias(alias(0))), Option.none(),
                    card.pan().masked(), card.holder(), card.expiry(), cipher.fingerprint(card.pan()), Instant.now());
            var added = database.transactions().inTransaction(() -> database.tokens().add(token, cipher.seal(card.pan(), merchant, first)));
            if (added.isLeft()) {
                throw new IllegalStateException("seeding the first token: " + added.getLeft());
            }
        }
        var samples = new java.util.ArrayList<String>(java.util.List.of(first.toString()));
        try (Connection c = SqliteBenchmark.rawConnection(dataDir.resolve("cofre.db"))) {
            // An INTEGER PRIMARY KEY (a row id) is left for SQLite to assign.
            var rowIds = new java.util.HashSet<String>();
            try (var info = c.createStatement().executeQuery("PRAGMA table_info(tokens)")) {
                while (info.next()) {
                    if (info.getInt("pk") > 0 && info.getString("type").equalsIgnoreCase("INTEGER")) {
                        rowIds.add(info.getString("name"));
                    }
                }
            }
            var columns = new java.util.ArrayList<String>();
            var template = new java.util.ArrayList<Object>();
            try (PreparedStatement q = c.prepareStatement("SELECT * FROM tokens WHERE alias = ?")) {
                q.setString(1, alias(0));
                try (ResultSet rs = q.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("the first seeded token is not in the tokens table");
                    }
                    for (int k = 1; k <= rs.getMetaData().getColumnCount(); k++) {
                        if (rowIds.contains(rs.getMetaData().getColumnName(k))) {
                            continue;
                        }
                        columns.add(rs.getMetaData().getColumnName(k));
                        template.add(rs.getObject(k));
                    }
                }
            }
            int reference = required(columns, "reference");
            int aliasColumn = required(columns, "alias");
            int kek = required(columns, "kek_version");
            int wrapped = required(columns, "wrapped_key");
            int ciphertext = required(columns, "ciphertext");
            boolean textReference = template.get(reference) instanceof String;
            c.setAutoCommit(false);
            String sql = "INSERT INTO tokens (" + String.join(", ", columns) + ") VALUES ("
                    + String.join(", ", java.util.Collections.nCopies(columns.size(), "?")) + ")";
            try (PreparedStatement insert = c.prepareStatement(sql)) {
                for (long start = 1; start < count; start += PER_TRANSACTION) {
                    var rows = java.util.stream.LongStream.range(start, Math.min(count, start + PER_TRANSACTION)).parallel()
                            .mapToObj(i -> {
                                var ref = new TokenReference(UUID.randomUUID());
                                var row = new java.util.ArrayList<>(template);
                                row.set(reference, textReference ? ref.value().toString() : bytes(ref.value()));
                                row.set(aliasColumn, alias(i));
                                SealedPan sealed = cipher.seal(card.pan(), merchant, ref);
                                row.set(kek, sealed.kekVersion());
                                row.set(wrapped, sealed.wrappedKey());
                                row.set(ciphertext, sealed.ciphertext());
                                return row;
                            }).toList();
                    for (var row : rows) {
                        for (int k = 0; k < row.size(); k++) {
                            insert.setObject(k + 1, row.get(k));
                        }
                        insert.addBatch();
                    }
                    insert.executeBatch();
                    c.commit();
                    if (samples.size() < 5) {
                        Object ref = rows.get(rows.size() / 2).get(reference);
                        samples.add(ref instanceof String text ? text : fromBytes((byte[]) ref).toString());
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("seeding " + dataDir + ": " + e.getMessage(), e);
        }
        return samples;
    }

    private static int required(java.util.List<String> columns, String name) {
        int k = columns.indexOf(name);
        if (k < 0) {
            throw new IllegalStateException("the tokens table has no column " + name + ": " + columns);
        }
        return k;
    }

    private static byte[] bytes(UUID id) {
        return java.nio.ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }

    private static UUID fromBytes(byte[] b) {
        var buffer = java.nio.ByteBuffer.wrap(b);
        return new UUID(buffer.getLong(), buffer.getLong());
    }
}
