package dev.cofre.adapters.rest;

import java.time.Duration;

/**
 * What a client must do to keep a connection: send its request line and headers within
 * {@code headerTimeout} of their first byte, its body within {@code bodyTimeout} of the headers
 * and, after the first second, at {@code minDataRate} bytes per second or more; and open at most
 * {@code maxConnectionsPerAddress} connections from one address (trusted proxies are exempt).
 */
public record HttpLimits(Duration headerTimeout, Duration bodyTimeout, int minDataRate, int maxConnectionsPerAddress) {

    /** The defaults, as the README's "Settings" states them. */
    public static final HttpLimits DEFAULT = new HttpLimits(Duration.ofSeconds(10), Duration.ofSeconds(10), 1024, 128);

    /** The first second of a body is never measured against the rate (a client's first write may wait for its TLS). */
    static final Duration RATE_GRACE = Duration.ofSeconds(1);

    public HttpLimits {
        if (headerTimeout.isNegative() || headerTimeout.isZero() || bodyTimeout.isNegative() || bodyTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
        if (minDataRate < 1 || maxConnectionsPerAddress < 1) {
            throw new IllegalArgumentException("the data rate and the connection cap must be positive");
        }
    }
}
