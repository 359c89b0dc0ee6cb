package dev.cofre.domain.idempotency;

import dev.cofre.domain.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a request asked, as a SHA-256 digest of its parts: a retry under the same key must ask the
 * same. Each part is length-prefixed, so ("ab", "c") and ("a", "bc") differ. Parts never include a
 * card number or a security code in clear: a card goes in as its keyed fingerprint.
 */
public record RequestFingerprint(String hex) {

    public RequestFingerprint {
        if (!dev.cofre.domain.Sha256.isHex(hex)) {
            throw new IllegalArgumentException("a request fingerprint is 64 lower-case hex digits");
        }
    }

    public static RequestFingerprint of(String... parts) {
        var encoded = new ByteArrayOutputStream();
        for (String part : parts) {
            byte[] bytes = part.getBytes(StandardCharsets.UTF_8);
            encoded.writeBytes(Integer.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
            encoded.write(':');
            encoded.writeBytes(bytes);
        }
        return new RequestFingerprint(Sha256.hex(encoded.toByteArray()));
    }
}
