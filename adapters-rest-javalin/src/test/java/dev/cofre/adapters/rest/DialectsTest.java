package dev.cofre.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.application.inmemory.InMemoryStores;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.application.token.Vault;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.merchant.TrustedProxies;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The registry says which dialect a path belongs to, and each dialect prints problems in its own format. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DialectsTest {

    private static final Dialects DIALECTS = dialects();

    /** The registry over in-memory stores, for tests that render problems in every dialect. */
    static Dialects dialects() {
        var stores = new InMemoryStores();
        var clock = Clock.systemUTC();
        var accounts = MerchantAccounts.create(stores.merchantAccounts(), TrustedProxies.NONE, clock, new SecureIds());
        return HttpApi.dialects(new HttpApi.Services(accounts,
                Vault.create(stores.vault(), new TestCardCipher(), clock, new SecureIds()), () -> true));
    }

    private static String owner(String path) {
        return DIALECTS.of(path).name();
    }

    @Test
    void each_path_belongs_to_its_dialect_in_any_case() {
        assertEquals("oauth", owner("/oauth2/token"));
        assertEquals("vault", owner("/v1/Token"));
        assertEquals("vault", owner("/V1/TOKEN/abc/SUSPEND"));
        assertEquals("vault", owner("/v1/alias/x/tokenreference"));
        assertEquals("justclick-json", owner("/justclick/SaveCreditCard"));
        assertEquals("justclick-soap", owner("/v2/cartaoprotegido.asmx"));
        assertEquals("justclick-soap", owner("/CARTAOPROTEGIDO.ASMX"));
        assertEquals("justclick-soap", owner("/Services/CartaoProtegido.asmx"));
        assertEquals("vault", owner("/nowhere"), "the fallback");
    }

    /** A stand-in for a dialect that will own /v1/customers: the vault must not claim its paths. */
    private record Customers() implements ApiDialect {
        @Override
        public String name() {
            return "customers";
        }

        @Override
        public List<String> paths() {
            return List.of("/v1/customers");
        }

        @Override
        public void routes(JavalinDefaultRoutingApi routes) {
        }

        @Override
        public Rendered render(List<Problem> problems) {
            return Rendered.json(problems.head().status(), java.util.Map.of("message", problems.head().message()));
        }
    }

    @Test
    void the_vault_owns_only_its_own_paths_under_v1() {
        var vault = DIALECTS.of("/v1/Token");
        var withCustomers = new Dialects(List.of(new Customers(), vault), vault);
        assertEquals("customers", withCustomers.of("/v1/customers/123/cards/x").name());
        assertEquals("customers", withCustomers.of("/V1/Customers").name());
        assertEquals("vault", withCustomers.of("/v1/Token/x").name());
        assertFalse(vault.owns("/v1/customers"));
        assertFalse(vault.owns("/v1/Tokens"), "a prefix of a segment is not the segment");
    }

    private static JsonNode json(ApiDialect.Rendered r) throws Exception {
        assertTrue(r.contentType().startsWith("application/json"), r.contentType());
        return Json.MAPPER.readTree(r.body());
    }

    private static final List<Problem> TWO = List.of(
            new Problem(422, 708, "Card number is not valid", "Card.Number"),
            new Problem(422, 710, "Card expiration is not valid", "Card.ExpirationDate"));

    @Test
    void the_vault_prints_every_problem_as_a_list_with_its_field() throws Exception {
        var r = DIALECTS.of("/v1/Token").render(TWO);
        assertEquals(422, r.status());
        var body = json(r);
        assertEquals(2, body.size());
        assertEquals(708, body.get(0).get("Code").asInt());
        assertEquals("Card.ExpirationDate", body.get(1).get("Field").asText());
        assertFalse(json(DIALECTS.of("/v1/Token").render(List.of(Problem.of(404, 795, "x")))).get(0).has("Field"));
    }

    @Test
    void oauth_prints_rfc_6749_errors_with_a_basic_challenge_on_401() throws Exception {
        var oauth = DIALECTS.of("/oauth2/token");
        var unauthorized = oauth.render(List.of(Problem.of(401, 780, "bad client")));
        assertEquals("invalid_client", json(unauthorized).get("error").asText());
        assertEquals("bad client", json(unauthorized).get("error_description").asText());
        assertTrue(unauthorized.headers().get("WWW-Authenticate").startsWith("Basic"));
        assertEquals("invalid_request", json(oauth.render(List.of(Problem.of(415, 794, "x")))).get("error").asText());
        assertEquals("temporarily_unavailable", json(oauth.render(List.of(Problem.of(503, 799, "x")))).get("error").asText());
        assertEquals("server_error", json(oauth.render(List.of(Problem.of(500, 798, "x")))).get("error").asText());
    }

    @Test
    void justclick_json_prints_Success_false_with_an_ErrorReportCollection() throws Exception {
        var r = DIALECTS.of("/justclick/GetCreditCard").render(TWO);
        var body = json(r);
        assertEquals(422, r.status());
        assertFalse(body.get("Success").asBoolean());
        assertEquals(710, body.at("/ErrorReportCollection/1/ErrorCode").asInt());
        assertEquals("Card expiration is not valid", body.at("/ErrorReportCollection/1/ErrorMessage").asText());
    }

    @Test
    void justclick_soap_prints_a_fault_client_for_the_callers_problems_and_server_for_ours() {
        var soap = DIALECTS.of("/v2/cartaoprotegido.asmx");
        var client = soap.render(List.of(Problem.of(404, 795, "No such resource: <&>")));
        String xml = new String(client.body(), StandardCharsets.UTF_8);
        assertEquals(500, client.status(), "SOAP 1.1 carries every fault with 500");
        assertTrue(client.contentType().startsWith("text/xml"));
        assertTrue(xml.contains("<faultcode>soap:Client</faultcode>"), xml);
        assertTrue(xml.contains("No such resource: &lt;&amp;&gt;"), "escaped: " + xml);
        var server = new String(soap.render(List.of(Problem.of(500, 798, "x"))).body(), StandardCharsets.UTF_8);
        assertTrue(server.contains("<faultcode>soap:Server</faultcode>"), server);
        assertEquals(503, soap.render(List.of(Problem.of(503, 799, "stopping"))).status(), "so clients retry");
    }

    @Test
    void every_dialect_prints_every_error_status_it_may_meet() {
        for (ApiDialect d : DIALECTS.all()) {
            for (int status : new int[] {400, 401, 403, 404, 405, 409, 413, 415, 422, 429, 500, 503}) {
                var r = d.render(List.of(Problem.of(status, 799, "Undefined error")));
                assertTrue(r.body().length > 0, d.name() + " " + status);
                assertTrue(r.status() >= 400, d.name() + " " + status);
            }
        }
    }
}
