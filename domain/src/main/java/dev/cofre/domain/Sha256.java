package dev.cofre.domain;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one SHA-256 of the code base: a digest as 64 lower-case hex digits. */
public final class Sha256 {

    /** One digest per thread: {@code MessageDigest.getInstance} looks the provider up on every call. */
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    });

    private static final HexFormat HEX = HexFormat.of();

    private Sha256() {
    }

    public static String hex(byte[] bytes) {
        // digest() resets the digest, so the thread's instance is ready for its next call.
        return HEX.formatHex(DIGEST.get().digest(bytes));
    }

    /** Whether {@code text} has the shape of {@link #hex}: 64 lower-case hex digits (no regular expression). */
    public static boolean isHex(String text) {
        if (text == null || text.length() != 64) {
            return false;
        }
        for (int i = 0; i < 64; i++) {
            char c = text.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }
}
