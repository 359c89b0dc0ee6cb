package dev.cofre.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.merchant.RegisterMerchant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** One route test per dialect, through real HTTP over in-memory stores. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RoutesTest {

    static final String PAN = "4551870000000183";
    InMemoryApi api;
    RegisterMerchant.Registered merchant;

    @BeforeAll
    void start() {
        api = new InMemoryApi();
        merchant = api.merchant("Routes", "127.0.0.1/32", "::1/128");
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @Nested
    class OAuth {
        @Test
        void client_credentials_get_a_bearer_token_and_a_form_is_required() {
            assertTrue(api.bearer(merchant).length() >= 22);
            var json = api.send("POST", "/oauth2/token", "{}", Map.of("Content-Type", "application/json"));
            assertEquals(415, json.status());
            assertEquals("invalid_request", json.json().get("error").asText());
        }
    }

    @Nested
    class VaultDialect {
        @Test
        void a_card_is_vaulted_read_suspended_and_unsuspended_without_bodies_in_any_case() {
            var headers = Map.of("Authorization", "Bearer " + api.bearer(merchant), "Content-Type", "application/json",
                    "MerchantId", merchant.merchant().id().toString());
            var created = api.send("POST", "/v1/token", "{\"Alias\":null,\"Card\":{\"Number\":\"" + PAN
                    + "\",\"Holder\":\"Jose\",\"ExpirationDate\":\"12/2030\",\"SecurityCode\":\"123\",\"Alias\":null}}", headers);
            assertEquals(201, created.status(), created.body());
            String ref = created.json().get("TokenReference").asText();
            assertEquals("************0183", api.send("GET", "/V1/TOKEN/" + ref, null, headers).json().at("/Card/Number").asText());
            assertEquals("Suspended", api.send("PUT", "/v1/Token/" + ref + "/suspend", null, headers).json().get("Status").asText());
            assertEquals("Active", api.send("PUT", "/v1/Token/" + ref + "/unsuspend", null, headers).json().get("Status").asText());
        }

        @Test
        void a_MerchantId_of_another_merchant_is_401_and_an_unknown_path_is_404_in_the_vaults_format() {
            var wrong = api.send("GET", "/v1/Token/" + UUID.randomUUID(), null, Map.of("Authorization",
                    "Bearer " + api.bearer(merchant), "MerchantId", UUID.randomUUID().toString()));
            assertEquals(401, wrong.status());
            assertEquals(797, wrong.json().get(0).get("Code").asInt());
            var unknown = api.send("GET", "/v1/Nothing", null, Map.of());
            assertEquals(404, unknown.status());
            assertEquals(795, unknown.json().get(0).get("Code").asInt());
        }
    }

    @Nested
    class JustClickJson {
        @Test
        void SaveCreditCard_and_GetMaskedCreditCard_answer_seed_004s_fields() {
            String requestId = UUID.randomUUID().toString();
            var saved = api.send("POST", "/justclick/SaveCreditCard", "{\"MerchantKey\":\"" + merchant.merchantKey()
                    + "\",\"CustomerName\":\"C\",\"CardHolder\":\"H\",\"CardNumber\":\"" + PAN
                    + "\",\"CardExpiration\":\"03/2029\",\"RequestId\":\"" + requestId + "\",\"DataCollection\":[]}",
                    Map.of("Content-Type", "application/json"));
            assertEquals(200, saved.status(), saved.body());
            assertTrue(saved.json().get("Success").asBoolean());
            assertEquals(requestId, saved.json().get("CorrelationId").asText());
            var masked = api.send("POST", "/justclick/getmaskedcreditcard", "{\"MerchantKey\":\"" + merchant.merchantKey()
                    + "\",\"JustClickKey\":\"" + saved.json().get("JustClickKey").asText() + "\"}",
                    Map.of("Content-Type", "application/json"));
            assertEquals("455187******0183", masked.json().get("MaskedCardNumber").asText(), masked.body());
            var refused = api.send("POST", "/justclick/SaveCreditCard", "{\"MerchantKey\":\"" + merchant.merchantKey()
                    + "\",\"RequestId\":\"" + requestId + "\",\"CustomerName\":\"C\",\"CardHolder\":\"H\",\"CardNumber\":\""
                    + PAN + "\",\"CardExpiration\":\"03/2029\"}", Map.of("Content-Type", "application/json"));
            assertEquals(409, refused.status());
            assertFalse(refused.json().get("Success").asBoolean());
            assertEquals(735, refused.json().at("/ErrorReportCollection/0/ErrorCode").asInt());
        }
    }

    @Nested
    class JustClickSoap {
        @Test
        void SaveCreditCard_answers_a_result_and_garbage_a_fault() {
            String envelope = "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                    + "<tns:SaveCreditCard xmlns:tns=\"http://www.cartaoprotegido.com.br/WebService/\"><tns:saveCreditCardRequestWS>"
                    + "<tns:MerchantKey>" + merchant.merchantKey() + "</tns:MerchantKey><tns:RequestId>" + UUID.randomUUID()
                    + "</tns:RequestId><tns:CustomerName>C</tns:CustomerName><tns:CardHolder>H</tns:CardHolder>"
                    + "<tns:CardNumber>" + PAN + "</tns:CardNumber><tns:CardExpiration>03/2029</tns:CardExpiration>"
                    + "<tns:JustClickAlias></tns:JustClickAlias><tns:DataCollection/></tns:saveCreditCardRequestWS>"
                    + "</tns:SaveCreditCard></soap:Body></soap:Envelope>";
            var saved = api.send("POST", "/CartaoProtegido.asmx", envelope, Map.of("Content-Type", "text/xml"));
            assertEquals(200, saved.status(), saved.body());
            assertTrue(saved.body().contains("<Success>true</Success>"), saved.body());
            assertTrue(saved.contentType().startsWith("text/xml"));
            var fault = api.send("POST", "/v2/cartaoprotegido.asmx", "<nope", Map.of("Content-Type", "text/xml"));
            assertEquals(500, fault.status());
            assertTrue(fault.body().contains("<faultcode>soap:Client</faultcode>"), fault.body());
            var wsdl = api.send("GET", "/v2/cartaoprotegido.asmx?WSDL", null, Map.of());
            assertTrue(wsdl.body().contains("location=\"http://localhost:"), "the caller's base URL");
        }
    }

    @Test
    void answers_are_never_compressed_even_when_the_client_asks() {
        // BREACH: a secret (a token, a detokenized card) compressed beside text the caller chose leaks
        // through the answer's length. openapi.json is long enough for a compressing server to compress.
        var reply = api.send("GET", "/openapi.json", null, Map.of("Accept-Encoding", "gzip, deflate, br"));
        assertEquals(200, reply.status());
        assertTrue(reply.body().length() > 1500, "long enough to be compressed by default");
        assertTrue(reply.headers().firstValue("Content-Encoding").isEmpty(), reply.headers().toString());
        assertTrue(reply.body().startsWith("{"), "plain JSON");
    }
}
