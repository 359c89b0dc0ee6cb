package dev.cofre.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.application.token.DetokenizeCard;
import dev.cofre.application.token.TokenizeCard;
import dev.cofre.application.token.Vault;
import dev.cofre.application.token.VaultStores;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Token;
import java.net.InetAddress;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Someone with write access to the database, but not the key, edits the sealed columns of a
 * token row: a flipped byte, or another row's sealed number. Detokenizing then fails with a clear
 * error (763) that reveals nothing, and the other tokens still read.
 */
class TamperedRowsTest {

    static final InetAddress LOCALHOST_V6 = io.vavr.control.Try.of(() -> InetAddress.getByName("::1")).get();

    @TempDir
    Path keys;

    record Vaulted(Database db, Path file, Vault vault, MerchantId merchant, Token visa, Token master) {
        String detokenize(Token token) {
            return vault.detokenize().detokenize(merchant, new DetokenizeCard.Command(
                    token.reference().toString(), null, LOCALHOST_V6))
                    .fold(error -> "error " + error.code() + ": " + error.message(), card -> card.pan().revealDigits());
        }
    }

    Vaulted vaultTwoCards() {
        var db = TestDatabases.sqlite();
        var cipher = AesGcmCardCipher.fromKeyFile(keys.resolve("cofre.keys"));
        var vault = Vault.create(new VaultStores(db.tokens(), db.saveRequests(), db.keyRecoveries(), db.auditTrail(),
                db.idempotencyKeys(), db.merchants(), db.transactions()), cipher, Clock.systemUTC(), new SecureIds());
        var merchant = VaultFixtures.merchant();
        db.merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
        Token visa = vault.tokenize().tokenize(merchant.id(),
                new TokenizeCard.Command(null, "4111111111111111", "Ana Lima", "07/2031", "737", null)).get();
        Token master = vault.tokenize().tokenize(merchant.id(),
                new TokenizeCard.Command(null, "5555555555554444", "Rui Lima", "07/2031", "951", null)).get();
        return new Vaulted(db, db.sqliteFile().get(), vault, merchant.id(), visa, master);
    }

    /** Flips the lowest bit of one byte of a token's stored ciphertext, as an attacker with SQL access could. */
    static void flipLastCiphertextByte(Path file, Token token) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            byte[] ciphertext;
            try (var read = connection.prepareStatement("SELECT ciphertext FROM tokens WHERE reference = ?")) {
                read.setString(1, token.reference().toString());
                var rows = read.executeQuery();
                rows.next();
                ciphertext = rows.getBytes(1);
            }
            ciphertext[ciphertext.length - 1] ^= 1;
            try (var write = connection.prepareStatement("UPDATE tokens SET ciphertext = ? WHERE reference = ?")) {
                write.setBytes(1, ciphertext);
                write.setString(2, token.reference().toString());
                assertEquals(1, write.executeUpdate());
            }
        }
    }

    /** Puts each token's sealed number (key version, wrapped key, ciphertext) in the other's row. */
    static void swapSealedColumns(Path file, Token one, Token other) throws Exception {
        try (var connection = DriverManager.getConnection("jdbc:sqlite:" + file)) {
            Object[][] sealed = new Object[2][];
            Token[] tokens = {one, other};
            for (int i = 0; i < 2; i++) {
                try (var read = connection.prepareStatement(
                        "SELECT kek_version, wrapped_key, ciphertext FROM tokens WHERE reference = ?")) {
                    read.setString(1, tokens[i].reference().toString());
                    var rows = read.executeQuery();
                    rows.next();
                    sealed[i] = new Object[] {rows.getInt(1), rows.getBytes(2), rows.getBytes(3)};
                }
            }
            for (int i = 0; i < 2; i++) {
                try (var write = connection.prepareStatement(
                        "UPDATE tokens SET kek_version = ?, wrapped_key = ?, ciphertext = ? WHERE reference = ?")) {
                    write.setInt(1, (Integer) sealed[1 - i][0]);
                    write.setBytes(2, (byte[]) sealed[1 - i][1]);
                    write.setBytes(3, (byte[]) sealed[1 - i][2]);
                    write.setString(4, tokens[i].reference().toString());
                    assertEquals(1, write.executeUpdate());
                }
            }
        }
    }

    @Test
    void a_flipped_byte_in_a_stored_ciphertext_is_a_broken_seal_and_the_other_tokens_still_read() throws Exception {
        var v = vaultTwoCards();
        try {
            assertEquals("4111111111111111", v.detokenize(v.visa()));
            flipLastCiphertextByte(v.file(), v.visa());
            assertBroken(v.detokenize(v.visa()));
            assertEquals("5555555555554444", v.detokenize(v.master()));
        } finally {
            v.db().close();
            TestDatabases.deleteSqlite(v.db());
        }
    }

    @Test
    void sealed_numbers_swapped_between_two_rows_open_in_neither() throws Exception {
        var v = vaultTwoCards();
        try {
            assertEquals("5555555555554444", v.detokenize(v.master()));
            swapSealedColumns(v.file(), v.visa(), v.master());
            assertBroken(v.detokenize(v.visa()));
            assertBroken(v.detokenize(v.master()));
        } finally {
            v.db().close();
            TestDatabases.deleteSqlite(v.db());
        }
    }

    static void assertBroken(String answer) {
        assertEquals("error 763: Stored card data failed its integrity check", answer);
        assertFalse(answer.matches(".*\\d{6,}.*"), "the error carries no digits of the card");
    }
}
