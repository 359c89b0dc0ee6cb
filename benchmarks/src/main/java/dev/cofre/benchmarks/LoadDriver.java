package dev.cofre.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * HTTP load driver, loopback only. By default it starts a bare Javalin JSON echo
 * ({@link EchoCeiling}, the ceiling) and the real server ({@code bootstrap/target/cofre.jar}, on a
 * fresh data directory), each as a child JVM on a free loopback port, and
 * measures {@code POST /v1/Token} and {@code GET /v1/Token/{ref}} with a bearer from
 * {@code POST /oauth2/token}; it prints req/s, p50/p99 latency and each Cofre figure as a ratio of
 * the echo's from the same run. Both servers run for the whole run and every phase is first run
 * once unmeasured ({@code --prime} seconds) so that neither JVM is measured cold; each round measures echo POST,
 * Cofre POST, echo GET, Cofre GET, so every ratio compares phases a few seconds apart.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.cofre.benchmarks.LoadDriver
 *     [--concurrency 64] [--duration 10] [--warmup 3] [--max-requests 5000000]
 *     [--rounds 1] [--prime 15] [--client sync|async] [--target all|echo|cofre] [--cofre-jar bootstrap/target/cofre.jar]
 *     [--cofre-url http://127.0.0.1:8080 --client-id ID --client-secret SECRET]   (an already running server)
 *     [--echo-url http://127.0.0.1:7070]                                           (an already running echo)
 * </pre>
 */
public final class LoadDriver {

    static final String CLIENT_ID = "bench-client";
    static final String CLIENT_SECRET = "bench-secret-0123456789abcdef";
    private static final Pattern REFERENCE = Pattern.compile("\"TokenReference\"\\s*:\\s*\"([0-9a-fA-F-]{36})\"");
    private static final Pattern ACCESS_TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");
    private static final int KEEP_REFERENCES = 100_000;

    /** The seed 003 example, with an expiry that is not over and no alias (every token is new). */
    static final String TOKEN_BODY = "{\"Card\":{\"Number\":\"" + Fixtures.NUMBER + "\",\"Holder\":\"" + Fixtures.HOLDER
            + "\",\"ExpirationDate\":\"" + Fixtures.EXPIRATION + "\",\"SecurityCode\":\"" + Fixtures.CVV + "\"}}";

    private LoadDriver() {
    }

    public static void main(String[] args) throws Exception {
        run(args, System.out);
        System.exit(0); // HttpClient's selector thread is not a daemon
    }

    /** The tool itself, reporting to {@code out}. */
    static void run(String[] args, PrintStream out) throws Exception {
        Map<String, String> o = options(args);
        var settings = new Load.Settings(
                Integer.parseInt(o.getOrDefault("concurrency", "64")),
                Duration.ofMillis((long) (Double.parseDouble(o.getOrDefault("warmup", "3")) * 1000)),
                Duration.ofMillis((long) (Double.parseDouble(o.getOrDefault("duration", "10")) * 1000)),
                Long.parseLong(o.getOrDefault("max-requests", "5000000")),
                o.getOrDefault("client", "sync").equals("async"));
        String target = o.getOrDefault("target", "all");
        out.printf("Load driver (%s client): %d in flight, warm-up %s, measured %s, at most %d requests per phase, %d CPUs%n",
                settings.async() ? "async" : "sync", settings.concurrency(), settings.warmup(), settings.duration(), settings.maxRequests(),
                Runtime.getRuntime().availableProcessors());

        int rounds = Integer.parseInt(o.getOrDefault("rounds", "1"));
        HttpClient client = client(settings.concurrency());
        var results = new ArrayList<Load.Result>();
        Path work = Files.createTempDirectory("cofre-load");
        String echoUrl = o.get("echo-url");
        String cofreUrl = o.get("cofre-url");
        boolean echo = !target.equals("cofre");
        boolean cofre = !target.equals("echo");
        try (var echoChild = echo && echoUrl == null ? Child.echo(work) : null;
             var cofreChild = cofre && cofreUrl == null
                     ? Child.cofre(work, Paths.get(o.getOrDefault("cofre-jar", "bootstrap/target/cofre.jar")))
                     : null) {
            if (echoChild != null) {
                out.printf("Started echo (pid %d) at %s%n", echoChild.process.pid(), echoChild.baseUrl);
            }
            if (cofreChild != null) {
                out.printf("Started cofre (pid %d) at %s%n", cofreChild.process.pid(), cofreChild.baseUrl);
            }
            String echoBase = !echo ? null : echoUrl != null ? loopback(echoUrl) : echoChild.baseUrl;
            String cofreBase = !cofre ? null : cofreUrl != null ? loopback(cofreUrl) : cofreChild.baseUrl;
            String bearer = !cofre ? null : "Bearer " + accessToken(client, cofreBase,
                    o.getOrDefault("client-id", CLIENT_ID), o.getOrDefault("client-secret", CLIENT_SECRET));
            var references = new ConcurrentLinkedQueue<String>();
            // Both server JVMs start cold: run every phase once, unmeasured, before round 1.
            double prime = Double.parseDouble(o.getOrDefault("prime", "15"));
            if (prime > 0) {
                var priming = new Load.Settings(settings.concurrency(), Duration.ZERO,
                        Duration.ofMillis((long) (prime * 1000)), settings.maxRequests(), settings.async());
                if (echo) {
                    echoPost(client, priming, echoBase);
                    echoGet(client, priming, echoBase);
                }
                if (cofre) {
                    cofrePost(client, priming, cofreBase, bearer, references);
                    cofreGet(client, priming, cofreBase, bearer, references);
                }
                out.println("Primed each phase for " + prime + " s");
            }
            // Each Cofre phase runs right after its echo ceiling, so both see the same machine.
            for (int round = 1; round <= rounds; round++) {
                String suffix = rounds > 1 ? " #" + round : "";
                if (echo) {
                    results.add(echoPost(client, settings, echoBase).named("echo POST /echo" + suffix));
                }
                if (cofre) {
                    results.add(cofrePost(client, settings, cofreBase, bearer, references).named("cofre POST /v1/Token" + suffix));
                }
                if (echo) {
                    results.add(echoGet(client, settings, echoBase).named("echo GET /echo/{id}" + suffix));
                }
                if (cofre) {
                    results.add(cofreGet(client, settings, cofreBase, bearer, references).named("cofre GET /v1/Token/{ref}" + suffix));
                }
                out.println("Round " + round + " done");
            }
        } finally {
            Fixtures.deleteTree(work);
        }
        out.println();
        out.println(report(results));
    }

    static HttpClient client(int concurrency) {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    static Load.Result echoPost(HttpClient client, Load.Settings settings, String base) {
        URI uri = URI.create(base + "/echo");
        return Load.run("echo POST /echo", client, settings,
                n -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(TOKEN_BODY)).build(),
                Load::is2xx, r -> { });
    }

    static Load.Result echoGet(HttpClient client, Load.Settings settings, String base) {
        return Load.run("echo GET /echo/{id}", client, settings,
                n -> HttpRequest.newBuilder(URI.create(base + "/echo/" + n)).timeout(Duration.ofSeconds(30)).GET().build(),
                Load::is2xx, r -> { });
    }

    static Load.Result cofrePost(HttpClient client, Load.Settings settings, String base, String bearer,
                                 ConcurrentLinkedQueue<String> references) {
        URI tokens = URI.create(base + "/v1/Token");
        var kept = new AtomicInteger(references.size());
        return Load.run("cofre POST /v1/Token", client, settings,
                n -> HttpRequest.newBuilder(tokens).timeout(Duration.ofSeconds(30))
                        .header("Authorization", bearer).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(TOKEN_BODY)).build(),
                r -> r.statusCode() == 201,
                r -> {
                    if (kept.get() < KEEP_REFERENCES) {
                        Matcher m = REFERENCE.matcher(r.body());
                        if (m.find()) {
                            references.add(m.group(1));
                            kept.incrementAndGet();
                        }
                    }
                });
    }

    static Load.Result cofreGet(HttpClient client, Load.Settings settings, String base, String bearer,
                                ConcurrentLinkedQueue<String> references) {
        if (references.isEmpty()) {
            throw new IllegalStateException("no token was created, so GET /v1/Token/{ref} cannot be measured");
        }
        String[] refs = references.toArray(String[]::new);
        return Load.run("cofre GET /v1/Token/{ref}", client, settings,
                n -> HttpRequest.newBuilder(URI.create(base + "/v1/Token/" + refs[(int) (n % refs.length)]))
                        .timeout(Duration.ofSeconds(30)).header("Authorization", bearer).GET().build(),
                r -> r.statusCode() == 200, r -> { });
    }

    static String accessToken(HttpClient client, String base, String clientId, String secret)
            throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        var response = client.send(HttpRequest.newBuilder(URI.create(base + "/oauth2/token"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = ACCESS_TOKEN.matcher(response.body());
        if (response.statusCode() != 200 || !m.find()) {
            throw new IllegalStateException("POST /oauth2/token answered " + response.statusCode());
        }
        return m.group(1);
    }

    /**
     * The results, and each Cofre figure against the echo of the same method measured just before
     * it in this run; with several rounds, the median ratio too.
     */
    static String report(List<Load.Result> results) {
        var out = new StringBuilder("Results (same run):\n");
        results.forEach(r -> out.append("  ").append(r.line()).append('\n'));
        out.append("Cofre / echo ceiling (req/s ratio):\n");
        var ratios = new java.util.TreeMap<String, List<Double>>();
        Load.Result echoPost = null;
        Load.Result echoGet = null;
        for (var r : results) {
            if (r.name().startsWith("echo POST")) {
                echoPost = r;
            } else if (r.name().startsWith("echo GET")) {
                echoGet = r;
            } else {
                boolean post = r.name().startsWith("cofre POST");
                Load.Result ceiling = post ? echoPost : echoGet;
                if (ceiling != null && ceiling.throughput() > 0) {
                    double ratio = r.throughput() / ceiling.throughput();
                    ratios.computeIfAbsent(post ? "cofre POST /v1/Token" : "cofre GET /v1/Token/{ref}", k -> new ArrayList<>())
                            .add(ratio);
                    out.append(String.format("  %-32s %.3f  (%.0f / %.0f req/s)%n", r.name(), ratio,
                            r.throughput(), ceiling.throughput()));
                }
            }
        }
        ratios.forEach((name, list) -> {
            if (list.size() > 1) {
                var sorted = list.stream().sorted().toList();
                out.append(String.format("  %-32s median %.3f of %d rounds (min %.3f, max %.3f)%n", name,
                        sorted.get(sorted.size() / 2), sorted.size(), sorted.get(0), sorted.get(sorted.size() - 1)));
            }
        });
        return out.toString();
    }

    /** Refuses anything but loopback: this driver is not a tool for loading other machines. */
    static String loopback(String url) throws IOException {
        URI uri = URI.create(url);
        if (uri.getHost() == null || !InetAddress.getByName(uri.getHost()).isLoopbackAddress()) {
            throw new IllegalArgumentException("the load driver only targets loopback addresses: " + url);
        }
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    static Map<String, String> options(String[] args) {
        var map = new HashMap<String, String>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            map.put(args[i].substring(2), args[++i]);
        }
        return map;
    }

    /** A server in a child JVM on a free loopback port, stopped (SIGTERM, then kill) on close. */
    static final class Child implements AutoCloseable {
        final Process process;
        final String baseUrl;
        final Path log;

        private Child(Process process, String baseUrl, Path log) {
            this.process = process;
            this.baseUrl = baseUrl;
            this.log = log;
        }

        static Child echo(Path work) throws IOException, InterruptedException {
            int port = freePort();
            var command = List.of(java(), "-cp", System.getProperty("java.class.path"),
                    EchoCeiling.class.getName(), Integer.toString(port));
            return start("echo", command, Map.of(), work, port, "/echo/ready");
        }

        static Child cofre(Path work, Path jar) throws IOException, InterruptedException {
            if (!Files.isRegularFile(jar)) {
                throw new IllegalArgumentException(jar + " not found: build it with mvn -B -pl bootstrap -am package -DskipTests");
            }
            int port = freePort();
            Path data = Files.createDirectories(work.resolve("cofre-data"));
            var env = Map.of("COFRE_PORT", Integer.toString(port),
                    "COFRE_DATA_DIR", data.toString(),
                    "COFRE_SANDBOX_CLIENT_ID", CLIENT_ID,
                    "COFRE_SANDBOX_CLIENT_SECRET", CLIENT_SECRET);
            return start("cofre", List.of(java(), "-jar", jar.toAbsolutePath().toString()), env, work, port, "/health");
        }

        private static Child start(String name, List<String> command, Map<String, String> env, Path work, int port,
                                   String readyPath) throws IOException, InterruptedException {
            Path log = work.resolve(name + ".log");
            var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().putAll(env);
            var child = new Child(builder.start(), "http://127.0.0.1:" + port, log);
            // Interrupted (Ctrl-C) runs must not leave servers behind.
            Runtime.getRuntime().addShutdownHook(new Thread(child.process::destroyForcibly));
            try {
                child.awaitReady(readyPath);
            } catch (RuntimeException | IOException | InterruptedException e) {
                child.close();
                throw e;
            }
            return child;
        }

        private void awaitReady(String path) throws IOException, InterruptedException {
            var probe = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the child exited (" + process.exitValue() + "): " + tail());
                }
                try {
                    var r = probe.send(HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(2))
                            .GET().build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("not ready after 60 s: " + tail());
        }

        private String tail() throws IOException {
            String text = Files.exists(log) ? Files.readString(log) : "";
            return text.length() > 2000 ? text.substring(text.length() - 2000) : text;
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        }

        private static String java() {
            return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
        }

        private static int freePort() throws IOException {
            try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            }
        }
    }
}
