package dev.cofre.benchmarks;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.util.Map;

/**
 * The HTTP ceiling: a bare Javalin JSON echo on loopback, the same framework and JSON library as
 * Cofre with none of its work. {@code POST /echo} parses the JSON body and writes it back;
 * {@code GET /echo/{id}} answers a small JSON object; {@code GET /status/{code}} answers that
 * status (for testing the driver's error counting).
 *
 * <p>{@code java -cp benchmarks.jar dev.cofre.benchmarks.EchoCeiling [port]} runs it alone.
 */
public final class EchoCeiling implements AutoCloseable {

    private final Javalin app;

    private EchoCeiling(Javalin app) {
        this.app = app;
    }

    /** Starts on 127.0.0.1 at {@code port} (0 picks a free one). */
    public static EchoCeiling start(int port) {
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
        });
        app.start();
        return new EchoCeiling(app);
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
    }

    public static void main(String[] args) throws InterruptedException {
        run(args, System.out);
    }

    /** The tool itself, reporting to {@code out}. */
    static void run(String[] args, PrintStream out) throws InterruptedException {
        var echo = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
        Runtime.getRuntime().addShutdownHook(new Thread(echo::close));
        out.println("EchoCeiling listening on " + echo.baseUrl());
        out.flush();
        Thread.currentThread().join();
    }
}
