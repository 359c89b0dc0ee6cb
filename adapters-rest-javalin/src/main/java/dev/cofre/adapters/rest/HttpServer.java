package dev.cofre.adapters.rest;

import io.javalin.Javalin;
import java.net.InetAddress;
import java.time.Duration;
import java.util.function.Predicate;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The HTTP API running on a port. Stopping refuses new requests and lets those in flight finish,
 * up to the grace given at start. Slow clients are held to {@link HttpLimits}. Javalin and Jetty
 * stay behind this class.
 */
public final class HttpServer {

    private final Javalin app;
    private final boolean secure;

    private HttpServer(Javalin app, boolean secure) {
        this.app = app;
        this.secure = secure;
    }

    /** Starts the API on {@code port} (0: any free port) with the default limits. */
    public static HttpServer start(HttpApi.Services services, int port, Duration stopGrace) {
        return start(services, Transport.plain(null, port), stopGrace, HttpLimits.DEFAULT, address -> false);
    }

    /**
     * Starts the API as {@code transport} says. Connections from a {@code trustedProxy} (which carry
     * many clients) are not capped per address, and only their {@code X-Forwarded-Proto} is believed.
     */
    public static HttpServer start(HttpApi.Services services, Transport transport, Duration stopGrace,
                                   HttpLimits limits, Predicate<InetAddress> trustedProxy) {
        var holder = new Javalin[1];
        var dialects = HttpApi.dialects(services);
        var app = HttpApi.create(dialects, services, config -> {
            config.jetty.modifyServer(server -> server.setStopTimeout(stopGrace.toMillis()));
            config.jetty.addConnector((server, httpConfig) -> {
                var connector = new ServerConnector(server, connectionFactories(transport, httpConfig, trustedProxy));
                connector.setHost(transport.host());
                connector.setPort(transport.port());
                connector.addBean(new ConnectionGuard(limits, trustedProxy, server.getScheduler()));
                return connector;
            });
            config.events.serverStarting(() -> {
                var server = holder[0].jettyServer().server();
                // Bodies are read before a worker thread is given to the request; Jetty waits for
                // requests in flight only behind a graceful handler.
                if (!(server.getHandler() instanceof GracefulHandler)) {
                    server.setHandler(new GracefulHandler(new StrictRequests(new BodyFirst(server.getHandler(),
                            limits, Json.MAX_BODY_BYTES + 1, HttpApi.DRAIN_LIMIT))));
                }
                server.setErrorHandler(new JettyErrors(dialects));
            });
        });
        holder[0] = app;
        app.start();
        return new HttpServer(app, transport.tls().isDefined());
    }

    private static ConnectionFactory[] connectionFactories(Transport transport, HttpConfiguration httpConfig,
                                                           Predicate<InetAddress> trustedProxy) {
        if (transport.tls().isEmpty()) {
            httpConfig.addCustomizer(new ForwardedProto(trustedProxy));
            return new ConnectionFactory[] {new RequestTargets(httpConfig)};
        }
        var tls = new SslContextFactory.Server();
        tls.setKeyStore(transport.tls().get().keyStore());
        tls.setKeyStorePassword(new String(transport.tls().get().password()));
        tls.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        httpConfig.setSecureScheme("https");
        httpConfig.addCustomizer(new SecureRequestCustomizer());
        var http = new RequestTargets(httpConfig);
        return new ConnectionFactory[] {new SslConnectionFactory(tls, http.getProtocol()), http};
    }

    /** Whether the API speaks HTTPS. */
    public boolean secure() {
        return secure;
    }

    public int port() {
        return app.port();
    }

    /** Returns once the requests in flight have finished (or the grace has run out). */
    public void stop() {
        app.stop();
    }
}
