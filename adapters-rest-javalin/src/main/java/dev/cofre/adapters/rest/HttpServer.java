package dev.cofre.adapters.rest;

import io.javalin.Javalin;
import java.time.Duration;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP API running on a port. Stopping refuses new requests and lets those in flight finish,
 * up to the grace given at start. Javalin and Jetty stay behind this class.
 */
public final class HttpServer {

    private final Javalin app;

    private HttpServer(Javalin app) {
        this.app = app;
    }

    /** Starts the API on {@code port} (0: any free port). */
    public static HttpServer start(HttpApi.Services services, int port, Duration stopGrace) {
        var holder = new Javalin[1];
        var dialects = HttpApi.dialects(services);
        var app = HttpApi.create(dialects, services, config -> {
            config.jetty.port = port;
            config.jetty.modifyServer(server -> server.setStopTimeout(stopGrace.toMillis()));
            // Jetty waits for requests in flight only behind a graceful handler.
            config.events.serverStarting(() -> {
                var server = holder[0].jettyServer().server();
                if (!(server.getHandler() instanceof GracefulHandler)) {
                    server.setHandler(new GracefulHandler(server.getHandler()));
                }
                server.setErrorHandler(new JettyErrors(dialects));
            });
        });
        holder[0] = app;
        app.start();
        return new HttpServer(app);
    }

    public int port() {
        return app.port();
    }

    /** Returns once the requests in flight have finished (or the grace has run out). */
    public void stop() {
        app.stop();
    }
}
