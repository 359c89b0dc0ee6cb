package dev.cofre.application.charge;

import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.TransactionId;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Puts a deadline on every acquirer call and turns whatever is not an answer (a timeout, an
 * exception) into {@link AcquirerAnswer.Unknown}: a call that did not answer may still have
 * happened, so it must never be read as a decline. Reconciliation finds out later. Its calls run on
 * a pool of its own: {@link #close()} it when the acquirer is no longer used.
 */
public final class AcquirerWithDeadline implements Acquirer, AutoCloseable {

    private final Acquirer acquirer;
    private final Duration deadline;
    private final ExecutorService calls = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "acquirer-call");
        t.setDaemon(true);
        return t;
    });

    public AcquirerWithDeadline(Acquirer acquirer, Duration deadline) {
        this.acquirer = java.util.Objects.requireNonNull(acquirer, "acquirer");
        this.deadline = java.util.Objects.requireNonNull(deadline, "deadline");
    }

    @Override
    public AcquirerAnswer authorize(AuthorizationRequest request) {
        return withDeadline(() -> acquirer.authorize(request));
    }

    @Override
    public AcquirerAnswer capture(FollowUpRequest request) {
        return withDeadline(() -> acquirer.capture(request));
    }

    @Override
    public AcquirerAnswer voidAuthorization(FollowUpRequest request) {
        return withDeadline(() -> acquirer.voidAuthorization(request));
    }

    @Override
    public AcquirerAnswer refund(FollowUpRequest request) {
        return withDeadline(() -> acquirer.refund(request));
    }

    @Override
    public AcquirerAnswer query(TransactionId operation) {
        return withDeadline(() -> acquirer.query(operation));
    }

    /** Stops the call threads; a call still waiting for the acquirer is interrupted (its answer is Unknown). */
    @Override
    public void close() {
        calls.shutdownNow();
    }

    private AcquirerAnswer withDeadline(Supplier<AcquirerAnswer> call) {
        java.util.concurrent.Future<AcquirerAnswer> future;
        try {
            future = calls.submit(call::get);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            return new AcquirerAnswer.Unknown("the acquirer connection is closed");
        }
        try {
            AcquirerAnswer answer = future.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            return answer == null ? new AcquirerAnswer.Unknown("acquirer gave no answer") : answer;
        } catch (TimeoutException e) {
            future.cancel(true);
            return new AcquirerAnswer.Unknown("acquirer did not answer within " + deadline.toMillis() + " ms");
        } catch (ExecutionException e) {
            // the cause's message is not repeated: an adapter's exception might quote the request
            return new AcquirerAnswer.Unknown("acquirer call failed: " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            return new AcquirerAnswer.Unknown("interrupted while waiting for the acquirer");
        }
    }
}
