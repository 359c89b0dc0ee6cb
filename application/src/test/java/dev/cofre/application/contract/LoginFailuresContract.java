package dev.cofre.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.domain.merchant.LoginFailures;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link LoginFailures} must do. */
public abstract class LoginFailuresContract {

    private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WINDOW = Duration.ofMinutes(15);

    /** A store and what closes it. */
    public record Opened(LoginFailures failures, Runnable closer) {
    }

    protected abstract Opened open();

    private Opened opened;
    private LoginFailures failures;

    @BeforeEach
    void openStore() {
        opened = open();
        failures = opened.failures();
    }

    @AfterEach
    void closeStore() {
        opened.closer().run();
    }

    @Test
    void failures_count_per_client_and_source_within_a_window_then_start_again() {
        assertEquals(new LoginFailures.Count(1, NOW), failures.fail("client", "198.51.100.7", NOW, WINDOW));
        assertEquals(new LoginFailures.Count(2, NOW), failures.fail("client", "198.51.100.7", NOW.plusSeconds(10), WINDOW));
        assertEquals(new LoginFailures.Count(1, NOW), failures.fail("client", "203.0.113.9", NOW, WINDOW));
        assertEquals(new LoginFailures.Count(1, NOW), failures.fail("other", "198.51.100.7", NOW, WINDOW));

        assertEquals(Option.some(new LoginFailures.Count(2, NOW)),
                failures.current("client", "198.51.100.7", NOW.plus(WINDOW).minusSeconds(1), WINDOW));
        assertEquals(Option.none(), failures.current("client", "198.51.100.7", NOW.plus(WINDOW), WINDOW));
        Instant later = NOW.plus(WINDOW);
        assertEquals(new LoginFailures.Count(1, later), failures.fail("client", "198.51.100.7", later, WINDOW));
    }

    @Test
    void forgetting_and_purging_drop_counts() {
        failures.fail("client", "a", NOW, WINDOW);
        failures.fail("client", "b", NOW.plusSeconds(60), WINDOW);
        failures.forget("client", "a");
        assertEquals(Option.none(), failures.current("client", "a", NOW, WINDOW));
        assertEquals(0, failures.purge(NOW));
        assertEquals(1, failures.purge(NOW.plusSeconds(60)));
        assertEquals(Option.none(), failures.current("client", "b", NOW.plusSeconds(61), WINDOW));
    }

    @Test
    void concurrent_failures_each_count_exactly_once() throws Exception {
        var pool = Executors.newFixedThreadPool(8);
        try {
            var calls = new ArrayList<Callable<LoginFailures.Count>>();
            for (int i = 0; i < 40; i++) {
                calls.add(() -> failures.fail("client", LoginFailures.ANY_SOURCE, NOW, WINDOW));
            }
            var seen = new java.util.TreeSet<Integer>();
            for (Future<LoginFailures.Count> f : pool.invokeAll(calls)) {
                seen.add(f.get().failures());
            }
            assertEquals(40, seen.size(), "every count from 1 to 40 handed out once");
            assertEquals(40, failures.current("client", LoginFailures.ANY_SOURCE, NOW, WINDOW).get().failures());
        } finally {
            pool.shutdown();
        }
    }
}
