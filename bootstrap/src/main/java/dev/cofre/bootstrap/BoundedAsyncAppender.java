package dev.cofre.bootstrap;

import ch.qos.logback.classic.AsyncAppender;
import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Log lines written by a background thread, so a request never waits for the console. The queue is
 * bounded ({@code queueSize}); when it is nearly full ({@code discardingThreshold} slots left),
 * lines at INFO and below (the request log) are dropped and counted, and the next line that gets
 * through is preceded by one WARN saying how many were dropped. WARN and ERROR lines are never
 * dropped: when the queue is full they wait for room.
 */
public final class BoundedAsyncAppender extends AsyncAppender {

    /** The logger of the WARN line that reports drops. */
    public static final String DROPS_LOGGER = "cofre.logging";

    private static final Set<BoundedAsyncAppender> STARTED = ConcurrentHashMap.newKeySet();

    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong unreported = new AtomicLong();

    public BoundedAsyncAppender() {
        setNeverBlock(false); // WARN and ERROR wait for room rather than vanish
    }

    /** Lines dropped since this appender started. */
    public long dropped() {
        return dropped.get();
    }

    /**
     * Waits, up to {@code max}, until every started appender of this kind has handed its queued
     * lines to the console: the server calls it last when it stops, so its final lines are written.
     */
    public static void drainAll(Duration max) {
        long deadline = System.nanoTime() + max.toNanos();
        for (var appender : STARTED) {
            while (appender.getNumberOfElementsInQueue() > 0 && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public void start() {
        super.start();
        if (isStarted()) {
            STARTED.add(this);
        }
    }

    @Override
    protected boolean isDiscardable(ILoggingEvent event) {
        boolean discard = super.isDiscardable(event);
        if (discard) {
            dropped.incrementAndGet();
            unreported.incrementAndGet();
        }
        return discard;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (unreported.get() > 0 && !isQueueNearlyFull()) {
            long count = unreported.getAndSet(0);
            if (count > 0) {
                super.append(dropsReport(count));
            }
        }
        super.append(event);
    }

    @Override
    public void stop() {
        long count = unreported.getAndSet(0);
        if (count > 0 && isStarted()) {
            super.append(dropsReport(count));
        }
        STARTED.remove(this);
        super.stop();
    }

    private boolean isQueueNearlyFull() {
        return getRemainingCapacity() < getDiscardingThreshold();
    }

    private ILoggingEvent dropsReport(long count) {
        var logger = ((LoggerContext) getContext()).getLogger(DROPS_LOGGER);
        return new LoggingEvent(BoundedAsyncAppender.class.getName(), logger, Level.WARN,
                "dropped={} log lines at INFO or below: the log queue was full (total since start: {})",
                null, new Object[] {count, dropped.get()});
    }
}
