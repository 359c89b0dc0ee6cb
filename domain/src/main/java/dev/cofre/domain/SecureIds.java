package dev.cofre.domain;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;

/** {@link Ids} from {@link SecureRandom}: the only id generator Cofre uses. */
public final class SecureIds implements Ids {

    private static final char[] ALPHABET =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz".toCharArray();

    private final SecureRandom random = new SecureRandom();

    @Override
    public UUID uuid() {
        return UUID.randomUUID(); // type 4, drawn from a SecureRandom
    }

    @Override
    public String secret(int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    @Override
    public String prefixed(String prefix, int length) {
        var sb = new StringBuilder(prefix);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return sb.toString();
    }
}
