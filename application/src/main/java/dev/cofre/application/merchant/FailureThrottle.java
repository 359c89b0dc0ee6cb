package dev.cofre.application.merchant;

import dev.cofre.domain.merchant.LoginFailures;
import io.vavr.control.Option;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Slows down guessing of client secrets without letting a stranger lock a client out. Failures are
 * counted per (client id, source address) and per client id over all addresses, in fixed windows,
 * in the database, so the limits hold across every server:
 * <ul>
 * <li>{@value #PER_SOURCE_LIMIT} failures from one address within the window refuse that client id
 *     from that address only; the real client, elsewhere, goes on;</li>
 * <li>{@value #PER_CLIENT_LIMIT} failures from all addresses together refuse the client id from
 *     everywhere until the window ends: the ceiling for a brute force spread over many addresses.</li>
 * </ul>
 * An IPv6 source counts as its /64, which one host usually holds whole. A success clears the count of
 * its address only.
 */
public final class FailureThrottle {

    public static final int PER_SOURCE_LIMIT = 5;
    public static final int PER_CLIENT_LIMIT = 100;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    /** Expired counts are purged at most this often, by whichever request comes first. */
    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final LoginFailures failures;
    private final Clock clock;
    private final Duration window;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.MIN);

    public FailureThrottle(LoginFailures failures, Clock clock, Duration window) {
        this.failures = failures;
        this.clock = clock;
        this.window = window;
    }

    /** How a source address is counted: IPv4 as itself, IPv6 as its /64, an unknown one as "unknown". */
    static String sourceOf(Option<InetAddress> address) {
        return address.map(a -> {
            if (a instanceof Inet6Address) {
                byte[] bytes = a.getAddress();
                return String.format("%02x%02x:%02x%02x:%02x%02x:%02x%02x::/64", bytes[0], bytes[1], bytes[2],
                        bytes[3], bytes[4], bytes[5], bytes[6], bytes[7]);
            }
            return a.getHostAddress();
        }).getOrElse("unknown");
    }

    /** Seconds until this client id may try again from {@code source}; zero when it may try now. */
    public long retryAfterSeconds(String clientId, String source) {
        Instant now = clock.instant();
        var bySource = failures.current(clientId, source, now, window).filter(c -> c.failures() >= PER_SOURCE_LIMIT);
        var byClient = failures.current(clientId, LoginFailures.ANY_SOURCE, now, window)
                .filter(c -> c.failures() >= PER_CLIENT_LIMIT);
        return bySource.orElse(byClient)
                .map(c -> Math.max(1, Duration.between(now, c.since().plus(window)).toSeconds()))
                .getOrElse(0L);
    }

    public void failed(String clientId, String source) {
        Instant now = clock.instant();
        purgeNowAndThen(now);
        failures.fail(clientId, source, now, window);
        failures.fail(clientId, LoginFailures.ANY_SOURCE, now, window);
    }

    public void succeeded(String clientId, String source) {
        Instant now = clock.instant();
        if (failures.current(clientId, source, now, window).isDefined()) {
            failures.forget(clientId, source);
        }
    }

    private void purgeNowAndThen(Instant now) {
        var last = lastPurge.get();
        if (now.isAfter(last.plus(PURGE_EVERY)) && lastPurge.compareAndSet(last, now)) {
            failures.purge(now.minus(window));
        }
    }
}
