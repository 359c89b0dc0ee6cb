package dev.cofre.adapters.rest;

import io.vavr.control.Option;
import java.security.KeyStore;

/**
 * Where the API listens and how: a host (an address or name to bind; {@code 0.0.0.0} for every
 * interface), a port (0: any free one), and, when {@code tls} holds a server key and certificate
 * chain, HTTPS with TLS 1.2 or 1.3 only instead of plain HTTP.
 */
public record Transport(String host, int port, Option<Tls> tls) {

    /** Plain HTTP on {@code host}:{@code port}. */
    public static Transport plain(String host, int port) {
        return new Transport(host, port, Option.none());
    }

    /** A key store holding the server's private key and certificate chain, and the key's password. */
    public record Tls(KeyStore keyStore, char[] password) {

        @Override
        public String toString() {
            return "Tls[" + keyStore.getType() + "]";
        }
    }
}
