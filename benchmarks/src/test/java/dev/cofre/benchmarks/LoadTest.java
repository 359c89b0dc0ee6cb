package dev.cofre.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load driver counts what it sent, what succeeded and what failed; it never asserts on speed. */
class LoadTest {

    private static EchoCeiling echo;

    @BeforeAll
    static void startEcho() {
        echo = EchoCeiling.start(0);
    }

    @AfterAll
    static void stopEcho() {
        echo.close();
    }

    /** Bounded by count: a generous duration, so all 40 requests complete inside it. */
    private static final Load.Settings FORTY = new Load.Settings(4, Duration.ZERO, Duration.ofSeconds(30), 40);

    @Test
    void counts_successes_and_http_errors() {
        var seen = new AtomicInteger();
        var result = Load.run("mixed", LoadDriver.client(4), FORTY,
                n -> HttpRequest.newBuilder(URI.create(echo.baseUrl() + (n % 4 == 0 ? "/status/500" : "/echo/" + n)))
                        .GET().build(),
                Load::is2xx, r -> seen.incrementAndGet());

        assertEquals(40, result.sent());
        assertEquals(30, result.totalOk());
        assertEquals(10, result.totalErrors());
        assertEquals(30, seen.get(), "the sink sees every success");
        // No warm-up and every request done well inside the window: all of them are measured.
        assertEquals(30, result.ok());
        assertEquals(10, result.errors());
        assertTrue(result.firstError().startsWith("HTTP 500"), result.firstError());
        assertTrue(result.p50Micros() <= result.p99Micros() && result.p99Micros() <= result.maxMicros());
    }

    @Test
    void async_chains_count_the_same_way() {
        var result = Load.run("mixed-async", LoadDriver.client(4),
                new Load.Settings(4, Duration.ZERO, Duration.ofSeconds(30), 40, true),
                n -> HttpRequest.newBuilder(URI.create(echo.baseUrl() + (n % 4 == 0 ? "/status/500" : "/echo/" + n)))
                        .GET().build(),
                Load::is2xx, r -> { });
        assertEquals(40, result.sent());
        assertEquals(30, result.totalOk());
        assertEquals(10, result.totalErrors());
        assertEquals(30, result.ok());
        assertEquals(10, result.errors());
    }

    @Test
    void async_chains_survive_instant_failures() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var result = Load.run("refused-async", LoadDriver.client(2),
                new Load.Settings(2, Duration.ZERO, Duration.ofSeconds(30), 200, true),
                n -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed + "/")).GET().build(),
                Load::is2xx, r -> { });
        assertEquals(200, result.sent());
        assertEquals(200, result.totalErrors());
    }

    @Test
    void echoes_the_token_body() {
        var result = LoadDriver.echoPost(LoadDriver.client(2), new Load.Settings(2, Duration.ZERO, Duration.ofSeconds(30), 10),
                echo.baseUrl());
        assertEquals(10, result.totalOk());
        assertEquals(0, result.totalErrors());
    }

    @Test
    void counts_connection_failures_as_errors() throws Exception {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var result = Load.run("refused", LoadDriver.client(1), new Load.Settings(1, Duration.ZERO, Duration.ofSeconds(30), 5),
                n -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closed + "/")).GET().build(),
                Load::is2xx, r -> { });
        assertEquals(5, result.sent());
        assertEquals(0, result.totalOk());
        assertEquals(5, result.totalErrors());
        assertNotNull(result.firstError());
    }

    @Test
    void percentiles_of_a_sorted_sample() {
        long[] sample = new long[100];
        for (int i = 0; i < 100; i++) {
            sample[i] = i + 1;
        }
        assertEquals(50, Load.percentile(sample, 0.50));
        assertEquals(99, Load.percentile(sample, 0.99));
        assertEquals(0, Load.percentile(new long[0], 0.5));
    }

    @Test
    void refuses_to_load_anything_but_loopback() {
        assertThrows(IllegalArgumentException.class, () -> LoadDriver.loopback("http://192.0.2.1:8080"));
        assertEquals("http://127.0.0.1:8080", assertDoesNotThrowLoopback("http://127.0.0.1:8080/"));
    }

    private static String assertDoesNotThrowLoopback(String url) {
        try {
            return LoadDriver.loopback(url);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
