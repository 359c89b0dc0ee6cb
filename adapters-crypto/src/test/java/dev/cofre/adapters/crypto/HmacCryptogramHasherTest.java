package dev.cofre.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.cofre.domain.charge.Cryptogram;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HmacCryptogramHasherTest {

    @TempDir
    Path dir;

    private static Cryptogram cryptogram(String value) {
        return Cryptogram.parse("cryptogram", value).get();
    }

    @Test
    void two_servers_with_the_same_key_file_compute_the_same_digest() throws Exception {
        Path file = dir.resolve("cofre.keys");
        var first = HmacCryptogramHasher.fromKeyFile(file); // creates the file
        // the second server gets the same keys by configuration, as a deployment of several servers does
        var second = new HmacCryptogramHasher(KeyRing.fromConfiguration(
                Base64.getEncoder().encodeToString(Files.readAllBytes(file))));

        assertEquals(first.digest(cryptogram("ANfQt43bddROAAEnSAMhAAADFA====")),
                second.digest(cryptogram("ANfQt43bddROAAEnSAMhAAADFA====")));
    }

    @Test
    void another_key_file_gives_another_digest_and_no_digest_shows_the_cryptogram() {
        var one = HmacCryptogramHasher.fromKeyFile(dir.resolve("one.keys"));
        var other = HmacCryptogramHasher.fromKeyFile(dir.resolve("other.keys"));

        var digest = one.digest(cryptogram("ANfQt43bddROAAEnSAMhAAADFA===="));
        assertNotEquals(digest, other.digest(cryptogram("ANfQt43bddROAAEnSAMhAAADFA====")));
        assertNotEquals(digest, one.digest(cryptogram("ANfQt43bddROAAEnSAMhAAADFB====")));
        assertFalse(digest.hex().contains("ANfQt43"));
        assertFalse(one.toString().contains(digest.hex()));
    }

    @Test
    void a_cryptogram_digest_is_not_the_card_fingerprint_of_the_same_bytes() {
        Path file = dir.resolve("cofre.keys");
        var hasher = HmacCryptogramHasher.fromKeyFile(file);
        var cipher = AesGcmCardCipher.fromKeyFile(file);

        assertNotEquals(cipher.fingerprint(Cards.pan("4111111111111111")).hex(),
                hasher.digest(cryptogram("4111111111111111")).hex(), "the derived key is not the fingerprint key");
    }
}
