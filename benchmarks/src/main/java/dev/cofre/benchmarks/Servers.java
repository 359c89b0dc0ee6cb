package dev.cofre.benchmarks;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The server JVMs the HTTP benchmark starts: each on a free loopback port, stopped when the run ends. */
final class Servers {

    private Servers() {
    }

    private static final HttpClient PROBE = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    /** A child JVM and how long it took from launch to its first 200 on the probed path. */
    static final class Server implements AutoCloseable {
        final String name;
        final Process process;
        final String baseUrl;
        final Path log;
        final Path dataDir;
        long readyMillis;

        private Server(String name, Process process, String baseUrl, Path log, Path dataDir) {
            this.name = name;
            this.process = process;
            this.baseUrl = baseUrl;
            this.log = log;
            this.dataDir = dataDir;
        }

        long pid() {
            return process.pid();
        }

        /** Peak and current resident set size (kB) from /proc, while the process runs. */
        long[] rssKb() {
            try {
                long hwm = 0;
                long rss = 0;
                for (String line : Files.readAllLines(Path.of("/proc/" + pid() + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        hwm = Long.parseLong(line.replaceAll("\\D", ""));
                    } else if (line.startsWith("VmRSS:")) {
                        rss = Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
                return new long[] {hwm, rss};
            } catch (IOException | NumberFormatException e) {
                return new long[] {-1, -1};
            }
        }

        String tail() {
            try {
                var lines = Files.readAllLines(log);
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
            } catch (IOException e) {
                return "(no log)";
            }
        }

        /** SIGTERM, so the server stops gracefully; killed if it takes longer than 20 s. */
        @Override
        public void close() {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }

    /** The echo ceiling, with {@code POST /commit} on {@code commitFile}. */
    static Server echo(Path work, Path commitFile, String heap) throws IOException, InterruptedException {
        int port = freePort();
        var command = List.of(java(), "-Xmx" + heap, "-cp", System.getProperty("java.class.path"),
                EchoCeiling.class.getName(), Integer.toString(port), commitFile.toString());
        return start("echo", command, Map.of(), work, port, "/echo/ready", null);
    }

    /**
     * {@code java -Xmx<heap> [jvmOptions] -jar cofre.jar} on a free port with {@code env}; ready
     * once {@code GET /ready} answers 200.
     */
    static Server cofre(String name, Path jar, Path work, Path dataDir, String heap, List<String> jvmOptions,
                        Map<String, String> extraEnv) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " not found: build it with mvn -B -pl benchmarks -am package -DskipTests");
        }
        int port = freePort();
        Files.createDirectories(dataDir);
        var env = new java.util.HashMap<>(Map.of("COFRE_PORT", Integer.toString(port),
                "COFRE_DATA_DIR", dataDir.toString(),
                "COFRE_SANDBOX_CLIENT_ID", LoadDriver.CLIENT_ID,
                "COFRE_SANDBOX_CLIENT_SECRET", LoadDriver.CLIENT_SECRET));
        env.putAll(extraEnv);
        var command = new ArrayList<>(List.of(java(), "-Xmx" + heap));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        return start(name, command, env, work, port, "/ready", dataDir);
    }

    private static Server start(String name, List<String> command, Map<String, String> env, Path work, int port,
                                String readyPath, Path dataDir) throws IOException, InterruptedException {
        Path log = work.resolve(name + ".log");
        var builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(env);
        long started = System.nanoTime();
        var server = new Server(name, builder.start(), "http://127.0.0.1:" + port, log, dataDir);
        Runtime.getRuntime().addShutdownHook(new Thread(server.process::destroyForcibly));
        try {
            awaitReady(server, readyPath);
        } catch (RuntimeException | IOException | InterruptedException e) {
            server.close();
            throw e;
        }
        server.readyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        return server;
    }

    private static void awaitReady(Server server, String path) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        var request = HttpRequest.newBuilder(URI.create(server.baseUrl + path)).timeout(Duration.ofSeconds(2)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!server.process.isAlive()) {
                throw new IllegalStateException(server.name + " exited (" + server.process.exitValue() + "): " + server.tail());
            }
            try {
                if (PROBE.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(10);
        }
        throw new IllegalStateException(server.name + " not ready after 90 s: " + server.tail());
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
