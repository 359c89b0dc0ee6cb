package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stopping the server under load: requests already in flight finish with their real answer; later
 * ones are refused at the connection or told 503 (retry) in the API's error format; and every card
 * the server said it vaulted is in the database when it starts again.
 */
class GracefulShutdownTest {

    static final String CARD = "{\"Card\":{\"Number\":\"4551870000000183\",\"Holder\":\"Jose da Silva\","
            + "\"ExpirationDate\":\"12/2030\",\"SecurityCode\":\"123\"}}";

    record Outcome(int status, String reference, Instant at, String body) {
    }

    @Test
    void requests_in_flight_when_the_server_stops_finish_and_every_acknowledged_card_survives(@TempDir Path dir)
            throws Exception {
        var cofre = new RunningCofre(dir, null, null, Instant.parse("2026-06-01T12:00:00Z"));
        var merchant = cofre.merchant("Loja");
        String bearer = cofre.bearer(merchant);
        ExecutorService clients = Executors.newFixedThreadPool(32);
        var firstAnswer = new CountDownLatch(1);
        List<CompletableFuture<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> {
                try {
                    var reply = cofre.vault("POST", "/v1/Token", bearer, CARD);
                    firstAnswer.countDown();
                    String reference = reply.status() == 201 ? reply.json().get("TokenReference").asText() : null;
                    return new Outcome(reply.status(), reference, Instant.now(), reply.body());
                } catch (RuntimeException refusedAtTheConnection) {
                    return new Outcome(-1, null, Instant.now(), refusedAtTheConnection.toString());
                }
            }, clients));
        }
        assertTrue(firstAnswer.await(30, TimeUnit.SECONDS));
        var stopping = new AtomicReference<>(Instant.now());
        cofre.close(); // returns once the requests in flight have finished and the database is closed
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

        List<Outcome> outcomes = calls.stream().map(CompletableFuture::join).toList();
        assertTrue(outcomes.stream().allMatch(o -> o.status() == 201 || o.status() == -1 || o.status() == 503),
                "every request was served, or refused at the connection, or answered 503 (retry): "
                        + outcomes.stream().map(Outcome::status).distinct().toList());
        var stoppingError = RunningCofre.JSON.readTree(
                "[{\"Code\":799,\"Message\":\"Undefined error: The server is stopping; retry shortly\"}]");
        for (Outcome late : outcomes.stream().filter(o -> o.status() == 503).toList()) {
            assertEquals(stoppingError, RunningCofre.JSON.readTree(late.body()), "a late request hears why, in the vault's format");
        }
        List<String> acknowledged = outcomes.stream().filter(o -> o.status() == 201).map(Outcome::reference).toList();
        assertTrue(outcomes.stream().anyMatch(o -> o.status() == 201 && o.at().isAfter(stopping.get())),
                "some requests were still in flight when the stop began, and they finished");

        cofre.start(); // the same data directory, a new server
        try {
            String again = cofre.bearer(merchant);
            for (String reference : acknowledged) {
                assertEquals(200, cofre.vault("GET", "/v1/Token/" + reference, again, null).status(),
                        "acknowledged token " + reference + " is stored");
            }
        } finally {
            cofre.close();
        }
    }
}
