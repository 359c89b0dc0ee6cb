package dev.cofre.benchmarks;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The HTTP ceiling: a bare Javalin JSON echo on loopback, the same framework and JSON library as
 * Cofre with none of its work. {@code POST /echo} parses the JSON body and writes it back;
 * {@code GET /echo/{id}} answers a small JSON object; {@code GET /status/{code}} answers that
 * status (for testing the driver's error counting).
 *
 * <p>Given a SQLite file, it also serves the one-commit-per-request write path that group commit
 * is measured against: {@code POST /commit} parses the JSON body like {@code /echo}, then inserts
 * it as one row and commits, one request at a time on one connection with Cofre's pragmas (WAL,
 * synchronous=FULL), so every answer waits for its own disk sync. It seals nothing: it is the
 * fastest a server without group commit can acknowledge durable writes on this disk.
 *
 * <p>{@code java -cp benchmarks.jar dev.cofre.benchmarks.EchoCeiling [port [sqlite-file]]} runs it alone.
 */
public final class EchoCeiling implements AutoCloseable {

    private final Javalin app;
    private final Connection commits;

    private EchoCeiling(Javalin app, Connection commits) {
        this.app = app;
        this.commits = commits;
    }

    /** Starts on 127.0.0.1 at {@code port} (0 picks a free one). */
    public static EchoCeiling start(int port) {
        return start(port, null);
    }

    /** Also serves {@code POST /commit} on {@code commitFile} (created) when it is not null. */
    public static EchoCeiling start(int port, Path commitFile) {
        Connection commits = commitFile == null ? null : commitConnection(commitFile);
        var app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = port;
            var routes = config.routes;
            routes.post("/echo", ctx -> ctx.json(ctx.bodyAsClass(Map.class)));
            routes.get("/echo/{id}", ctx -> ctx.json(Map.of("id", ctx.pathParam("id"), "status", "Active")));
            routes.get("/status/{code}", ctx -> {
                int code = Integer.parseInt(ctx.pathParam("code"));
                ctx.status(code).json(Map.of("status", code));
            });
            if (commits != null) {
                routes.post("/commit", ctx -> {
                    var body = ctx.bodyAsClass(Map.class);
                    String id = UUID.randomUUID().toString();
                    commitOne(commits, id, ctx.bodyAsBytes());
                    ctx.status(201).json(Map.of("id", id, "fields", body.size()));
                });
            }
        });
        app.start();
        return new EchoCeiling(app, commits);
    }

    private static Connection commitConnection(Path file) {
        try {
            var connection = SqliteBenchmark.rawConnection(file);
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS rows (id TEXT PRIMARY KEY, data BLOB NOT NULL)");
            }
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open " + file, e);
        }
    }

    /** One row, one COMMIT, one sync; requests take turns on the one connection. */
    private static void commitOne(Connection connection, String id, byte[] data) throws SQLException {
        synchronized (connection) {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO rows (id, data) VALUES (?, ?)")) {
                insert.setString(1, id);
                insert.setBytes(2, data);
                insert.executeUpdate();
            }
            connection.commit();
        }
    }

    public int port() {
        return app.port();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    @Override
    public void close() {
        app.stop();
        if (commits != null) {
            try {
                commits.close();
            } catch (SQLException ignored) {
                // stopping anyway
            }
        }
    }

    public static void main(String[] args) throws InterruptedException {
        run(args, System.out);
    }

    /** The tool itself, reporting to {@code out}. */
    static void run(String[] args, PrintStream out) throws InterruptedException {
        var echo = start(args.length > 0 ? Integer.parseInt(args[0]) : 0, args.length > 1 ? Path.of(args[1]) : null);
        Runtime.getRuntime().addShutdownHook(new Thread(echo::close));
        out.println("EchoCeiling listening on " + echo.baseUrl());
        out.flush();
        Thread.currentThread().join();
    }
}
