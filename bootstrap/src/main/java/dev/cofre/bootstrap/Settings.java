package dev.cofre.bootstrap;

import dev.cofre.adapters.rest.HttpLimits;
import dev.cofre.adapters.rest.Transport;
import dev.cofre.domain.charge.CardToken;
import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.TrustedProxies;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Cofre's configuration: environment variables, over an optional properties file named by
 * {@code COFRE_CONFIG_FILE} that uses the same names as keys. Every setting is in the README, "Settings".
 */
public record Settings(String host, int port, Option<Transport.Tls> tls, Path dataDir, String dbUrl, String dbSchema, Path keyFile,
                       Option<String> configuredKeys, Option<String> sandboxClientId,
                       Option<String> sandboxClientSecret, Duration shutdownGrace,
                       Option<Boolean> allowDevelopmentKey, TrustedProxies trustedProxies,
                       HttpLimits httpLimits, ChargeSettings charges,
                       Duration cardTokenLifetime, Option<String> demoMerchant) {

    @Override
    public String toString() { // the JDBC URL, the configured keys and the sandbox secret are secrets
        return "Settings[host=" + host + ", port=" + port + ", tls=" + tls.isDefined() + ", dataDir=" + dataDir + ", keyFile=" + keyFile + "]";
    }

    public static Settings fromEnvironment() {
        return from(System.getenv());
    }

    /** Reads {@code env}, falling back to the properties file it names, then to the defaults. */
    public static Settings from(Map<String, String> env) {
        Map<String, String> values = new HashMap<>();
        String file = env.get("COFRE_CONFIG_FILE");
        if (file != null && !file.isBlank()) {
            values.putAll(load(Path.of(file)));
        }
        env.forEach((k, v) -> {
            if (k.startsWith("COFRE_") && v != null && !v.isBlank()) {
                values.put(k, v);
            }
        });
        Path dataDir = Path.of(values.getOrDefault("COFRE_DATA_DIR", "./cofre-data")).toAbsolutePath().normalize();
        int port = integer(values, "COFRE_PORT", 8080);
        if (port < 0 || port > 65535) {
            throw new StartupFailure("COFRE_PORT must be between 0 and 65535");
        }
        String host = values.getOrDefault("COFRE_HOST", "127.0.0.1");
        var tls = TlsKeys.from(values);
        boolean allowPlain = Option.of(values.get("COFRE_ALLOW_PLAIN_HTTP"))
                .map(v -> bool("COFRE_ALLOW_PLAIN_HTTP", v)).getOrElse(false);
        if (tls.isEmpty() && !allowPlain && !loopback(host)) {
            throw new StartupFailure("plain HTTP on " + host + " is refused: configure COFRE_TLS_KEYSTORE (or COFRE_TLS_CERT "
                    + "and COFRE_TLS_KEY), or set COFRE_ALLOW_PLAIN_HTTP=true behind a TLS-terminating proxy");
        }
        return new Settings(host, port, tls, dataDir,
                values.getOrDefault("COFRE_DB_URL", "jdbc:sqlite:" + dataDir.resolve("cofre.db")),
                values.getOrDefault("COFRE_DB_SCHEMA", "public"),
                Path.of(values.getOrDefault("COFRE_KEY_FILE", dataDir.resolve("cofre.keys").toString())),
                Option.of(values.get("COFRE_KEYS")),
                Option.of(values.get("COFRE_SANDBOX_CLIENT_ID")),
                Option.of(values.get("COFRE_SANDBOX_CLIENT_SECRET")),
                Duration.ofSeconds(integer(values, "COFRE_SHUTDOWN_GRACE_SECONDS", 10)),
                Option.of(values.get("COFRE_ALLOW_DEVELOPMENT_KEY")).map(v -> bool("COFRE_ALLOW_DEVELOPMENT_KEY", v)),
                trustedProxies(values.get("COFRE_TRUSTED_PROXIES")),
                httpLimits(values),
                ChargeSettings.from(values),
                Duration.ofSeconds(positive(values, "COFRE_CARD_TOKEN_TTL_SECONDS",
                        (int) CardToken.LIFETIME.toSeconds())),
                Option.of(values.get("COFRE_DEMO_MERCHANT")).map(String::strip));
    }

    public Settings withPort(int newPort) {
        return new Settings(host, newPort, tls, dataDir, dbUrl, dbSchema, keyFile, configuredKeys, sandboxClientId,
                sandboxClientSecret, shutdownGrace, allowDevelopmentKey, trustedProxies, httpLimits, charges,
                cardTokenLifetime, demoMerchant);
    }

    private static int integer(Map<String, String> values, String name, int fallback) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new StartupFailure(name + " must be a whole number");
        }
    }

    /** Whether every address {@code host} names is a loopback address (reachable from this machine only). */
    private static boolean loopback(String host) {
        try {
            return java.util.Arrays.stream(java.net.InetAddress.getAllByName(host))
                    .allMatch(java.net.InetAddress::isLoopbackAddress);
        } catch (java.net.UnknownHostException e) {
            throw new StartupFailure("COFRE_HOST " + host + " is not an address of this machine");
        }
    }

    /** Where and how the API listens. */
    public Transport transport() {
        return new Transport(host, port, tls);
    }

    private static HttpLimits httpLimits(Map<String, String> values) {
        var defaults = HttpLimits.DEFAULT;
        int header = positive(values, "COFRE_HTTP_HEADER_TIMEOUT_SECONDS", (int) defaults.headerTimeout().toSeconds());
        int body = positive(values, "COFRE_HTTP_BODY_TIMEOUT_SECONDS", (int) defaults.bodyTimeout().toSeconds());
        return new HttpLimits(Duration.ofSeconds(header), Duration.ofSeconds(body),
                positive(values, "COFRE_HTTP_MIN_DATA_RATE", defaults.minDataRate()),
                positive(values, "COFRE_HTTP_MAX_CONNECTIONS_PER_ADDRESS", defaults.maxConnectionsPerAddress()));
    }

    static int positive(Map<String, String> values, String name, int fallback) {
        int value = integer(values, name, fallback);
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1");
        }
        return value;
    }

    static int atLeastZero(Map<String, String> values, String name, int fallback) {
        int value = integer(values, name, fallback);
        if (value < 0) {
            throw new IllegalArgumentException(name + " must not be negative");
        }
        return value;
    }

    private static TrustedProxies trustedProxies(String raw) {
        if (raw == null) {
            return TrustedProxies.NONE;
        }
        var ranges = io.vavr.collection.List.of(raw.split(",")).map(String::strip).filter(r -> !r.isEmpty())
                .map(r -> IpRange.parse("COFRE_TRUSTED_PROXIES", r));
        var invalid = ranges.filter(io.vavr.control.Either::isLeft);
        if (!invalid.isEmpty()) {
            throw new StartupFailure(invalid.head().getLeft().message()
                    + " (a comma-separated list of addresses or CIDR ranges)");
        }
        return new TrustedProxies(ranges.map(io.vavr.control.Either::get));
    }

    private static boolean bool(String name, String raw) {
        return switch (raw.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw new StartupFailure(name + " must be true or false");
        };
    }

    private static Map<String, String> load(Path file) {
        var properties = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read COFRE_CONFIG_FILE " + file, e);
        }
        Map<String, String> values = new HashMap<>();
        properties.stringPropertyNames().forEach(k -> values.put(k, properties.getProperty(k).trim()));
        return values;
    }
}
