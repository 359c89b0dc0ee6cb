package dev.cofre.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cofre.application.merchant.RegisterMerchant;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The real server on a random port over a real database in a data directory, driven through
 * java.net.http. Restartable on the same directory; its clock is moved by hand.
 */
final class RunningCofre implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    /** Seed 003's example card expires 12/2021: the replayed examples run in June 2021. */
    static final Instant SEED_TIME = Instant.parse("2021-06-01T12:00:00Z");

    final Path dataDir;
    final String dbUrl;
    final String schema;
    final MutableClock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> moreSettings;
    private Wiring wiring;
    private final dev.cofre.domain.charge.Acquirer acquirer;
    private Server server;

    RunningCofre(Path dataDir, String dbUrl, String schema, Instant start) {
        this(dataDir, dbUrl, schema, start, Map.of());
    }

    /** {@code moreSettings}: further COFRE_* settings, e.g. a key file of its own. */
    RunningCofre(Path dataDir, String dbUrl, String schema, Instant start, Map<String, String> moreSettings) {
        this(dataDir, dbUrl, schema, start, moreSettings, null);
    }

    /** {@code acquirer}: one the test steers (a simulator it can inject faults into); null for the configured one. */
    RunningCofre(Path dataDir, String dbUrl, String schema, Instant start, Map<String, String> moreSettings,
                 dev.cofre.domain.charge.Acquirer acquirer) {
        this.acquirer = acquirer;
        this.moreSettings = moreSettings;
        this.dataDir = dataDir;
        this.dbUrl = dbUrl;
        this.schema = schema;
        this.clock = new MutableClock(start);
        start();
    }

    Settings settings() {
        var env = new HashMap<String, String>();
        env.put("COFRE_PORT", "0");
        env.put("COFRE_DATA_DIR", dataDir.toString());
        if (dbUrl != null) {
            env.put("COFRE_DB_URL", dbUrl);
            env.put("COFRE_DB_SCHEMA", schema);
            env.put("COFRE_ALLOW_DEVELOPMENT_KEY", "true"); // a schema of its own per test
        }
        env.putAll(moreSettings);
        return Settings.from(env);
    }

    void start() {
        wiring = acquirer == null ? Wiring.open(settings(), clock) : Wiring.open(settings(), clock, acquirer);
        server = Server.start(wiring, settings());
    }

    void restart() {
        server.close();
        start();
    }

    Wiring wiring() {
        return wiring;
    }

    int port() {
        return server.port();
    }

    String base() {
        return (server.secure() ? "https" : "http") + "://localhost:" + server.port();
    }

    @Override
    public void close() {
        server.close();
    }

    /** A merchant registered straight through the use case, with its secrets. */
    RegisterMerchant.Registered merchant(String name, String... cidrs) {
        return wiring.accounts().register()
                .register(new RegisterMerchant.Command(name, List.of(cidrs), true, false, null, null))
                .getOrElseThrow(e -> new AssertionError(e.message()));
    }

    String bearer(RegisterMerchant.Registered m) {
        var r = token(m.clientId(), m.clientSecret());
        if (r.status() != 200) {
            throw new AssertionError("token: " + r.status() + " " + r.body());
        }
        return r.json().get("access_token").asText();
    }

    Reply token(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        return send("POST", "/oauth2/token", "grant_type=client_credentials",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic));
    }

    Reply vault(String method, String path, String bearer, String json) {
        var headers = new HashMap<String, String>();
        if (bearer != null) {
            headers.put("Authorization", "Bearer " + bearer);
        }
        if (json != null) {
            headers.put("Content-Type", "application/json");
        }
        return send(method, path, json, headers);
    }

    Reply justClick(String method, String json) {
        return send("POST", "/justclick/" + method, json, Map.of("Content-Type", "application/json"));
    }

    Reply send(String method, String path, String body, Map<String, String> headers) {
        return send(method, path, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8), headers);
    }

    /** Sends {@code body} chunked (no Content-Length), as clients streaming a body do. */
    Reply sendChunked(String method, String path, String body, Map<String, String> headers) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return send(method, path, HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(bytes)),
                headers);
    }

    /** Posts raw bytes, for bodies that are not valid text. */
    Reply sendBytes(String method, String path, byte[] body, Map<String, String> headers) {
        return send(method, path, HttpRequest.BodyPublishers.ofByteArray(body), headers);
    }

    /** A SOAP 1.1 call as the vendor's SDKs make it: POST, text/xml, and SOAPAction when given. */
    Reply soap(String path, String envelope, String soapAction) {
        var headers = new HashMap<String, String>();
        headers.put("Content-Type", "text/xml; charset=utf-8");
        if (soapAction != null) {
            headers.put("SOAPAction", soapAction);
        }
        return send("POST", path, envelope, headers);
    }

    private Reply send(String method, String path, HttpRequest.BodyPublisher body, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(20))
                .method(method, body);
        headers.forEach(builder::header);
        try {
            var response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static String guid() {
        return UUID.randomUUID().toString();
    }

    /** What a client sees: status, body, headers. */
    record Reply(int status, String body, Map<String, List<String>> headers) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** Deletes a test's data directory; a temporary directory left behind is no failure. */
    static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (var files = java.nio.file.Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is no failure
        }
    }
}
