package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, "transport": HTTPS from a key store or a PEM pair, TLS 1.2 and 1.3 only; plain HTTP
 * only on loopback unless allowed; {@code X-Forwarded-Proto} believed from trusted proxies alone.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TransportTest {

    private static final String PASSWORD = "throwaway";

    @Test
    void a_key_store_serves_the_api_over_https_with_tls_1_2_or_1_3(@TempDir Path dir) throws Exception {
        Path store = selfSigned(dir);
        try (var cofre = new RunningCofre(dir.resolve("data"), null, null, RunningCofre.SEED_TIME,
                Map.of("COFRE_TLS_KEYSTORE", store.toString(), "COFRE_TLS_KEYSTORE_PASSWORD", PASSWORD))) {
            SSLContext trusting = trusting(store);
            var client = HttpClient.newBuilder().sslContext(trusting).build();
            var health = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + cofre.port() + "/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertEquals("TLSv1.3", health.sslSession().orElseThrow().getProtocol());

            assertEquals("TLSv1.2", handshake(trusting, cofre.port(), "TLSv1.2"));
            assertThrows(IOException.class, () -> handshake(trusting, cofre.port(), "TLSv1.1"),
                    "TLS 1.1 is refused");

            assertTrue(accessToken(client, cofre, "Over TLS").length() > 20, "OAuth over TLS");

            try (var plain = new Socket("127.0.0.1", cofre.port())) { // plain HTTP to the TLS port gets no answer
                plain.setSoTimeout(5_000);
                plain.getOutputStream().write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                String answer = new String(plain.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
                assertTrue(!answer.contains("200"), answer);
            }
        }
    }

    @Test
    void a_pem_certificate_and_key_serve_https_and_links_say_https(@TempDir Path dir) throws Exception {
        Path store = selfSigned(dir);
        var keys = KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray());
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        Files.writeString(cert, pem("CERTIFICATE", keys.getCertificate("cofre").getEncoded()));
        Files.writeString(key, pem("PRIVATE KEY", ((PrivateKey) keys.getKey("cofre", PASSWORD.toCharArray())).getEncoded()));
        try (var cofre = new RunningCofre(dir.resolve("data"), null, null, RunningCofre.SEED_TIME,
                Map.of("COFRE_TLS_CERT", cert.toString(), "COFRE_TLS_KEY", key.toString()))) {
            var client = HttpClient.newBuilder().sslContext(trusting(store)).build();
            String bearer = accessToken(client, cofre, "PEM");
            var created = client.send(HttpRequest.newBuilder(URI.create(cofre.base() + "/v1/Token"))
                    .header("Authorization", "Bearer " + bearer).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(VaultServerContract.card(null, VaultServerContract.PAN,
                            "12/2030"))).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(201, created.statusCode(), created.body());
            assertTrue(RunningCofre.JSON.readTree(created.body()).get("Links").get(0).get("HRef").asText()
                    .startsWith("https://localhost:"), created.body());
        }
    }

    @Test
    void plain_http_on_an_address_others_can_reach_is_refused_unless_allowed(@TempDir Path dir) {
        var env = new HashMap<String, String>(Map.of("COFRE_DATA_DIR", dir.toString(), "COFRE_HOST", "0.0.0.0"));
        var refused = assertThrows(StartupFailure.class, () -> Settings.from(env));
        assertTrue(refused.getMessage().contains("COFRE_ALLOW_PLAIN_HTTP=true"), refused.getMessage());
        env.put("COFRE_ALLOW_PLAIN_HTTP", "true");
        assertEquals("0.0.0.0", Settings.from(env).host());
        assertEquals("127.0.0.1", Settings.from(Map.of("COFRE_DATA_DIR", dir.toString())).host(),
                "by default the API listens on loopback only");
        assertEquals("localhost", Settings.from(Map.of("COFRE_DATA_DIR", dir.toString(), "COFRE_HOST", "localhost"))
                .host());
    }

    @Test
    void x_forwarded_proto_is_believed_from_a_trusted_proxy_only(@TempDir Path dir) throws Exception {
        for (boolean trusted : new boolean[] {false, true}) {
            var settings = new HashMap<String, String>();
            if (trusted) {
                settings.put("COFRE_TRUSTED_PROXIES", "127.0.0.1, ::1");
            }
            try (var cofre = new RunningCofre(dir.resolve("data-" + trusted), null, null, RunningCofre.SEED_TIME,
                    settings)) {
                var m = cofre.merchant("Behind a proxy");
                var created = cofre.send("POST", "/v1/Token", VaultServerContract.card(null, VaultServerContract.PAN,
                        "12/2030"), Map.of("Authorization", "Bearer " + cofre.bearer(m),
                        "Content-Type", "application/json", "X-Forwarded-Proto", "https"));
                assertEquals(201, created.status(), created.body());
                String link = created.json().get("Links").get(0).get("HRef").asText();
                assertTrue(link.startsWith(trusted ? "https://" : "http://"), trusted + ": " + link);
            }
        }
    }

    /** A new merchant's access token, asked for with {@code client} (which trusts the server's certificate). */
    private static String accessToken(HttpClient client, RunningCofre cofre, String name) throws Exception {
        var m = cofre.merchant(name);
        var token = client.send(HttpRequest.newBuilder(URI.create(cofre.base() + "/oauth2/token"))
                        .header("Authorization", BadInputs.basic(m.clientId(), m.clientSecret()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, token.statusCode(), token.body());
        return RunningCofre.JSON.readTree(token.body()).get("access_token").asText();
    }

    private static String handshake(SSLContext context, int port, String protocol) throws IOException {
        try (var socket = (SSLSocket) context.getSocketFactory().createSocket("localhost", port)) {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {protocol});
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }

    /** A throwaway self-signed key store for localhost, made with the JDK's keytool. */
    static Path selfSigned(Path dir) throws Exception {
        Path store = dir.resolve("tls.p12");
        var keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "cofre", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
        return store;
    }

    static SSLContext trusting(Path store) throws Exception {
        var trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(KeyStore.getInstance(store.toFile(), PASSWORD.toCharArray()));
        var context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }
}
