package dev.cofre.bootstrap;

import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.HttpServer;
import dev.cofre.adapters.rest.browser.BrowserDialect;
import dev.cofre.adapters.rest.customers.MercadoPagoDialect;
import dev.cofre.adapters.rest.orders.OrdersDialect;
import io.vavr.control.Option;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The running server. Stopping it refuses new requests, lets those in flight finish (up to the
 * configured grace), then closes the database.
 */
public final class Server implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Server.class);

    private final HttpServer http;
    private final Wiring wiring;
    private final Option<BackgroundReconciler> reconciler;

    private Server(HttpServer http, Wiring wiring, Option<BackgroundReconciler> reconciler) {
        this.http = http;
        this.wiring = wiring;
        this.reconciler = reconciler;
    }

    public static Server start(Wiring wiring, Settings settings) {
        var services = new HttpApi.Services(wiring.accounts(), wiring.vault(), wiring::ready,
                settings.trustedProxies(),
                Option.some(new OrdersDialect.Services(wiring.charging(), wiring.secretKeys())),
                Option.some(new MercadoPagoDialect.Services(wiring.customers(), wiring.accessTokens(), wiring.clock(),
                        Option.some(wiring.payments()))),
                Option.some(new BrowserDialect.Services(wiring.publishableKeys(), wiring.customers(), demoMerchant(wiring, settings))));
        var http = HttpServer.start(services, settings.transport(), settings.shutdownGrace(), settings.httpLimits(),
                settings.trustedProxies()::trusts);
        LOG.info("Cofre listening on port {} ({} on {})", http.port(), http.secure() ? "HTTPS" : "plain HTTP",
                settings.host());
        var interval = settings.charges().reconcileInterval();
        var reconciler = interval.isZero() ? Option.<BackgroundReconciler>none()
                : Option.some(BackgroundReconciler.start(wiring.charging().reconcile(), interval));
        return new Server(http, wiring, reconciler);
    }

    /** The merchant COFRE_DEMO_MERCHANT names (id or name), whose customers /demo/checkout may show. */
    private static Option<dev.cofre.domain.merchant.MerchantId> demoMerchant(Wiring wiring, Settings settings) {
        return settings.demoMerchant().map(named -> MerchantArgument.find(wiring.accounts().list(), named)
                .getOrElseThrow(() -> new StartupFailure("COFRE_DEMO_MERCHANT: " + MerchantArgument.notFound(named)))
                .id());
    }

    /** Whether the API speaks HTTPS. */
    public boolean secure() {
        return http.secure();
    }

    public int port() {
        return http.port();
    }

    @Override
    public void close() {
        LOG.info("Stopping: finishing requests in flight");
        http.stop();
        reconciler.forEach(BackgroundReconciler::close);
        wiring.close();
        LOG.info("Stopped; database closed");
        BoundedAsyncAppender.drainAll(java.time.Duration.ofSeconds(2));
    }
}
