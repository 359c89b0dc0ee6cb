package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.application.customer.CreateCardToken;
import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.charge.MaskedCardToken;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A running server deletes expired card tokens on its own schedule, and only those. */
class CardTokenSweeperTest {

    @TempDir
    Path dataDir;

    @Test
    void an_expired_card_token_is_swept_away_by_the_running_server_and_a_live_one_is_kept() throws Exception {
        var clock = new MutableClock(Instant.parse("2026-03-01T12:00:00Z"));
        var settings = Settings.from(Map.of("COFRE_PORT", "0", "COFRE_DATA_DIR", dataDir.toString()));
        try (var wiring = Wiring.open(settings, clock, Duration.ofMillis(50))) {
            var merchant = wiring.accounts().register().register(RegisterMerchant.Command.named("Loja")).get()
                    .merchant().id();
            var customers = wiring.customers();
            MaskedCardToken token = customers.createCardToken().create(merchant, new CreateCardToken.Command(
                    "4111111111111111", 11, 2030, "123", "APRO", null, null, null, null, null)).get();

            Thread.sleep(300); // several sweeps
            assertEquals(token.id(), customers.getCardToken().get(merchant, token.id().value()).get().id());

            clock.advance(Duration.ofDays(7));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (customers.getCardToken().get(merchant, token.id().value()).isRight() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(new CardTokenError.NotFound(), customers.getCardToken().get(merchant, token.id().value()).getLeft());
        }
    }
}
