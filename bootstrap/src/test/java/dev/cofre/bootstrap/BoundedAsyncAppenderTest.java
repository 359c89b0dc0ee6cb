package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BoundedAsyncAppenderTest {

    /** A console that stalls until released, so the queue fills up. */
    static final class StalledConsole extends AppenderBase<ILoggingEvent> {
        final CountDownLatch release = new CountDownLatch(1);
        final List<ILoggingEvent> written = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent event) {
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            written.add(event);
        }
    }

    @Test
    void a_full_queue_drops_and_counts_info_lines_but_never_a_warning_or_an_error() throws Exception {
        var context = new LoggerContext();
        context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
        var console = new StalledConsole();
        console.setContext(context);
        console.start();
        var appender = new BoundedAsyncAppender();
        appender.setContext(context);
        appender.setQueueSize(16);
        appender.setDiscardingThreshold(4);
        appender.addAppender(console);
        appender.start();
        var logger = context.getLogger("cofre.requests");
        logger.setLevel(Level.INFO);
        logger.setAdditive(false);
        logger.addAppender(appender);

        for (int i = 0; i < 100; i++) {
            logger.info("request {}", i);
        }
        // The queue is nearly full: the warnings wait for room instead of vanishing.
        var warnings = new Thread(() -> {
            logger.warn("refused {}", 1);
            logger.error("failed {}", 2);
        });
        warnings.start();
        Thread.sleep(100);
        console.release.countDown();
        warnings.join(5_000);
        BoundedAsyncAppender.drainAll(Duration.ofSeconds(5));
        logger.info("after the burst"); // the queue has room again: written
        BoundedAsyncAppender.drainAll(Duration.ofSeconds(5));
        appender.stop();

        var messages = console.written.stream().map(ILoggingEvent::getFormattedMessage).toList();
        long infos = console.written.stream().filter(e -> e.getLevel() == Level.INFO).count();
        assertTrue(appender.dropped() > 0, "nothing was dropped: " + messages);
        assertEquals(101, infos + appender.dropped(), messages.toString());
        assertTrue(messages.contains("refused 1"), messages.toString());
        assertTrue(messages.contains("failed 2"), messages.toString());
        assertTrue(messages.contains("after the burst"), messages.toString());
        // Every drop is reported in WARN lines (the last ones when the appender stops), and only drops are.
        var reports = console.written.stream().filter(e -> e.getLoggerName().equals(BoundedAsyncAppender.DROPS_LOGGER)).toList();
        assertTrue(!reports.isEmpty(), "no drop report in " + messages);
        long reported = 0;
        for (var report : reports) {
            assertEquals(Level.WARN, report.getLevel());
            String text = report.getFormattedMessage();
            assertTrue(text.startsWith("dropped="), text);
            reported += Long.parseLong(text.substring("dropped=".length(), text.indexOf(' ')));
        }
        assertEquals(appender.dropped(), reported, messages.toString());
        // The drops are reported as soon as a line gets through again, before the line after the burst.
        int firstReport = console.written.indexOf(reports.get(0));
        assertTrue(firstReport < messages.indexOf("after the burst"), messages.toString());
    }
}
