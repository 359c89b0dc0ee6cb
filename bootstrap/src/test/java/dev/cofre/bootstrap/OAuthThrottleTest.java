package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.application.merchant.FailureThrottle;
import dev.cofre.application.merchant.RegisterMerchant;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "throttles that punish the victim": wrong client secrets throttle the address they come
 * from, not the client; the counts live in the database, so two servers share them; and the
 * address is the socket's unless the socket is a trusted proxy.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OAuthThrottleTest {

    private static final String POSTGRES = OnPostgres.URL;
    private static final Map<String, String> BEHIND_A_PROXY = Map.of("COFRE_TRUSTED_PROXIES", "127.0.0.1, ::1");

    private static int token(RunningCofre cofre, RegisterMerchant.Registered m, String secret, String forwardedFor) {
        var headers = new HashMap<String, String>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("Authorization", "Basic " + Base64.getEncoder()
                .encodeToString((m.clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8)));
        if (forwardedFor != null) {
            headers.put("X-Forwarded-For", forwardedFor);
        }
        return cofre.send("POST", "/oauth2/token", "grant_type=client_credentials", headers).status();
    }

    @Test
    @OnPostgres
    void wrong_secrets_spread_over_two_servers_throttle_the_attacker_and_never_the_client(@TempDir Path dir) {
        String schema = "throttle_" + Long.toHexString(System.nanoTime());
        var second = new HashMap<>(BEHIND_A_PROXY);
        second.put("COFRE_KEY_FILE", dir.resolve("one").resolve("cofre.keys").toString());
        try (var one = new RunningCofre(dir.resolve("one"), POSTGRES, schema, RunningCofre.SEED_TIME, BEHIND_A_PROXY);
             var two = new RunningCofre(dir.resolve("two"), POSTGRES, schema, RunningCofre.SEED_TIME, second)) {
            var m = one.merchant("Alvo");
            String attacker = "198.51.100.7";
            for (int i = 0; i < FailureThrottle.PER_SOURCE_LIMIT; i++) {
                assertEquals(401, token(i % 2 == 0 ? one : two, m, "guess-" + i, attacker));
            }
            assertEquals(429, token(one, m, m.clientSecret(), attacker));
            assertEquals(429, token(two, m, m.clientSecret(), attacker), "the count is shared");
            assertEquals(200, token(one, m, m.clientSecret(), "203.0.113.9"), "the real client is not locked out");
            assertEquals(200, token(two, m, m.clientSecret(), "203.0.113.9"));
        }
    }

    @Test
    void without_a_trusted_proxy_X_Forwarded_For_is_ignored_and_the_socket_is_the_source(@TempDir Path dir) {
        try (var cofre = new RunningCofre(dir, null, null, RunningCofre.SEED_TIME)) {
            var m = cofre.merchant("Alvo");
            for (int i = 0; i < FailureThrottle.PER_SOURCE_LIMIT; i++) {
                assertEquals(401, token(cofre, m, "guess-" + i, "198.51.100." + (i + 1)));
            }
            assertEquals(429, token(cofre, m, m.clientSecret(), "203.0.113.9"), "a header cannot pick a fresh address");
        }
    }
}
