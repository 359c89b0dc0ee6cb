package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JustClickSmokeTest {

    @Test
    void saves_a_card(@TempDir Path dir) {
        try (var cofre = new RunningCofre(dir, null, null, Instant.parse("2026-01-01T00:00:00Z"))) {
            var m = cofre.merchant("Loja", "127.0.0.1/32");
            var r = cofre.justClick("SaveCreditCard", "{\"MerchantKey\":\"" + m.merchantKey() + "\",\"CustomerName\":\"C\","
                    + "\"CardHolder\":\"Teste Holder\",\"CardNumber\":\"4551870000000183\",\"CardExpiration\":\"03/2030\","
                    + "\"RequestId\":\"" + RunningCofre.guid() + "\"}");
            assertEquals(200, r.status(), r.body());
        }
    }
}
