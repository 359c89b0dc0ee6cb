package dev.cofre.application.merchant;

import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Counts failed client authentications per client id in a sliding window; after {@code limit}
 * failures within {@code window} the client id is refused until the oldest failure ages out.
 * Kept in memory per server: it slows down guessing, it is not an account lock.
 */
public final class FailureThrottle {

    public static final int DEFAULT_LIMIT = 5;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(15);
    private static final int MAX_TRACKED = 100_000;

    private final Clock clock;
    private final int limit;
    private final Duration window;
    private Map<String, List<Instant>> failures = HashMap.empty();

    public FailureThrottle(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Seconds until this client id may try again; zero when it may try now. */
    public synchronized long retryAfterSeconds(String clientId) {
        List<Instant> recent = recent(clientId);
        if (recent.size() < limit) {
            return 0;
        }
        Instant free = recent.head().plus(window);
        return Math.max(1, Duration.between(clock.instant(), free).toSeconds());
    }

    public synchronized void failed(String clientId) {
        if (failures.size() >= MAX_TRACKED) {
            failures = failures.filterValues(l -> !l.filter(this::inWindow).isEmpty());
        }
        failures = failures.put(clientId, recent(clientId).append(clock.instant()));
    }

    public synchronized void succeeded(String clientId) {
        failures = failures.remove(clientId);
    }

    private List<Instant> recent(String clientId) {
        return failures.get(clientId).getOrElse(List.empty()).filter(this::inWindow);
    }

    private boolean inWindow(Instant at) {
        return at.plus(window).isAfter(clock.instant());
    }
}
