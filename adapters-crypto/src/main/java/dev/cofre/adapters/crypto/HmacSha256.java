package dev.cofre.adapters.crypto;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/** The one HMAC-SHA256 of the code base: card fingerprints, cryptogram digests, and deriving a key from another. */
final class HmacSha256 {

    static final String ALGORITHM = "HmacSHA256";

    /**
     * One {@code Mac} per thread, initialised with the key of each call: {@code Mac.getInstance} looks
     * the provider up every time (5% of a POST /v1/Token's CPU). {@code init} resets whatever a previous
     * call, failed or not, left in it.
     */
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JVM: " + e.getClass().getSimpleName());
        }
    });

    private HmacSha256() {
    }

    static byte[] of(SecretKey key, byte[] data) {
        try {
            Mac mac = MAC.get();
            mac.init(key);
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            // the exception's message is not repeated: it never should, but it must not quote a key
            throw new IllegalStateException("HMAC-SHA256 failed: " + e.getClass().getSimpleName());
        }
    }

    static String hex(SecretKey key, byte[] data) {
        return HexFormat.of().formatHex(of(key, data));
    }
}
