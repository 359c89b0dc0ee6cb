package dev.cofre.adapters.rest;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.SelectableChannelEndPoint;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Watches a connector's connections: closes a new connection from an address that already holds
 * {@link HttpLimits#maxConnectionsPerAddress()} (addresses {@code exempt} says so, such as trusted
 * proxies, are not counted), and closes a connection whose request line and headers have not all
 * arrived within {@link HttpLimits#headerTimeout()} of their first byte. Headers are parsed without
 * holding a thread; this bounds how long a trickling client keeps its connection.
 */
final class ConnectionGuard extends AbstractLifeCycle implements Connection.Listener {

    private static final long SWEEP_MS = 500;

    private final HttpLimits limits;
    private final Predicate<InetAddress> exempt;
    private final Scheduler scheduler;
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    /** The address each counted connection was counted against (a closed socket no longer says). */
    private final Map<Connection, InetAddress> counted = new ConcurrentHashMap<>();
    /** Connections parsing a request head: the request's number on its connection, and since when. */
    private final Map<HttpConnection, long[]> heads = new ConcurrentHashMap<>();
    private volatile Scheduler.Task sweep;

    ConnectionGuard(HttpLimits limits, Predicate<InetAddress> exempt, Scheduler scheduler) {
        this.limits = limits;
        this.exempt = exempt;
        this.scheduler = scheduler;
    }

    @Override
    protected void doStart() {
        sweep = scheduler.schedule(this::sweep, SWEEP_MS, TimeUnit.MILLISECONDS);
    }

    @Override
    protected void doStop() {
        Scheduler.Task pending = sweep;
        if (pending != null) {
            pending.cancel();
        }
    }

    @Override
    public void onOpened(Connection connection) {
        if (connection instanceof HttpConnection http) {
            heads.put(http, new long[] {-1, 0});
        }
        InetAddress address = networkAddress(connection);
        if (address != null) {
            counted.put(connection, address);
            if (perAddress.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet()
                    > limits.maxConnectionsPerAddress()) {
                connection.getEndPoint().close();
            }
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (connection instanceof HttpConnection http) {
            heads.remove(http);
        }
        InetAddress address = counted.remove(connection);
        if (address != null) {
            perAddress.computeIfPresent(address, (a, count) -> count.decrementAndGet() <= 0 ? null : count);
        }
    }

    /** Open connections counted against {@code address}. */
    int connectionsFrom(InetAddress address) {
        AtomicInteger count = perAddress.get(address);
        return count == null ? 0 : count.get();
    }

    /** The client's address of a connection on the network (not one layered over it, as HTTP over TLS), if counted. */
    private InetAddress networkAddress(Connection connection) {
        if (connection.getEndPoint() instanceof SelectableChannelEndPoint endPoint
                && endPoint.getRemoteSocketAddress() instanceof InetSocketAddress socket
                && !exempt.test(socket.getAddress())) {
            return socket.getAddress();
        }
        return null;
    }

    private void sweep() {
        long now = System.nanoTime();
        long limitNanos = limits.headerTimeout().toNanos();
        heads.forEach((connection, since) -> {
            HttpParser parser = connection.getParser();
            boolean inHead = !parser.isStart() && parser.inHeaderState();
            long request = connection.getMessagesIn();
            if (!inHead) {
                since[0] = -1;
            } else if (since[0] != request) {
                since[0] = request;
                since[1] = now;
            } else if (now - since[1] > limitNanos) {
                connection.getEndPoint().close();
            }
        });
        if (isRunning()) {
            sweep = scheduler.schedule(this::sweep, SWEEP_MS, TimeUnit.MILLISECONDS);
        }
    }
}
