package dev.cofre.adapters.persistence;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.adapters.crypto.KeyFile;
import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.application.customer.SealingCardTokens;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.card.Card;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ActiveToken;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenCustomer;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Card numbers at rest: sealed with the real cipher ({@link AesGcmCardCipher}) and stored, they
 * must not be readable in the raw SQLite file, its WAL, or a pg_dump of the schema, whether
 * written as ASCII, UTF-16 (either byte order) or packed BCD.
 *
 * <p>Card tokens are stored too (seed 000), each number and security code sealed under the token's
 * own data key; half of them are spent, which destroys their sealed columns. The only security
 * codes a store is handed are those sealed inside card tokens; the scan looks for them as UTF-16 only, because three or four digits in ASCII or BCD (two bytes) turn up by chance in any
 * file full of random ciphertext and UUID text, and would make the test cry wolf.
 */
class CardNumbersAtRestTest {

    private static final List<String> PANS = List.of("4111111111111111", "5555555555554444", "378282246310005",
            "6011111111111117", "3530111333300000", "30569309025904", "4012888888881881", "6362970000457013");
    private static final List<String> CVVS = List.of("737", "4321", "951");

    @TempDir
    Path keys;
    private AesGcmCardCipher cipher;

    @BeforeEach
    void cipher() {
        cipher = new AesGcmCardCipher(KeyFile.loadOrCreate(keys.resolve("cofre.keys")));
    }

    @Test
    void no_card_number_is_readable_in_the_sqlite_file_or_its_wal() throws Exception {
        var db = TestDatabases.sqlite();
        Path file = db.sqliteFile().get();
        try {
            vaultEveryCard(db);
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            assertTrue(Files.size(wal) > 0, "the cards are still in the WAL, not yet checkpointed");

            byte[] walBytes = Files.readAllBytes(wal);
            assertTrue(contains(walBytes, "MARIA DA SILVA".getBytes(StandardCharsets.US_ASCII)),
                    "the scan sees what is stored in clear, the holder name");

            assertNoCardData("SQLite file", Files.readAllBytes(file));
            assertNoCardData("SQLite WAL", walBytes);
        } finally {
            db.close();
        }
        try {
            assertNoCardData("SQLite file after checkpoint and close", Files.readAllBytes(file));
        } finally {
            TestDatabases.deleteSqlite(db);
        }
    }

    @Test
    void a_removed_tokens_sealed_number_leaves_no_trace_in_the_sqlite_file() throws Exception {
        var db = TestDatabases.sqlite();
        Path file = db.sqliteFile().get();
        try {
            var merchant = givenMerchant(db);
            var pan = Pan.parse(PANS.get(0)).get();
            var token = tokenFor(merchant, pan);
            var sealed = cipher.seal(pan, merchant, token.reference());
            db.tokens().add(token, sealed);
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            assertTrue(contains(Files.readAllBytes(wal), sealed.wrappedKey()), "the scan finds a stored wrapped key");
            db.tokens().update(token.remove(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW.plusSeconds(1)));
            db.close();

            byte[] bytes = Files.readAllBytes(file);
            assertFalse(contains(bytes, sealed.wrappedKey()), "the wrapped data key is still in the file");
            assertFalse(contains(bytes, sealed.ciphertext()), "the ciphertext is still in the file");
        } finally {
            db.close();
            TestDatabases.deleteSqlite(db);
        }
    }

    @Test
    void a_spent_card_tokens_sealed_number_and_code_leave_no_trace_in_the_sqlite_file() throws Exception {
        var db = TestDatabases.sqlite();
        Path file = db.sqliteFile().get();
        try {
            var merchant = givenMerchant(db);
            var pan = Pan.parse(PANS.get(2)).get();
            var id = CardTokenId.issue(new SecureIds());
            var cardTokens = new SealingCardTokens(db.cardTokens(), cipher);
            cardTokens.issue(new CardToken(id, merchant, new Card(pan, new CardHolder("MARIA DA SILVA"), CardExpiry.of(2031, 7)),
                    Option.some(SecurityCode.parse("cvv", "4321", pan.brand()).get()), NOW.plusSeconds(3600)));
            var sealed = db.cardTokens().sealed(merchant, id).get();
            Path wal = file.resolveSibling(file.getFileName() + "-wal");
            assertTrue(contains(Files.readAllBytes(wal), sealed.securityCodeCiphertext().get()), "the scan finds a stored code");
            assertTrue(cardTokens.redeem(merchant, id, NOW).isRight());
            db.close();

            byte[] bytes = Files.readAllBytes(file);
            assertFalse(contains(bytes, sealed.wrappedKey()), "the wrapped data key is still in the file");
            assertFalse(contains(bytes, sealed.panCiphertext()), "the sealed number is still in the file");
            assertFalse(contains(bytes, sealed.securityCodeCiphertext().get()), "the sealed code is still in the file");
        } finally {
            db.close();
            TestDatabases.deleteSqlite(db);
        }
    }

    @Test
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.POSTGRES_DISABLED)
    void no_card_number_is_readable_in_a_pg_dump_of_the_schema() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/pg_dump")), "pg_dump is not installed at /usr/bin/pg_dump");
        String schema = TestDatabases.randomSchema();
        try (var db = Database.open(TestDatabases.postgresUrl(), schema)) {
            vaultEveryCard(db);

            byte[] dump = pgDump(schema);
            assertTrue(new String(dump, StandardCharsets.UTF_8).contains("COPY " + schema + ".tokens"), "the dump holds the tokens");
            assertTrue(new String(dump, StandardCharsets.UTF_8).contains("COPY " + schema + ".card_tokens"), "the dump holds the card tokens");
            assertNoCardData("pg_dump", dump);
        } finally {
            TestDatabases.dropSchema(schema);
        }
    }

    private void vaultEveryCard(Database db) {
        var merchant = givenMerchant(db);
        var cardTokens = new SealingCardTokens(db.cardTokens(), cipher);
        for (int i = 0; i < PANS.size(); i++) {
            var pan = Pan.parse(PANS.get(i)).get();
            String cvv = pan.brand().securityCodeLength() == 4 ? CVVS.get(1) : CVVS.get(i % 2 == 0 ? 0 : 2);
            var token = new CardToken(CardTokenId.issue(new SecureIds()), merchant,
                    new Card(pan, new CardHolder("MARIA DA SILVA"), CardExpiry.of(2031, 7)),
                    Option.some(SecurityCode.parse("cvv", cvv, pan.brand()).get()), NOW.plusSeconds(3600));
            cardTokens.issue(token);
            // What was stored is the real thing: it opens to the same number and code.
            var opened = cardTokens.peek(merchant, token.id(), NOW).get();
            assertEquals(pan, opened.card().pan());
            if (i % 2 == 0) {
                assertEquals(cvv, cardTokens.redeem(merchant, token.id(), NOW).get().securityCode().get().revealDigits());
            }
        }
        for (String digits : PANS) {
            var pan = Pan.parse(digits).get();
            var token = tokenFor(merchant, pan);
            SealedPan sealed = cipher.seal(pan, merchant, token.reference());
            assertTrue(db.transactions().inTransaction(() -> db.tokens().add(token, sealed)).isRight());
            // What was stored is the real thing: it opens to the same number.
            assertEquals(Either.right(pan), cipher.open(db.tokens().sealedPan(merchant, token.reference()).get(),
                    merchant, token.reference()));
        }
    }

    private ActiveToken tokenFor(MerchantId merchant, Pan pan) {
        return Token.issue(new TokenReference(UUID.randomUUID()), merchant,
                Option.some(new Alias("card-" + pan.lastFour() + "-" + pan.length())),
                Option.some(new TokenCustomer("Maria da Silva", Option.none())), pan.masked(),
                new CardHolder("MARIA DA SILVA"), CardExpiry.of(2031, 7), cipher.fingerprint(pan), NOW);
    }

    private static MerchantId givenMerchant(Database db) {
        var merchant = VaultFixtures.merchant();
        db.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
        return merchant.id();
    }

    private static void assertNoCardData(String where, byte[] bytes) {
        for (String pan : PANS) {
            for (var encoded : panEncodings(pan)) {
                assertFalse(contains(bytes, encoded.bytes()), where + " holds card number ending " + pan.substring(pan.length() - 4)
                        + " as " + encoded.name());
            }
        }
        for (String cvv : CVVS) {
            assertFalse(contains(bytes, cvv.getBytes(StandardCharsets.UTF_16LE)), where + " holds a security code as UTF-16LE");
            assertFalse(contains(bytes, cvv.getBytes(StandardCharsets.UTF_16BE)), where + " holds a security code as UTF-16BE");
        }
    }

    private record Encoded(String name, byte[] bytes) {
    }

    private static List<Encoded> panEncodings(String digits) {
        var encodings = new ArrayList<Encoded>();
        encodings.add(new Encoded("ASCII", digits.getBytes(StandardCharsets.US_ASCII)));
        encodings.add(new Encoded("UTF-16LE", digits.getBytes(StandardCharsets.UTF_16LE)));
        encodings.add(new Encoded("UTF-16BE", digits.getBytes(StandardCharsets.UTF_16BE)));
        if (digits.length() % 2 == 0) {
            encodings.add(new Encoded("packed BCD", bcd(digits)));
        } else {
            // An odd number of digits is padded with a nibble, F or 0, at either end.
            encodings.add(new Encoded("packed BCD, F-padded at the end", bcd(digits + "F")));
            encodings.add(new Encoded("packed BCD, 0-padded at the end", bcd(digits + "0")));
            encodings.add(new Encoded("packed BCD, 0-padded in front", bcd("0" + digits)));
            encodings.add(new Encoded("packed BCD, F-padded in front", bcd("F" + digits)));
        }
        return encodings;
    }

    private static byte[] bcd(String nibbles) {
        byte[] packed = new byte[nibbles.length() / 2];
        for (int i = 0; i < packed.length; i++) {
            packed[i] = (byte) (Character.digit(nibbles.charAt(2 * i), 16) << 4 | Character.digit(nibbles.charAt(2 * i + 1), 16));
        }
        return packed;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** A plain-text pg_dump of one schema, connecting as the test URL says. */
    private static byte[] pgDump(String schema) throws Exception {
        URI uri = URI.create(TestDatabases.postgresUrl().substring("jdbc:".length()));
        var command = new ArrayList<>(List.of("/usr/bin/pg_dump", "--schema=" + schema, "--no-owner",
                "-h", uri.getHost(), "-p", String.valueOf(uri.getPort() == -1 ? 5432 : uri.getPort()),
                "-d", uri.getPath().substring(1)));
        var builder = new ProcessBuilder();
        for (String parameter : Option.of(uri.getQuery()).getOrElse("").split("&")) {
            String[] pair = parameter.split("=", 2);
            if (pair.length == 2 && pair[0].equals("user")) {
                command.addAll(List.of("-U", pair[1]));
            } else if (pair.length == 2 && pair[0].equals("password")) {
                builder.environment().put("PGPASSWORD", pair[1]);
            }
        }
        var process = builder.command(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        var out = new ByteArrayOutputStream();
        process.getInputStream().transferTo(out);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS), "pg_dump finished");
        assertEquals(0, process.exitValue(), "pg_dump succeeded");
        return out.toByteArray();
    }
}
