package dev.cofre.application.charge;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.TransactionId;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class AcquirerWithDeadlineTest {

    /** An acquirer whose every call does {@code behaviour}. */
    private static Acquirer acquirer(java.util.function.Supplier<AcquirerAnswer> behaviour) {
        return new Acquirer() {
            public AcquirerAnswer authorize(AuthorizationRequest r) { return behaviour.get(); }
            public AcquirerAnswer capture(FollowUpRequest r) { return behaviour.get(); }
            public AcquirerAnswer voidAuthorization(FollowUpRequest r) { return behaviour.get(); }
            public AcquirerAnswer refund(FollowUpRequest r) { return behaviour.get(); }
            public AcquirerAnswer query(TransactionId o) { return behaviour.get(); }
        };
    }

    @Test
    void aCallThatHangsPastTheDeadlineIsAnsweredUnknownInTime() {
        try (var hanging = new AcquirerWithDeadline(acquirer(() -> {
            try {
                Thread.sleep(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }), Duration.ofMillis(100))) {
            long start = System.nanoTime();
            var answer = hanging.query(new TransactionId("tran_x"));
            assertInstanceOf(AcquirerAnswer.Unknown.class, answer);
            assertTrue(System.nanoTime() - start < 2_000_000_000L, "answered within the deadline, not after the hang");
        }
    }

    @Test
    void aCallThatThrowsIsAnsweredUnknownNotDeclined() {
        try (var failing = new AcquirerWithDeadline(acquirer(() -> {
            throw new IllegalStateException("connection refused to 4000000000000010");
        }), Duration.ofSeconds(1))) {
            var answer = failing.query(new TransactionId("tran_x"));
            assertInstanceOf(AcquirerAnswer.Unknown.class, answer);
            assertTrue(!((AcquirerAnswer.Unknown) answer).reason().contains("4000"),
                    "the exception's message is not repeated");
        }
    }

    @Test
    void closingStopsTheCallThreadsAndALaterCallIsUnknown() throws Exception {
        var stopped = new java.util.concurrent.CountDownLatch(1);
        var slow = new AcquirerWithDeadline(acquirer(() -> {
            try {
                Thread.sleep(10_000);
            } catch (InterruptedException e) {
                stopped.countDown();
            }
            return null;
        }), Duration.ofSeconds(30));
        var caller = new Thread(() -> slow.query(new TransactionId("tran_x")));
        caller.start();
        Thread.sleep(200);

        slow.close();

        assertTrue(stopped.await(5, java.util.concurrent.TimeUnit.SECONDS), "the waiting call's thread was stopped");
        caller.join(5_000);
        assertTrue(!caller.isAlive(), "the caller got its answer");
        assertInstanceOf(AcquirerAnswer.Unknown.class, slow.query(new TransactionId("tran_y")));
    }
}
