package dev.cofre.application.inmemory;

import dev.cofre.domain.merchant.LoginFailures;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

public final class InMemoryLoginFailures implements LoginFailures, InMemoryTransactions.Snapshotting {

    private Map<Tuple2<String, String>, Count> counts = HashMap.empty();

    @Override
    public synchronized Count fail(String clientId, String source, Instant now, Duration window) {
        var key = Tuple.of(clientId, source);
        Count next = current(clientId, source, now, window)
                .map(c -> new Count(c.failures() + 1, c.since()))
                .getOrElse(() -> new Count(1, now));
        counts = counts.put(key, next);
        return next;
    }

    @Override
    public synchronized Option<Count> current(String clientId, String source, Instant now, Duration window) {
        return counts.get(Tuple.of(clientId, source)).filter(c -> c.since().plus(window).isAfter(now));
    }

    @Override
    public synchronized void forget(String clientId, String source) {
        counts = counts.remove(Tuple.of(clientId, source));
    }

    @Override
    public synchronized int purge(Instant before) {
        int size = counts.size();
        counts = counts.filterValues(c -> c.since().isAfter(before));
        return size - counts.size();
    }

    @Override
    public synchronized Object snapshot() {
        return counts;
    }

    @Override
    @SuppressWarnings("unchecked")
    public synchronized void restore(Object snapshot) {
        counts = (Map<Tuple2<String, String>, Count>) snapshot;
    }
}
