package dev.cofre.bootstrap;

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
public record Settings(int port, Path dataDir, String dbUrl, String dbSchema, Path keyFile,
                       Option<String> configuredKeys, Option<String> sandboxClientId,
                       Option<String> sandboxClientSecret, Duration shutdownGrace,
                       Option<Boolean> allowDevelopmentKey, TrustedProxies trustedProxies,
                       ChargeSettings charges) {

    @Override
    public String toString() { // the JDBC URL, the configured keys and the sandbox secret are secrets
        return "Settings[port=" + port + ", dataDir=" + dataDir + ", keyFile=" + keyFile + "]";
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
        return new Settings(port, dataDir,
                values.getOrDefault("COFRE_DB_URL", "jdbc:sqlite:" + dataDir.resolve("cofre.db")),
                values.getOrDefault("COFRE_DB_SCHEMA", "public"),
                Path.of(values.getOrDefault("COFRE_KEY_FILE", dataDir.resolve("cofre.keys").toString())),
                Option.of(values.get("COFRE_KEYS")),
                Option.of(values.get("COFRE_SANDBOX_CLIENT_ID")),
                Option.of(values.get("COFRE_SANDBOX_CLIENT_SECRET")),
                Duration.ofSeconds(integer(values, "COFRE_SHUTDOWN_GRACE_SECONDS", 10)),
                Option.of(values.get("COFRE_ALLOW_DEVELOPMENT_KEY")).map(v -> bool("COFRE_ALLOW_DEVELOPMENT_KEY", v)),
                trustedProxies(values.get("COFRE_TRUSTED_PROXIES")),
                ChargeSettings.from(values));
    }

    public Settings withPort(int newPort) {
        return new Settings(newPort, dataDir, dbUrl, dbSchema, keyFile, configuredKeys, sandboxClientId,
                sandboxClientSecret, shutdownGrace, allowDevelopmentKey, trustedProxies, charges);
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
