package dev.cofre.adapters.crypto;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.SecretKey;

/** The one HMAC-SHA256 of the code base: card fingerprints, cryptogram digests, and deriving a key from another. */
final class HmacSha256 {

    static final String ALGORITHM = "HmacSHA256";

    private HmacSha256() {
    }

    static byte[] of(SecretKey key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
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
