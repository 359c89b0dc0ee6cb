package dev.cofre.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path dir;

    private final MerchantId merchant = new MerchantId(UUID.randomUUID());
    private final TokenReference token = new TokenReference(UUID.randomUUID());
    private final Pan pan = Cards.pan("4111111111111111");

    @Test
    void a_missing_key_file_is_created_owner_only_and_reloads_to_the_same_keys() throws IOException {
        Path file = dir.resolve("keys").resolve("cofre.keys");

        KeyRing created = KeyFile.loadOrCreate(file);

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        KeyRing reloaded = KeyFile.loadOrCreate(file);
        assertSameKeys(created, reloaded);
        assertSameKeys(created, KeyFile.load(file));
        assertEquals(1, reloaded.currentVersion());
    }

    @Test
    void loading_again_does_not_replace_the_keys() throws IOException {
        Path file = dir.resolve("cofre.keys");
        KeyFile.loadOrCreate(file);
        byte[] before = Files.readAllBytes(file);

        KeyFile.loadOrCreate(file);

        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(file)));
    }

    @Test
    void adding_a_version_makes_it_current_keeps_the_old_ones_and_stays_owner_only() throws IOException {
        Path file = dir.resolve("cofre.keys");
        KeyRing one = KeyFile.loadOrCreate(file);
        var sealedUnderOne = new AesGcmCardCipher(one).seal(pan, merchant, token);

        KeyRing two = KeyFile.addVersion(file);
        KeyRing three = KeyFile.addVersion(file);

        assertEquals(3, three.currentVersion());
        assertEquals(new TreeSet<>(java.util.List.of(1, 2, 3)), KeyFile.load(file).versions());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertSameKeys(three, KeyFile.load(file));
        var cipher = new AesGcmCardCipher(KeyFile.load(file));
        assertEquals(Either.right(pan), cipher.open(sealedUnderOne, merchant, token));
        assertEquals(new AesGcmCardCipher(one).fingerprint(pan), cipher.fingerprint(pan));
        assertEquals(2, two.currentVersion());
        try (var leftovers = Files.list(dir)) {
            assertEquals(java.util.List.of("cofre.keys", "cofre.keys.lock"),
                    leftovers.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void a_key_file_readable_by_group_or_others_is_refused_without_showing_a_key() throws IOException {
        Path file = dir.resolve("cofre.keys");
        KeyFile.loadOrCreate(file);
        String text = Files.readString(file);

        for (String loose : java.util.List.of("rw-r--r--", "rw-r-----", "rw----r--", "rw-----w-")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(loose));

            var refused = assertThrows(KeyFileException.class, () -> KeyFile.load(file));
            assertTrue(refused.getMessage().contains("group or others"), refused.getMessage());
            assertTrue(refused.getMessage().contains("chmod 600"), refused.getMessage());
            assertThrows(KeyFileException.class, () -> KeyFile.loadOrCreate(file));
            assertThrows(KeyFileException.class, () -> KeyFile.addVersion(file));
            assertNoKeyIn(refused.getMessage(), text);
        }
    }

    @Test
    void a_malformed_key_file_is_refused_naming_the_line_but_not_the_key() throws IOException {
        Path file = dir.resolve("cofre.keys");
        KeyFile.loadOrCreate(file);
        String text = Files.readString(file);
        String kekLine = text.lines().filter(l -> l.startsWith("kek.1=")).findFirst().orElseThrow();

        write(file, text.replace(kekLine, kekLine.substring(0, kekLine.length() - 6) + "-!-!=="));
        var badBase64 = assertThrows(KeyFileException.class, () -> KeyFile.load(file));
        assertTrue(badBase64.getMessage().contains("kek.1"), badBase64.getMessage());
        assertNoKeyIn(badBase64.getMessage(), text);
        assertEquals(null, badBase64.getCause());

        write(file, text.replace(kekLine, "kek.1=" + Base64.getEncoder().encodeToString(new byte[16])));
        assertTrue(assertThrows(KeyFileException.class, () -> KeyFile.load(file)).getMessage().contains("32 bytes"));

        write(file, text.replace("kek.current=1", "kek.current=2"));
        assertTrue(assertThrows(KeyFileException.class, () -> KeyFile.load(file)).getMessage().contains("kek.current"));

        write(file, text.replace("fingerprint=", "fingerprnt="));
        assertTrue(assertThrows(KeyFileException.class, () -> KeyFile.load(file)).getMessage().contains("fingerprnt"));
    }

    @Test
    void a_missing_key_file_is_a_clear_error_when_creating_is_not_asked_for() {
        var missing = assertThrows(KeyFileException.class, () -> KeyFile.load(dir.resolve("nope.keys")));
        assertTrue(missing.getMessage().contains("does not exist"));
        assertThrows(KeyFileException.class, () -> KeyFile.addVersion(dir.resolve("nope.keys")));
    }

    @Test
    void configured_keys_are_the_key_file_in_base64() throws IOException {
        Path file = dir.resolve("cofre.keys");
        KeyRing fromFile = KeyFile.loadOrCreate(file);
        KeyFile.addVersion(file);
        String configured = Base64.getEncoder().encodeToString(Files.readAllBytes(file));

        KeyRing fromConfiguration = KeyRing.fromConfiguration(configured);

        assertEquals(2, fromConfiguration.currentVersion());
        var sealed = new AesGcmCardCipher(fromFile).seal(pan, merchant, token);
        assertEquals(Either.right(pan), new AesGcmCardCipher(fromConfiguration).open(sealed, merchant, token));
        var bad = assertThrows(KeyFileException.class, () -> KeyRing.fromConfiguration(configured + "*"));
        assertNoKeyIn(bad.getMessage(), Files.readString(file));
    }

    @Test
    void windows_line_endings_comments_and_blanks_are_accepted() throws IOException {
        Path file = dir.resolve("cofre.keys");
        KeyRing ring = KeyFile.loadOrCreate(file);
        String text = Files.readString(file);
        write(file, "\n# edited by hand\n\n" + text.replace("\n", "  \r\n"));

        assertSameKeys(ring, KeyFile.load(file));
    }

    private static void write(Path file, String text) throws IOException {
        Files.write(file, text.getBytes(StandardCharsets.US_ASCII));
    }

    /** Same versions, and each opens what the other sealed and fingerprints alike. */
    private void assertSameKeys(KeyRing expected, KeyRing actual) {
        SortedSet<Integer> versions = expected.versions();
        assertEquals(versions, actual.versions());
        assertEquals(expected.currentVersion(), actual.currentVersion());
        for (int version : versions) {
            assertTrue(java.security.MessageDigest.isEqual(expected.kek(version).orElseThrow().getEncoded(),
                    actual.kek(version).orElseThrow().getEncoded()));
        }
        var a = new AesGcmCardCipher(expected);
        var b = new AesGcmCardCipher(actual);
        assertEquals(Either.right(pan), b.open(a.seal(pan, merchant, token), merchant, token));
        assertEquals(a.fingerprint(pan), b.fingerprint(pan));
    }

    private static void assertNoKeyIn(String message, String keyFileText) {
        keyFileText.lines().filter(l -> l.startsWith("kek.") && !l.startsWith("kek.current") || l.startsWith("fingerprint="))
                .map(l -> l.substring(l.indexOf('=') + 1))
                .forEach(key -> {
                    assertFalse(message.contains(key));
                    assertFalse(message.contains(key.substring(0, 8)));
                });
    }
}
