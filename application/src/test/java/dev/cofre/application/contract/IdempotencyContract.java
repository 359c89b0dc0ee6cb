package dev.cofre.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.cofre.application.Idempotent;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.idempotency.IdempotencyError;
import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.idempotency.IdempotentRequest;
import dev.cofre.domain.idempotency.RequestFingerprint;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The idempotency guarantees every API relies on, through {@link Idempotent} over a store's
 * {@link dev.cofre.domain.idempotency.IdempotencyKeys} and its transactions: a replay gets the
 * first outcome, another request under the key is refused, a refusal keeps nothing, and
 * concurrent requests under one key run the work once.
 */
public abstract class IdempotencyContract extends StoreContract {

    private final AtomicInteger runs = new AtomicInteger();

    private static IdempotentRequest request(MerchantId merchant, String scope, String key, String asked) {
        return new IdempotentRequest(merchant, scope, new IdempotencyKey(key), RequestFingerprint.of(asked));
    }

    /** Work that counts its runs and answers {@code outcome}. */
    private Either<DomainError, String> run(IdempotentRequest request, String outcome) {
        return run(request, () -> {
            runs.incrementAndGet();
            return Either.right(outcome);
        });
    }

    private Either<DomainError, String> run(IdempotentRequest request,
                                            java.util.function.Supplier<Either<DomainError, String>> work) {
        return Idempotent.run(stores.transactions(), stores.idempotencyKeys(), Option.some(request),
                new Idempotent.Memory<String>(s -> s, first -> Either.right("replayed " + first)), work);
    }

    @Test
    void a_replay_gets_the_first_outcome_and_the_work_does_not_run_again() {
        var merchant = givenMerchant();

        assertEquals(Either.right("token-a"), run(request(merchant, "tokenize", "key-1", "card a"), "token-a"));
        assertEquals(Either.right("replayed token-a"), run(request(merchant, "tokenize", "key-1", "card a"), "token-b"));
        assertEquals(1, runs.get());
    }

    @Test
    void the_same_key_with_another_request_is_refused_and_the_work_does_not_run() {
        var merchant = givenMerchant();
        run(request(merchant, "tokenize", "key-1", "card a"), "token-a");

        var other = run(request(merchant, "tokenize", "key-1", "card b"), "token-b");

        assertInstanceOf(IdempotencyError.KeyReused.class, other.getLeft());
        assertEquals(765, other.getLeft().code());
        assertEquals(1, runs.get());
        assertEquals(Either.right("replayed token-a"), run(request(merchant, "tokenize", "key-1", "card a"), "x"));
    }

    @Test
    void the_same_key_in_another_scope_or_for_another_merchant_is_a_different_request() {
        var one = givenMerchant();
        var other = givenMerchant();
        run(request(one, "tokenize", "key-1", "card a"), "token-a");

        assertEquals(Either.right("capture-c"), run(request(one, "charges", "key-1", "capture"), "capture-c"));
        assertEquals(Either.right("token-d"), run(request(other, "tokenize", "key-1", "card a"), "token-d"));
        assertEquals(3, runs.get());
    }

    @Test
    void a_refused_request_keeps_nothing_so_a_corrected_retry_runs() {
        var merchant = givenMerchant();
        var refused = run(request(merchant, "tokenize", "key-1", "bad card"),
                () -> Either.left(InvalidInput.of("number", "is not a valid card number")));
        assertInstanceOf(InvalidInput.class, refused.getLeft());

        assertEquals(Either.right("token-a"), run(request(merchant, "tokenize", "key-1", "good card"), "token-a"));
    }

    @Test
    void work_that_fails_keeps_nothing() {
        var merchant = givenMerchant();
        assertThrows(IllegalStateException.class, () -> run(request(merchant, "tokenize", "key-1", "card a"), () -> {
            throw new IllegalStateException("the disk is full");
        }));

        assertEquals(Either.right("token-a"), run(request(merchant, "tokenize", "key-1", "card a"), "token-a"));
    }

    @Test
    void a_request_without_a_key_runs_every_time() {
        for (int i = 0; i < 2; i++) {
            Idempotent.run(stores.transactions(), stores.idempotencyKeys(), Option.none(),
                    new Idempotent.Memory<String>(s -> s, Either::right), () -> {
                        runs.incrementAndGet();
                        return Either.right("token");
                    });
        }
        assertEquals(2, runs.get());
    }

    @Test
    void concurrent_requests_under_one_key_run_the_work_once_and_all_get_its_outcome() throws Exception {
        var merchant = givenMerchant();
        int threads = 8;
        for (int round = 0; round < 5; round++) {
            var key = "key-" + round;
            runs.set(0);
            var answers = race(threads, i -> run(request(merchant, "charges", key, "capture ch_1"), () -> {
                runs.incrementAndGet();
                sleep(20); // hold the claim while the others arrive
                return Either.right("first-" + i);
            }));

            assertEquals(1, runs.get(), "round " + round);
            var first = answers.stream().filter(a -> a.get().startsWith("first-")).toList();
            assertEquals(1, first.size(), "round " + round);
            String winner = first.get(0).get();
            answers.forEach(a -> assertEquals(a.get().replace("replayed ", ""), winner));
        }
    }

    @Test
    void concurrent_different_requests_under_one_key_run_once_and_the_others_are_refused() throws Exception {
        var merchant = givenMerchant();
        int threads = 6;
        var answers = race(threads, i -> run(request(merchant, "charges", "key-x", "request " + i), () -> {
            runs.incrementAndGet();
            sleep(20);
            return Either.right("outcome-" + i);
        }));

        assertEquals(1, runs.get());
        assertEquals(1, answers.stream().filter(Either::isRight).count());
        answers.stream().filter(Either::isLeft)
                .forEach(a -> assertInstanceOf(IdempotencyError.KeyReused.class, a.getLeft()));
    }

    private static List<Either<DomainError, String>> race(
            int threads, java.util.function.IntFunction<Either<DomainError, String>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            var start = new CyclicBarrier(threads);
            var futures = new ArrayList<Future<Either<DomainError, String>>>();
            for (int i = 0; i < threads; i++) {
                int racer = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    return call.apply(racer);
                }));
            }
            var answers = new ArrayList<Either<DomainError, String>>();
            for (var f : futures) {
                answers.add(f.get(60, TimeUnit.SECONDS));
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
