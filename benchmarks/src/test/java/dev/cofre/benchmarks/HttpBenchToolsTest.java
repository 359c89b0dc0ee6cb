package dev.cofre.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the HTTP benchmark reads from wrk, hey, pgbench and the GC log, and the write path it compares with. */
class HttpBenchToolsTest {

    static final String WRK = """
            Running 10s test @ http://127.0.0.1:41234/
              1 threads and 32 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.51ms    3.10ms  48.20ms   91.02%
                Req/Sec    13.40k     1.20k   15.01k    70.00%
              Latency Distribution
                 50%  850.00us
                 75%    1.20ms
                 90%    5.30ms
                 99%   17.42ms
              133412 requests in 10.00s, 20.11MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 7
            Requests/sec:  13340.51
            Transfer/sec:      2.01MB
            """;

    static final String HEY = """

            Summary:
              Total:\t10.0031 secs
              Slowest:\t0.0602 secs
              Fastest:\t0.0003 secs
              Average:\t0.0012 secs
              Requests/sec:\t4998.4

            Latency distribution:
              10% in 0.0005 secs
              50% in 0.0009 secs
              99% in 0.0101 secs

            Status code distribution:
              [201]\t49980 responses
              [503]\t3 responses

            Error distribution:
              [2]\tPost "http://127.0.0.1:41234/v1/Token": context deadline exceeded
            """;

    @Test
    void wrk_rate_percentiles_in_milliseconds_and_every_kind_of_error() {
        var run = Tools.parseWrk("x", WRK);
        assertEquals(13340.51, run.rps(), 0.001);
        assertEquals(0.85, run.p50(), 1e-9);
        assertEquals(17.42, run.p99(), 1e-9);
        assertEquals(133412, run.requests());
        assertEquals(10, run.errors(), "7 non-2xx + 3 socket errors");
        assertTrue(run.firstError().startsWith("Non-2xx"), run.firstError());
    }

    @Test
    void wrk_without_errors_and_with_latencies_in_seconds() {
        String clean = WRK.replace("  Socket errors: connect 0, read 2, write 0, timeout 1\n", "")
                .replace("  Non-2xx or 3xx responses: 7\n", "").replace("17.42ms", "1.50s");
        var run = Tools.parseWrk("x", clean);
        assertEquals(0, run.errors());
        assertEquals(1500, run.p99(), 1e-9);
    }

    @Test
    void hey_counts_other_statuses_and_transport_errors_as_errors() {
        var run = Tools.parseHey("x", HEY, 201);
        assertEquals(4998.4, run.rps(), 1e-9);
        assertEquals(0.9, run.p50(), 1e-9);
        assertEquals(10.1, run.p99(), 1e-9);
        assertEquals(5, run.errors(), "3 answers 503 + 2 timeouts");
        assertEquals(49985, run.requests());
    }

    @Test
    void a_tool_output_without_the_figure_is_an_error_not_a_zero() {
        assertThrows(IllegalStateException.class, () -> Tools.parseWrk("x", "unable to connect to 127.0.0.1:1"));
        assertEquals(7089.123456, Tools.pgbenchTps("latency average = 4.5 ms\ntps = 7089.123456 (without initial connection time)\n"), 1e-9);
    }

    @Test
    void postgres_target_from_the_jdbc_url_and_loopback_only() {
        var pg = HttpBench.PgTarget.of("jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        assertEquals(new HttpBench.PgTarget("127.0.0.1", "5432", "test", "postgres"), pg);
        assertEquals(List.of("pgbench", "-h", "127.0.0.1", "-p", "5432", "-U", "postgres", "-S", "test"), pg.pgbench("-S"));
        assertThrows(IllegalArgumentException.class, () -> HttpBench.PgTarget.of("jdbc:postgresql://db.example.com:5432/x"));
        assertThrows(IllegalArgumentException.class, () -> Tools.loopbackOnly("http://10.0.0.1:8080/"));
    }

    @Test
    void a_new_report_keeps_the_hand_written_reading_of_the_previous_one() {
        String previous = "# old\n| figures |\n" + HttpBench.READING_START + "\n## Reading\nwhat bounds it\n" + HttpBench.READING_END + "\nmore";
        assertEquals(HttpBench.READING_START + "\n## Reading\nwhat bounds it\n" + HttpBench.READING_END + "\n\n",
                HttpBench.reading(previous));
        assertEquals("", HttpBench.reading("# a report without a reading"));
    }

    @Test
    void gc_pauses_from_the_unified_gc_log(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("gc.log");
        Files.writeString(log, """
                [0.006s] Using G1
                [1.234s] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 24M->4M(256M) 3.120ms
                [2.345s] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 30M->5M(256M) 1.500ms
                [3.456s] GC(2) Pause Remark 20M->20M(256M) 0.800ms
                """);
        String summary = HttpBench.gcPauses(log);
        assertTrue(summary.startsWith("G1: 3 pauses, total 5 ms, median 1.5 ms"), summary);
        assertTrue(summary.endsWith("max 3.1 ms"), summary);
    }

    @Test
    void the_one_commit_per_request_path_stores_each_request_as_its_own_row(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("commit.db");
        try (var echo = EchoCeiling.start(0, file)) {
            var client = HttpClient.newHttpClient();
            for (int i = 0; i < 3; i++) {
                var r = client.send(HttpRequest.newBuilder(URI.create(echo.baseUrl() + "/commit"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(LoadDriver.TOKEN_BODY)).build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, r.statusCode(), r.body());
            }
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + file);
             var rs = c.createStatement().executeQuery("SELECT count(*), min(length(data)) FROM rows")) {
            rs.next();
            assertEquals(3, rs.getInt(1));
            assertEquals(LoadDriver.TOKEN_BODY.length(), rs.getInt(2));
        }
    }
}
