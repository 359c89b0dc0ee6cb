package dev.cofre.domain;

import java.util.UUID;

/** Unguessable identifiers and secrets, from a cryptographically strong source. */
public interface Ids {

    /** A random (version 4) UUID. */
    UUID uuid();

    /** A random secret of {@code bytes} bytes, base64url-encoded without padding. */
    String secret(int bytes);

    /** A random identifier with a readable prefix, as the orders API prints them ({@code ch_...}). */
    String prefixed(String prefix, int length);
}
