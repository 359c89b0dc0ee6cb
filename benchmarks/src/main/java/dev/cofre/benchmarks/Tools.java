package dev.cofre.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The external load generators the HTTP benchmark drives, and what it reads from their output:
 * {@code wrk} (closed loop, peak rate and latency percentiles), {@code hey} (fixed rate with
 * {@code -q}), {@code pgbench} (the PostgreSQL ceiling). Every run is bounded in time and goes to
 * loopback only.
 */
final class Tools {

    private Tools() {
    }

    /** What one load phase measured. Latencies in milliseconds; errors = non-2xx/3xx + socket errors. */
    record Run(String name, double rps, double p50, double p99, long requests, long errors, String firstError) {
        Run named(String newName) {
            return new Run(newName, rps, p50, p99, requests, errors, firstError);
        }
    }

    /** Runs a command to completion (killed after {@code timeoutSeconds}); returns stdout+stderr. */
    static String exec(List<String> command, Map<String, String> env, long timeoutSeconds) {
        try {
            var builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            Path out = Files.createTempFile("cofre-bench-tool", ".out");
            builder.redirectOutput(out.toFile());
            Process p = builder.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                throw new IllegalStateException(command.get(0) + " ran longer than " + timeoutSeconds + " s");
            }
            String text = Files.readString(out, StandardCharsets.UTF_8);
            Files.deleteIfExists(out);
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + p.exitValue() + ": " + text);
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** {@code wrk -t1 -c<connections> -d<seconds>s --latency -s script url}. */
    static Run wrk(String name, String url, Path script, int connections, double seconds) {
        loopbackOnly(url);
        var command = List.of("wrk", "-t1", "-c" + connections, "-d" + seconds(seconds), "--timeout", "10s",
                "--latency", "-s", script.toString(), url);
        return parseWrk(name, exec(command, Map.of(), (long) seconds + 60));
    }

    private static final Pattern WRK_RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern WRK_REQUESTS = Pattern.compile("(\\d+) requests in");
    private static final Pattern WRK_NON2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
    private static final Pattern WRK_SOCKET = Pattern.compile(
            "Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

    static Run parseWrk(String name, String out) {
        double rps = number(WRK_RPS, out);
        long requests = (long) number(WRK_REQUESTS, out);
        long errors = 0;
        String first = null;
        Matcher m = WRK_NON2XX.matcher(out);
        if (m.find()) {
            errors += Long.parseLong(m.group(1));
            first = m.group();
        }
        m = WRK_SOCKET.matcher(out);
        if (m.find()) {
            long socket = 0;
            for (int i = 1; i <= 4; i++) {
                socket += Long.parseLong(m.group(i));
            }
            if (socket > 0) {
                errors += socket;
                first = first == null ? m.group() : first;
            }
        }
        return new Run(name, rps, wrkPercentile(out, "50"), wrkPercentile(out, "99"), requests, errors, first);
    }

    private static double wrkPercentile(String out, String percent) {
        Matcher m = Pattern.compile("\\s" + percent + "%\\s+([0-9.]+)(us|ms|s)\\b").matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no " + percent + "% latency in wrk's output: " + out);
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "ms" -> v;
            default -> v * 1000;
        };
    }

    /**
     * {@code hey -z <seconds>s -c <workers> -q <rate/workers>}: {@code rate} requests per second in
     * total, whatever the answers take (as long as each worker keeps up).
     */
    static Run hey(String name, String url, String method, Path body, List<String> headers, double rate, int workers,
                   double seconds, int okStatus) {
        loopbackOnly(url);
        var command = new ArrayList<>(List.of("hey", "-z", seconds(seconds), "-c", Integer.toString(workers),
                "-q", String.format(java.util.Locale.ROOT, "%.2f", rate / workers), "-t", "10", "-m", method));
        String contentType = "application/json";
        for (String h : headers) {
            if (h.regionMatches(true, 0, "Content-Type:", 0, 13)) {
                contentType = h.substring(13).strip(); // hey's -T, which a -H Content-Type would not replace
            } else {
                command.addAll(List.of("-H", h));
            }
        }
        if (body != null) {
            command.addAll(List.of("-D", body.toString(), "-T", contentType));
        }
        command.add(url);
        return parseHey(name, exec(command, Map.of(), (long) seconds + 60), okStatus);
    }

    private static final Pattern HEY_RPS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");
    private static final Pattern HEY_STATUS = Pattern.compile("\\[(\\d{3})]\\s+(\\d+) responses");
    private static final Pattern HEY_ERROR = Pattern.compile("\\[(\\d+)]\\s+(.+)");

    static Run parseHey(String name, String out, int okStatus) {
        long ok = 0;
        long errors = 0;
        String first = null;
        Matcher m = HEY_STATUS.matcher(out);
        while (m.find()) {
            long n = Long.parseLong(m.group(2));
            if (Integer.parseInt(m.group(1)) == okStatus) {
                ok += n;
            } else {
                errors += n;
                first = first == null ? "status " + m.group(1) : first;
            }
        }
        int errorSection = out.indexOf("Error distribution:");
        if (errorSection >= 0) {
            m = HEY_ERROR.matcher(out.substring(errorSection));
            while (m.find()) {
                errors += Long.parseLong(m.group(1));
                first = first == null ? m.group(2).trim() : first;
            }
        }
        return new Run(name, number(HEY_RPS, out), heyPercentile(out, "50"), heyPercentile(out, "99"),
                ok + errors, errors, first);
    }

    private static double heyPercentile(String out, String percent) {
        Matcher m = Pattern.compile("\\s" + percent + "% in ([0-9.]+) secs").matcher(out);
        return m.find() ? Double.parseDouble(m.group(1)) * 1000 : Double.NaN;
    }

    private static final Pattern PGBENCH_TPS = Pattern.compile("tps = ([0-9.]+)");

    /** pgbench's transactions per second (without the initial connection time). */
    static double pgbenchTps(String out) {
        return number(PGBENCH_TPS, out);
    }

    /** The version line of a tool, or "missing". */
    static String version(List<String> command) {
        try {
            String text = exec(command, Map.of(), 10).strip();
            return text.lines().findFirst().orElse("?");
        } catch (RuntimeException e) {
            // wrk prints its version with its usage and exits 1
            String message = String.valueOf(e.getMessage());
            return message.lines().filter(l -> l.contains("wrk ") || l.contains("pgbench")).findFirst()
                    .map(l -> l.substring(Math.max(0, l.lastIndexOf("wrk "))).replaceAll(" Copyright.*", "")).orElse("?");
        }
    }

    private static double number(Pattern p, String out) {
        Matcher m = p.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("cannot read " + p.pattern() + " in: " + out);
        }
        return Double.parseDouble(m.group(1));
    }

    private static String seconds(double s) {
        return Math.max(1, Math.round(s)) + "s";
    }

    static void loopbackOnly(String url) {
        if (!url.startsWith("http://127.0.0.1:")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
    }
}
