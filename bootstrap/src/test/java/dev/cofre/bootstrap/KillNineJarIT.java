package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "kill -9 of the real jar under load": {@code java -jar cofre.jar} serves tokenize
 * requests from several writers and is killed with SIGKILL at a random moment, again and again;
 * after every restart each token it had acknowledged (201) is still there. Runs after the package
 * phase, on the jar the build made.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class KillNineJarIT {

    private static final Path JAR = Path.of("target", "cofre.jar");
    private static final String CLIENT_ID = "kill-nine-client";
    private static final String CLIENT_SECRET = "kill-nine-secret-0123456789";
    private static final int WRITERS = 8;
    private static final Pattern LISTENING = Pattern.compile("Cofre listening on port (\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Random random = new Random(14);

    @Test
    void twenty_kills_on_sqlite_lose_no_acknowledged_token(@TempDir Path dir) throws Exception {
        cycles(dir, Map.of(), 20, "SQLite");
    }

    @Test
    @OnPostgres
    void five_kills_on_postgresql_lose_no_acknowledged_token(@TempDir Path dir) throws Exception {
        String url = OnPostgres.URL;
        String schema = "kill_nine_" + Long.toHexString(System.nanoTime());
        try {
            cycles(dir, Map.of("COFRE_DB_URL", url, "COFRE_DB_SCHEMA", schema, "COFRE_ALLOW_DEVELOPMENT_KEY", "true"),
                    5, "PostgreSQL");
        } finally {
            try (var c = DriverManager.getConnection(url); var s = c.createStatement()) {
                s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        }
    }

    private void cycles(Path dir, Map<String, String> database, int kills, String name) throws Exception {
        assertTrue(Files.isRegularFile(JAR), JAR.toAbsolutePath() + " is built by the package phase");
        var env = new HashMap<>(database);
        env.put("COFRE_DATA_DIR", dir.resolve("data").toString());
        env.put("COFRE_PORT", "0");
        env.put("COFRE_SANDBOX_CLIENT_ID", CLIENT_ID);
        env.put("COFRE_SANDBOX_CLIENT_SECRET", CLIENT_SECRET);
        var acknowledged = new ArrayList<String>();
        var lastCycle = new ArrayList<String>();
        int attempted = 0;
        long started = System.nanoTime();
        for (int cycle = 0; cycle <= kills; cycle++) {
            var jar = Jar.start(env, dir.resolve("cofre-" + cycle + ".log"));
            try {
                String base = "http://127.0.0.1:" + jar.port;
                String bearer = bearer(base);
                // After each restart the tokens acknowledged just before the kill; after the last, all of them.
                for (String reference : cycle == kills ? acknowledged : lastCycle) {
                    var read = get(base + "/v1/Token/" + reference, bearer);
                    assertEquals(200, read.statusCode(), "cycle " + cycle + ": token " + reference + " was acknowledged "
                            + "before a kill -9: " + read.body());
                }
                if (cycle == kills) {
                    break;
                }
                lastCycle.clear();
                var load = new Load(base, bearer);
                load.start();
                // the kill lands at a random moment once writes are being acknowledged: on a loaded machine the
                // first answers of a fresh JVM can take longer than the whole random delay
                long deadline = System.nanoTime() + 60_000_000_000L;
                while (load.acknowledged.isEmpty() && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                Thread.sleep(300 + random.nextInt(1200));
                jar.kill();
                load.stop();
                attempted += load.attempted;
                acknowledged.addAll(load.acknowledged);
                lastCycle.addAll(load.acknowledged);
            } finally {
                jar.kill();
            }
        }
        System.out.printf("kill -9 of cofre.jar on %s: %d kills, %d tokenize requests sent, %d acknowledged, 0 lost, "
                + "%.1f s%n", name, kills, attempted, acknowledged.size(), (System.nanoTime() - started) / 1e9);
        assertTrue(acknowledged.size() > kills * 10, "the load was real: " + acknowledged.size() + " acknowledged");
    }

    private String bearer(String base) throws Exception {
        String basic = Base64.getEncoder().encodeToString((CLIENT_ID + ":" + CLIENT_SECRET)
                .getBytes(StandardCharsets.UTF_8));
        var r = http.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        return RunningCofre.JSON.readTree(r.body()).get("access_token").asText();
    }

    private HttpResponse<String> get(String url, String bearer) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearer)
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Writers tokenizing as fast as the server answers; a 201 is an acknowledged write. */
    private final class Load {
        final ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        int attempted;
        private final String base;
        private final String bearer;
        private final AtomicBoolean stop = new AtomicBoolean();
        private final List<Thread> threads = new ArrayList<>();
        private final java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();

        Load(String base, String bearer) {
            this.base = base;
            this.bearer = bearer;
        }

        void start() {
            for (int i = 0; i < WRITERS; i++) {
                var t = new Thread(this::write, "kill-nine-writer-" + i);
                threads.add(t);
                t.start();
            }
        }

        private void write() {
            while (!stop.get()) {
                sent.incrementAndGet();
                try {
                    var r = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/Token"))
                            .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                            .timeout(Duration.ofSeconds(10))
                            .POST(HttpRequest.BodyPublishers.ofString(VaultServerContract.card(null,
                                    VaultServerContract.PAN, "12/2030"))).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 201) {
                        acknowledged.add(RunningCofre.JSON.readTree(r.body()).get("TokenReference").asText());
                    }
                } catch (IOException e) {
                    return; // the server died under this request: it was never acknowledged
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        void stop() throws InterruptedException {
            stop.set(true);
            for (var t : threads) {
                t.join(15_000);
            }
            attempted = sent.get();
        }
    }

    /** {@code java -jar cofre.jar} in a process of its own, its output in a file. */
    private static final class Jar {
        final Process process;
        final int port;

        private Jar(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static Jar start(Map<String, String> env, Path log) throws Exception {
            var builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-jar", JAR.toAbsolutePath().toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("COFRE_"));
            builder.environment().putAll(env);
            var process = builder.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (Files.exists(log)) {
                    var m = LISTENING.matcher(Files.readString(log, StandardCharsets.UTF_8));
                    if (m.find()) {
                        return new Jar(process, Integer.parseInt(m.group(1)));
                    }
                }
                if (!process.isAlive()) {
                    throw new AssertionError("cofre.jar exited: " + Files.readString(log, StandardCharsets.UTF_8));
                }
                Thread.sleep(50);
            }
            process.destroyForcibly();
            throw new AssertionError("cofre.jar did not start: " + Files.readString(log, StandardCharsets.UTF_8));
        }

        /** SIGKILL: no shutdown hook, no checkpoint, no goodbye. */
        void kill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
