package dev.cofre.bootstrap;

import dev.cofre.adapters.rest.HttpApi;
import io.javalin.Javalin;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running HTTP server. Stopping it refuses new requests, lets those in flight finish (up to
 * the configured grace), then closes the database.
 */
public final class Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final Javalin app;
    private final Wiring wiring;

    private Server(Javalin app, Wiring wiring) {
        this.app = app;
        this.wiring = wiring;
    }

    public static Server start(Wiring wiring, Settings settings) {
        var services = new HttpApi.Services(wiring.accounts(), wiring.vault(), wiring::ready);
        var holder = new Javalin[1];
        var app = HttpApi.create(services, config -> {
            config.jetty.port = settings.port();
            config.jetty.modifyServer(server -> server.setStopTimeout(settings.shutdownGrace().toMillis()));
            // Jetty waits for requests in flight only behind a graceful handler.
            config.events.serverStarting(() -> {
                var server = holder[0].jettyServer().server();
                if (!(server.getHandler() instanceof GracefulHandler)) {
                    server.setHandler(new GracefulHandler(server.getHandler()));
                }
            });
        });
        holder[0] = app;
        app.start();
        LOG.info("Cofre listening on port {}", app.port());
        return new Server(app, wiring);
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        LOG.info("Stopping: finishing requests in flight");
        app.stop();
        wiring.close();
        LOG.info("Stopped; database closed");
    }
}
