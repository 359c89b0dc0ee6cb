import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Writes the class data archive (AppCDS) that starts {@code cofre.jar} in about half the time: the
 * build runs this after shading, as {@code java src/build/ClassArchive.java target/cofre.jar target/cofre.jsa}.
 * It starts the jar once with {@code -XX:ArchiveClassesAtExit} on an empty data directory, waits for
 * {@code /ready}, stops it with SIGTERM, and the JVM writes every class it loaded into the archive as
 * it exits. {@code java -XX:SharedArchiveFile=target/cofre.jsa -jar target/cofre.jar} then maps those
 * classes instead of loading, verifying and linking them one by one. The archive belongs to this jar
 * only: the JVM checks the jar's size and time and, for another jar, prints one warning and starts
 * without it. A JDK program run from source, so it needs nothing but the JDK.
 */
public final class ClassArchive {

    private static final Pattern LISTENING = Pattern.compile("Cofre listening on port (\\d+)");
    private static final Duration START_LIMIT = Duration.ofSeconds(120);

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path archive = Path.of(args[1]).toAbsolutePath();
        Files.deleteIfExists(archive);
        Path data = Files.createTempDirectory("cofre-class-archive");
        Path log = data.resolve("server.log");
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:ArchiveClassesAtExit=" + archive, "-jar", jar.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        command.environment().keySet().removeIf(name -> name.startsWith("COFRE_"));
        command.environment().put("COFRE_DATA_DIR", data.resolve("data").toString());
        command.environment().put("COFRE_PORT", "0");
        command.environment().put("COFRE_RECONCILE_INTERVAL_SECONDS", "0");
        Process server = command.start();
        try {
            int port = portOf(server, log);
            ready(port);
            server.destroy(); // SIGTERM: a graceful stop, after which the JVM writes the archive
            if (!server.waitFor(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the server did not stop within 60 s of SIGTERM");
            }
            if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
                throw new IllegalStateException("no class archive was written; the server said:\n" + Files.readString(log));
            }
            System.out.printf("Class archive %s: %,d bytes, for %s%n", archive, Files.size(archive), jar);
        } finally {
            server.destroyForcibly();
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The port the server says it listens on, read from its log. */
    private static int portOf(Process server, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            var m = LISTENING.matcher(Files.exists(log) ? Files.readString(log) : "");
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("the server stopped before listening:\n" + Files.readString(log));
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server did not listen within " + START_LIMIT.toSeconds() + " s");
    }

    private static void ready(int port) throws IOException, InterruptedException {
        var client = HttpClient.newHttpClient();
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ready"))
                .timeout(Duration.ofSeconds(10)).build();
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (System.nanoTime() < deadline) {
            if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("the server was not ready within " + START_LIMIT.toSeconds() + " s");
    }
}
