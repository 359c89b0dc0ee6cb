package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.merchant.RegisterMerchant;
import java.nio.file.Files;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** Whatever a client sends, the server answers with a 4xx in the endpoint's own format: never a 500, never a trace. */
class GarbageInputProperties {

    private static RunningCofre cofre;
    private static RegisterMerchant.Registered merchant;
    private static String bearer;
    private static final Set<Integer> CLIENT_ERRORS = Set.of(400, 401, 403, 404, 405, 409, 413, 415, 422);

    @BeforeContainer
    static void start() throws Exception {
        cofre = new RunningCofre(Files.createTempDirectory("cofre-garbage"), null, null, RunningCofre.SEED_TIME);
        merchant = cofre.merchant("Garbage", "127.0.0.1/32");
        bearer = cofre.bearer(merchant);
    }

    @AfterContainer
    static void stop() {
        cofre.close();
    }

    @Provide
    Arbitrary<String> bodies() {
        var fragments = Arbitraries.of("{", "}", "[", "]", ",", ":", "\"", "\"Card\"", "\"Number\"", "\"Alias\"",
                "\"MerchantKey\"", "\"" + merchant.merchantKey() + "\"", "\"JustClickKey\"", "\"RemovedBy\"",
                "\"4551870000000183\"", "4551870000000183", "null", "true", "-1e999", "\"\\u0000\"", "\"12/2030\"",
                "\"Merchant\"", " ", "\"\\ud800\"", "{\"Card\":{", "\"RequestId\"", "\"x\"");
        return Arbitraries.oneOf(
                fragments.list().ofMaxSize(12).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(40));
    }

    @Provide
    Arbitrary<String> endpoints() {
        return Arbitraries.of("POST /v1/Token", "DELETE /v1/Token/%T", "PUT /v1/Token/%T/suspend",
                "PUT /v1/Token/%T/reactivate", "POST /justclick/SaveCreditCard", "POST /justclick/GetCreditCard",
                "POST /justclick/GetMaskedCreditCard", "POST /justclick/GetJustClickKey",
                "POST /justclick/InvalidateCreditCard", "POST /oauth2/token");
    }

    @Provide
    Arbitrary<String> envelopes() {
        var fragments = Arbitraries.of("<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\">",
                "</soap:Envelope>", "<soap:Body>", "</soap:Body>", "<soap:Header/>",
                "<SaveCreditCard xmlns=\"http://www.cartaoprotegido.com.br/WebService/\">", "</SaveCreditCard>",
                "<GetCreditCard xmlns=\"http://www.cartaoprotegido.com.br/WebService/\">", "</GetCreditCard>",
                "<saveCreditCardRequestWS>", "</saveCreditCardRequestWS>", "<getCreditCardRequestWS>",
                "</getCreditCardRequestWS>", "<MerchantKey>" + merchant.merchantKey() + "</MerchantKey>",
                "<CardNumber>4551870000000183</CardNumber>", "<JustClickKey></JustClickKey>", "<DataCollection />",
                "<RequestId>x</RequestId>", "<!DOCTYPE a [<!ENTITY e \"x\">]>", "&e;", "&amp;", "<![CDATA[<]]>",
                "<?xml version=\"1.0\"?>", "<a>", "</a>", " ", "\u0000", "\ud800");
        return Arbitraries.oneOf(fragments.list().ofMaxSize(14).map(l -> String.join("", l)),
                Arbitraries.strings().ofMaxLength(40));
    }

    /** Whatever XML (or not) a client posts to the SOAP endpoint, it gets a SOAP answer or a SOAP Fault. */
    @Property(tries = 200)
    void garbage_xml_gets_a_soap_answer_or_a_fault(@ForAll("envelopes") String body) {
        var r = cofre.send("POST", "/v2/cartaoprotegido.asmx", body, Map.of("Content-Type", "text/xml"));
        assertTrue(r.status() == 200 || r.status() == 500, r.status() + " for " + body + ": " + r.body());
        assertTrue(r.body().startsWith("<?xml") && r.body().contains("soap:Envelope"), r.body());
        assertTrue(r.status() == 200 || r.body().contains("<faultcode>soap:Client</faultcode>"), r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat ") || r.body().contains("4551870000000183"),
                r.body());
    }

    @Property(tries = 300)
    void garbage_gets_a_client_error_in_the_endpoints_format(@ForAll("endpoints") String endpoint,
                                                            @ForAll("bodies") String body) {
        String[] parts = endpoint.split(" ");
        String path = parts[1].replace("%T", RunningCofre.guid());
        var r = cofre.send(parts[0], path, body, Map.of("Authorization", "Bearer " + bearer,
                "Content-Type", path.startsWith("/oauth2") ? "application/x-www-form-urlencoded" : "application/json"));
        assertTrue(CLIENT_ERRORS.contains(r.status()) || r.status() == 200 || r.status() == 201,
                r.status() + " for " + body + ": " + r.body());
        assertFalse(r.body().contains("Exception") || r.body().contains("\tat "), r.body());
        var json = r.json();
        if (path.startsWith("/justclick")) {
            assertTrue(json.has("Success"), r.body());
        } else if (path.startsWith("/oauth2")) {
            assertTrue(json.has("error") || json.has("access_token"), r.body());
        } else {
            assertTrue(json.isArray() || json.has("TokenReference"), r.body());
        }
    }
}
