package dev.cofre.bootstrap;

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
            throw new IllegalArgumentException("COFRE_PORT must be between 0 and 65535");
        }
        return new Settings(port, dataDir,
                values.getOrDefault("COFRE_DB_URL", "jdbc:sqlite:" + dataDir.resolve("cofre.db")),
                values.getOrDefault("COFRE_DB_SCHEMA", "public"),
                Path.of(values.getOrDefault("COFRE_KEY_FILE", dataDir.resolve("cofre.keys").toString())),
                Option.of(values.get("COFRE_KEYS")),
                Option.of(values.get("COFRE_SANDBOX_CLIENT_ID")),
                Option.of(values.get("COFRE_SANDBOX_CLIENT_SECRET")),
                Duration.ofSeconds(integer(values, "COFRE_SHUTDOWN_GRACE_SECONDS", 10)),
                ChargeSettings.from(values));
    }

    public Settings withPort(int newPort) {
        return new Settings(newPort, dataDir, dbUrl, dbSchema, keyFile, configuredKeys, sandboxClientId,
                sandboxClientSecret, shutdownGrace, charges);
    }

    private static int integer(Map<String, String> values, String name, int fallback) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number", e);
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
