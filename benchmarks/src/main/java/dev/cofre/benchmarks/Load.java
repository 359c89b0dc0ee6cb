package dev.cofre.benchmarks;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import java.util.function.Predicate;

/**
 * One closed-loop load phase: {@code concurrency} worker threads, each sending one request at a
 * time with the JDK HttpClient and waiting for its answer (or, with {@code async}, as many chains
 * of {@code sendAsync}), for {@code warmup + duration}, and never
 * more than {@code maxRequests} requests in all. Responses completed during the warm-up are
 * counted in the totals but not in the measurement.
 */
public final class Load {

    /** How long and how hard; {@code async}: chains of sendAsync instead of a blocked thread per request in flight. */
    public record Settings(int concurrency, Duration warmup, Duration duration, long maxRequests, boolean async) {
        public Settings(int concurrency, Duration warmup, Duration duration, long maxRequests) {
            this(concurrency, warmup, duration, maxRequests, false);
        }

        public Settings {
            if (concurrency < 1 || maxRequests < 1 || warmup.isNegative() || duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException("concurrency, max requests and duration must be positive");
            }
        }
    }

    /**
     * What a phase measured. {@code ok}/{@code errors}: responses completed in the measurement
     * window; {@code totalOk}/{@code totalErrors}: every response, warm-up included;
     * {@code sent}: requests sent. Latencies are of the measured successful responses, in µs.
     */
    public record Result(String name, long sent, long totalOk, long totalErrors, long ok, long errors,
                         double seconds, long p50Micros, long p99Micros, long maxMicros, String firstError) {

        public Result named(String newName) {
            return new Result(newName, sent, totalOk, totalErrors, ok, errors, seconds, p50Micros, p99Micros,
                    maxMicros, firstError);
        }

        public double throughput() {
            return seconds > 0 ? ok / seconds : 0;
        }

        public String line() {
            return String.format("%-32s %8.0f req/s  p50 %7.2f ms  p99 %7.2f ms  max %8.2f ms  ok %8d  errors %6d%s",
                    name, throughput(), p50Micros / 1000.0, p99Micros / 1000.0, maxMicros / 1000.0, ok, errors,
                    firstError == null ? "" : "  (" + (totalErrors - errors) + " more in warm-up or after the window; first: " + firstError + ")");
        }
    }

    private Load() {
    }

    /**
     * Runs a phase. {@code request} builds the n-th request (from 0); {@code success} decides which
     * responses count as successes (any other, or an exception, is an error); {@code sink} sees every
     * successful response, from the worker threads.
     */
    public static Result run(String name, HttpClient client, Settings settings, LongFunction<HttpRequest> request,
                             Predicate<HttpResponse<String>> success, Consumer<HttpResponse<String>> sink) {
        if (settings.async()) {
            return runAsync(name, client, settings, request, success, sink);
        }
        long start = System.nanoTime();
        long measureFrom = start + settings.warmup().toNanos();
        long end = measureFrom + settings.duration().toNanos();
        var next = new AtomicLong();
        var lastCompletion = new AtomicLong(start);
        var firstError = new AtomicReference<String>();
        var counter = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(settings.concurrency(), r -> {
            var t = new Thread(r, "load-" + name + "-" + counter.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        var futures = new ArrayList<Future<Worker>>();
        try {
            for (int i = 0; i < settings.concurrency(); i++) {
                futures.add(workers.submit(() -> {
                    var w = new Worker();
                    w.loop(client, request, success, sink, settings.maxRequests(), next, measureFrom, end,
                            lastCompletion, firstError);
                    return w;
                }));
            }
            var done = new ArrayList<Worker>();
            for (var f : futures) {
                done.add(f.get());
            }
            return summarize(name, done, measureFrom, Math.min(end, lastCompletion.get()), firstError.get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("a load worker failed", e.getCause());
        } finally {
            workers.shutdownNow();
        }
    }

    /**
     * The same phase without a thread per request in flight: {@code concurrency} chains of
     * {@code sendAsync}, each sending its next request when the previous one is answered.
     */
    static Result runAsync(String name, HttpClient client, Settings settings, LongFunction<HttpRequest> request,
                                  Predicate<HttpResponse<String>> success, Consumer<HttpResponse<String>> sink) {
        long start = System.nanoTime();
        long measureFrom = start + settings.warmup().toNanos();
        long end = measureFrom + settings.duration().toNanos();
        var next = new AtomicLong();
        var lastCompletion = new AtomicLong(start);
        var firstError = new AtomicReference<String>();
        var chains = new ArrayList<Worker>();
        var finished = new java.util.concurrent.CountDownLatch(settings.concurrency());
        for (int i = 0; i < settings.concurrency(); i++) {
            var w = new Worker();
            chains.add(w);
            w.sendNext(client, request, success, sink, settings.maxRequests(), next, measureFrom, end,
                    lastCompletion, firstError, finished);
        }
        try {
            finished.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        synchronized (chains) { // each chain's counters were written by client threads; this orders the reads
            return summarize(name, chains, measureFrom, Math.min(end, lastCompletion.get()), firstError.get());
        }
    }

    /** 2xx. */
    public static boolean is2xx(HttpResponse<?> response) {
        return response.statusCode() / 100 == 2;
    }

    private static Result summarize(String name, List<Worker> workers, long measureFrom, long measureTo,
                                    String firstError) {
        long sent = 0, totalOk = 0, totalErrors = 0, ok = 0, errors = 0;
        int n = 0;
        for (var w : workers) {
            sent += w.sent;
            totalOk += w.totalOk;
            totalErrors += w.totalErrors;
            ok += w.ok;
            errors += w.errors;
            n += w.latencies;
        }
        long[] all = new long[n];
        int at = 0;
        for (var w : workers) {
            System.arraycopy(w.latencyMicros, 0, all, at, w.latencies);
            at += w.latencies;
        }
        Arrays.sort(all);
        double seconds = Math.max(0, measureTo - measureFrom) / 1e9;
        return new Result(name, sent, totalOk, totalErrors, ok, errors, seconds,
                percentile(all, 0.50), percentile(all, 0.99), n == 0 ? 0 : all[n - 1], firstError);
    }

    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private static final class Worker {
        long sent, totalOk, totalErrors, ok, errors;
        long[] latencyMicros = new long[4096];
        int latencies;

        /** One async chain: at most one request of it in flight, so its fields are never written concurrently. */
        synchronized void sendNext(HttpClient client, LongFunction<HttpRequest> request,
                                   Predicate<HttpResponse<String>> success, Consumer<HttpResponse<String>> sink,
                                   long maxRequests, AtomicLong next, long measureFrom, long end,
                                   AtomicLong lastCompletion, AtomicReference<String> firstError,
                                   java.util.concurrent.CountDownLatch finished) {
            long seq;
            if (System.nanoTime() >= end || (seq = next.getAndIncrement()) >= maxRequests) {
                finished.countDown();
                return;
            }
            long t0 = System.nanoTime();
            java.util.concurrent.CompletableFuture<HttpResponse<String>> future;
            try {
                future = client.sendAsync(request.apply(seq), HttpResponse.BodyHandlers.ofString());
            } catch (RuntimeException e) {
                future = java.util.concurrent.CompletableFuture.failedFuture(e);
            }
            java.util.function.BiConsumer<HttpResponse<String>, Throwable> then = (response, failure) -> {
                synchronized (this) {
                    boolean good = false;
                    String error = null;
                    if (failure != null) {
                        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                                ? failure.getCause() : failure;
                        error = cause.getClass().getSimpleName() + ": " + cause.getMessage();
                    } else {
                        try {
                            good = success.test(response);
                            if (good) {
                                sink.accept(response);
                            } else {
                                error = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
                            }
                        } catch (RuntimeException e) {
                            good = false;
                            error = e.getClass().getSimpleName() + ": " + e.getMessage();
                        }
                    }
                    count(good, error, t0, System.nanoTime(), measureFrom, end, lastCompletion, firstError);
                }
                sendNext(client, request, success, sink, maxRequests, next, measureFrom, end, lastCompletion,
                        firstError, finished);
            };
            if (future.isDone()) {
                future.whenCompleteAsync(then); // not on this stack: a chain of instant failures would overflow it
            } else {
                future.whenComplete(then);
            }
        }

        private void count(boolean good, String error, long t0, long t1, long measureFrom, long end,
                           AtomicLong lastCompletion, AtomicReference<String> firstError) {
            sent++;
            lastCompletion.accumulateAndGet(t1, Math::max);
            if (good) {
                totalOk++;
            } else {
                totalErrors++;
                firstError.compareAndSet(null, error);
            }
            if (t1 >= measureFrom && t1 <= end) {
                if (good) {
                    ok++;
                    record((t1 - t0) / 1000);
                } else {
                    errors++;
                }
            }
        }

        void loop(HttpClient client, LongFunction<HttpRequest> request, Predicate<HttpResponse<String>> success,
                  Consumer<HttpResponse<String>> sink, long maxRequests, AtomicLong next, long measureFrom, long end,
                  AtomicLong lastCompletion, AtomicReference<String> firstError) {
            while (System.nanoTime() < end) {
                long seq = next.getAndIncrement();
                if (seq >= maxRequests) {
                    return;
                }
                boolean good;
                String error = null;
                long t0 = System.nanoTime();
                try {
                    HttpResponse<String> response = client.send(request.apply(seq), HttpResponse.BodyHandlers.ofString());
                    good = success.test(response);
                    if (good) {
                        sink.accept(response);
                    } else {
                        error = "HTTP " + response.statusCode() + " " + abbreviate(response.body());
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                } catch (Exception e) {
                    good = false;
                    error = e.getClass().getSimpleName() + ": " + e.getMessage();
                }
                count(good, error, t0, System.nanoTime(), measureFrom, end, lastCompletion, firstError);
            }
        }

        private void record(long micros) {
            if (latencies == latencyMicros.length) {
                latencyMicros = Arrays.copyOf(latencyMicros, latencies * 2);
            }
            latencyMicros[latencies++] = micros;
        }

        private static String abbreviate(String body) {
            return body == null ? "" : body.length() > 120 ? body.substring(0, 120) + "..." : body;
        }
    }
}
