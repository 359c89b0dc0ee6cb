package dev.cofre.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.merchant.TrustedProxies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** The HTTP API over in-memory stores on a random port, for the adapter's own route tests. */
final class InMemoryApi implements AutoCloseable {

    final InMemoryStores stores = new InMemoryStores();
    final MerchantAccounts accounts;
    final Vault vault;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    InMemoryApi() {
        Clock clock = Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);
        var ids = new SecureIds();
        accounts = MerchantAccounts.create(stores.merchantAccounts(), TrustedProxies.NONE, clock, ids);
        vault = Vault.create(stores.vault(), new TestCardCipher(), clock, ids);
        server = HttpServer.start(new HttpApi.Services(accounts, vault, () -> true), 0, Duration.ZERO);
    }

    RegisterMerchant.Registered merchant(String name, String... cidrs) {
        return accounts.register().register(new RegisterMerchant.Command(name, List.of(cidrs), true, false, null, null))
                .getOrElseThrow(e -> new AssertionError(e.message()));
    }

    String bearer(RegisterMerchant.Registered m) {
        String basic = Base64.getEncoder().encodeToString((m.clientId() + ":" + m.clientSecret())
                .getBytes(StandardCharsets.UTF_8));
        return send("POST", "/oauth2/token", "grant_type=client_credentials",
                Map.of("Content-Type", "application/x-www-form-urlencoded", "Authorization", "Basic " + basic))
                .json().get("access_token").asText();
    }

    Reply send(String method, String path, String body, Map<String, String> headers) {
        var builder = HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(builder::header);
        try {
            var r = http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""), r.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop();
    }

    record Reply(int status, String body, String contentType, java.net.http.HttpHeaders headers) {
        JsonNode json() {
            try {
                return Json.MAPPER.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }
    }
}
