package dev.cofre.adapters.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import dev.cofre.domain.key.KeyChecks;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The vault's secret keys: key-encryption keys by version (the current one seals, every one
 * still opens) and the fingerprint key. They come from a key file ({@link KeyFile}) or from
 * configuration, never from the database.
 *
 * <p>The text form is a small properties file, one {@code name=value} a line, {@code #} comments:
 * <pre>
 * format=1
 * kek.current=2
 * kek.1=&lt;32 bytes, base64&gt;
 * kek.2=&lt;32 bytes, base64&gt;
 * fingerprint=&lt;32 bytes, base64&gt;
 * </pre>
 * It is parsed and written as bytes, not Strings, so that no copy of a key lingers in an
 * immutable String; the buffers are zeroed after use. Nothing here prints key material.
 */
public final class KeyRing {

    static final int KEY_BYTES = 32;
    private static final String FORMAT = "format";
    private static final String CURRENT = "kek.current";
    private static final String KEK_PREFIX = "kek.";
    private static final String FINGERPRINT = "fingerprint";

    private final SortedMap<Integer, SecretKey> keks;
    private final int current;
    private final SecretKey fingerprintKey;

    private KeyRing(SortedMap<Integer, SecretKey> keks, int current, SecretKey fingerprintKey) {
        this.keks = Collections.unmodifiableSortedMap(new TreeMap<>(keks));
        this.current = current;
        this.fingerprintKey = fingerprintKey;
    }

    /**
     * The key ring given by configuration: the key file's text, base64-encoded (as
     * {@code base64 -w0 cofre.keys} prints it), so it fits in one environment variable.
     */
    public static KeyRing fromConfiguration(String base64KeyFile) {
        byte[] text;
        try {
            text = Base64.getDecoder().decode(base64KeyFile.strip());
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character: a piece of a key.
            throw new KeyFileException("configured keys: not valid base64");
        }
        try {
            return parse(text, "configured keys");
        } finally {
            Arrays.fill(text, (byte) 0);
        }
    }

    /** A new ring with key version 1 and a fingerprint key, both random. */
    static KeyRing generate(SecureRandom random) {
        var keks = new TreeMap<Integer, SecretKey>();
        keks.put(1, randomKey(random));
        return new KeyRing(keks, 1, randomKey(random));
    }

    /** This ring plus a new random key-encryption key, which becomes current. */
    KeyRing withNewVersion(SecureRandom random) {
        var more = new TreeMap<>(keks);
        int next = keks.lastKey() + 1;
        more.put(next, randomKey(random));
        return new KeyRing(more, next, fingerprintKey);
    }

    /** The version of the key-encryption key that seals now. */
    public int currentVersion() {
        return current;
    }

    /** Every key-encryption key version this ring can open. */
    public SortedSet<Integer> versions() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(keks.keySet()));
    }

    SecretKey currentKek() {
        return keks.get(current);
    }

    Optional<SecretKey> kek(int version) {
        return Optional.ofNullable(keks.get(version));
    }

    SecretKey fingerprintKey() {
        return fingerprintKey;
    }

    /**
     * A check value per key, as the database records them: for a key-encryption key the first 8
     * bytes of AES(key, zero block), the usual key check value; for the fingerprint key the first 8
     * bytes of HMAC-SHA256(key, "cofre/key-check"). Both are one-way: they tell keys apart and
     * give away nothing of them.
     */
    public KeyChecks checks() {
        try {
            var byName = new java.util.TreeMap<String, String>();
            for (var kek : keks.entrySet()) {
                Cipher aes = Cipher.getInstance("AES/ECB/NoPadding");
                aes.init(Cipher.ENCRYPT_MODE, kek.getValue());
                byName.put(KEK_PREFIX + kek.getKey(), check(aes.doFinal(new byte[16])));
            }
            byName.put(FINGERPRINT, check(HmacSha256.of(fingerprintKey, "cofre/key-check".getBytes(StandardCharsets.US_ASCII))));
            return new KeyChecks(io.vavr.collection.TreeMap.ofAll(byName));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES or HMAC-SHA256 failed: " + e.getClass().getSimpleName());
        }
    }

    private static String check(byte[] block) {
        return HexFormat.of().formatHex(block, 0, 8);
    }

    @Override
    public String toString() {
        return "KeyRing[kek versions " + keks.keySet() + ", current " + current + ", fingerprint key]";
    }

    /** Parses the text form; {@code source} names it in error messages, which never quote a value. */
    static KeyRing parse(byte[] text, String source) {
        var keks = new TreeMap<Integer, SecretKey>();
        Integer current = null;
        SecretKey fingerprint = null;
        boolean formatSeen = false;
        int lineNo = 0;
        int start = 0;
        while (start < text.length) {
            lineNo++;
            int end = indexOf(text, (byte) '\n', start);
            int lineEnd = end > start && text[end - 1] == '\r' ? end - 1 : end;
            int from = skipBlanks(text, start, lineEnd);
            int to = trimBlanks(text, from, lineEnd);
            start = end + 1;
            if (from == to || text[from] == '#') {
                continue;
            }
            int eq = indexOf(text, (byte) '=', from);
            if (eq >= to) {
                throw new KeyFileException(source + ", line " + lineNo + ": expected name=value");
            }
            String name = new String(text, from, trimBlanks(text, from, eq) - from, StandardCharsets.US_ASCII);
            int valueFrom = skipBlanks(text, eq + 1, to);
            String where = source + ", line " + lineNo + " (" + name + ")";
            if (name.equals(FORMAT)) {
                if (!"1".equals(ascii(text, valueFrom, to))) {
                    throw new KeyFileException(where + ": only format 1 is known");
                }
                formatSeen = true;
            } else if (name.equals(CURRENT)) {
                current = version(ascii(text, valueFrom, to), where);
            } else if (name.equals(FINGERPRINT)) {
                if (fingerprint != null) {
                    throw new KeyFileException(where + ": given twice");
                }
                fingerprint = key(text, valueFrom, to, where);
            } else if (name.startsWith(KEK_PREFIX)) {
                int version = version(name.substring(KEK_PREFIX.length()), where);
                if (keks.put(version, key(text, valueFrom, to, where)) != null) {
                    throw new KeyFileException(where + ": given twice");
                }
            } else {
                throw new KeyFileException(where + ": unknown name");
            }
        }
        if (!formatSeen) {
            throw new KeyFileException(source + ": missing format=1");
        }
        if (keks.isEmpty()) {
            throw new KeyFileException(source + ": no key-encryption key (kek.1=...)");
        }
        if (current == null || !keks.containsKey(current)) {
            throw new KeyFileException(source + ": kek.current must name one of the versions " + keks.keySet());
        }
        if (fingerprint == null) {
            throw new KeyFileException(source + ": missing fingerprint=...");
        }
        return new KeyRing(keks, current, fingerprint);
    }

    /** The text form; the caller zeroes the returned bytes once written. */
    byte[] render() {
        // Sized up front so the buffer never grows and leaves a copy of key text behind.
        var out = new WipeableBytes(512 + 64 * keks.size());
        try {
            line(out, "# Cofre key file: the keys that protect every card number in the vault.");
            line(out, "# Keep it secret (owner-only permissions), outside the database, and backed up:");
            line(out, "# without it, the sealed card numbers can never be read again.");
            line(out, FORMAT + "=1");
            line(out, CURRENT + "=" + current);
            keks.forEach((version, key) -> secretLine(out, KEK_PREFIX + version, key));
            secretLine(out, FINGERPRINT, fingerprintKey);
            return out.toByteArray();
        } finally {
            out.wipe();
        }
    }

    private static final class WipeableBytes extends ByteArrayOutputStream {
        WipeableBytes(int size) {
            super(size);
        }

        void wipe() {
            Arrays.fill(buf, (byte) 0);
            count = 0;
        }
    }

    private static void secretLine(ByteArrayOutputStream out, String name, SecretKey key) {
        byte[] raw = key.getEncoded();
        byte[] encoded = Base64.getEncoder().encode(raw);
        try {
            out.writeBytes((name + "=").getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(encoded);
            out.write('\n');
        } finally {
            Arrays.fill(raw, (byte) 0);
            Arrays.fill(encoded, (byte) 0);
        }
    }

    private static void line(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
    }

    private static SecretKey key(byte[] text, int from, int to, String where) {
        ByteBuffer decoded;
        try {
            decoded = Base64.getDecoder().decode(ByteBuffer.wrap(text, from, to - from));
        } catch (IllegalArgumentException e) {
            // Not chained: the decoder's message quotes the offending character of the key.
            throw new KeyFileException(where + ": not valid base64");
        }
        byte[] raw = new byte[decoded.remaining()];
        decoded.get(raw);
        Arrays.fill(decoded.array(), (byte) 0);
        try {
            if (raw.length != KEY_BYTES) {
                throw new KeyFileException(where + ": a key is " + KEY_BYTES + " bytes (256 bits)");
            }
            return new SecretKeySpec(raw, "AES");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static SecretKey randomKey(SecureRandom random) {
        byte[] raw = new byte[KEY_BYTES];
        random.nextBytes(raw);
        try {
            return new SecretKeySpec(raw, "AES");
        } finally {
            Arrays.fill(raw, (byte) 0);
        }
    }

    private static int version(String digits, String where) {
        if (!digits.matches("[1-9][0-9]{0,8}")) {
            throw new KeyFileException(where + ": a key version is a positive number");
        }
        return Integer.parseInt(digits);
    }

    private static String ascii(byte[] text, int from, int to) {
        return new String(text, from, to - from, StandardCharsets.US_ASCII);
    }

    private static int indexOf(byte[] text, byte b, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == b) {
                return i;
            }
        }
        return text.length;
    }

    private static int skipBlanks(byte[] text, int from, int to) {
        while (from < to && (text[from] == ' ' || text[from] == '\t')) {
            from++;
        }
        return from;
    }

    private static int trimBlanks(byte[] text, int from, int to) {
        while (to > from && (text[to - 1] == ' ' || text[to - 1] == '\t')) {
            to--;
        }
        return to;
    }
}
