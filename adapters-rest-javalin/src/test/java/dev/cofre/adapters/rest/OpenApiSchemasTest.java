package dev.cofre.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The OpenAPI document's schemas name exactly the fields the JSON records read and write. */
class OpenApiSchemasTest {

    /** Schema name to the record that is its wire form. */
    private static final Map<String, String> RECORDS = Map.ofEntries(
            Map.entry("AccessToken", "dev.cofre.adapters.rest.oauth.AccessTokenResponse"),
            Map.entry("OAuthError", "dev.cofre.adapters.rest.oauth.ErrorResponse"),
            Map.entry("TokenizeRequest", "dev.cofre.adapters.rest.vault.TokenizeRequest"),
            Map.entry("Token", "dev.cofre.adapters.rest.vault.VaultTokenResponse"),
            Map.entry("TokenStatus", "dev.cofre.adapters.rest.vault.StatusResponse"),
            Map.entry("Link", "dev.cofre.adapters.rest.vault.Link"),
            Map.entry("StatusChange", "dev.cofre.adapters.rest.vault.StatusChangeRequest"),
            Map.entry("SaveCreditCardRequest", "dev.cofre.adapters.rest.justclick.JustClickRequests$SaveCreditCardRequest"),
            Map.entry("CardRequest", "dev.cofre.adapters.rest.justclick.JustClickRequests$CardRequest"),
            Map.entry("GetJustClickKeyRequest", "dev.cofre.adapters.rest.justclick.JustClickRequests$GetJustClickKeyRequest"),
            Map.entry("JustClickShopRequest", "dev.cofre.adapters.rest.justclick.JustClickRequests$JustClickShopRequest"));

    @Test
    void every_schema_with_a_record_names_the_records_fields() throws Exception {
        JsonNode schemas;
        try (InputStream in = HttpApi.class.getResourceAsStream("openapi.json")) {
            schemas = Json.MAPPER.readTree(in).at("/components/schemas");
        }
        for (var entry : RECORDS.entrySet()) {
            var schema = schemas.get(entry.getKey());
            var documented = new TreeSet<String>();
            schema.get("properties").fieldNames().forEachRemaining(documented::add);
            assertEquals(wireNames(Class.forName(entry.getValue())), documented, entry.getKey());
        }
        var card = new TreeSet<String>();
        schemas.at("/TokenizeRequest/properties/Card/properties").fieldNames().forEachRemaining(card::add);
        if (!card.isEmpty()) {
            assertEquals(wireNames(Class.forName("dev.cofre.adapters.rest.vault.TokenizeRequest$CardRequest")), card);
        }
    }

    private static Set<String> wireNames(Class<?> record) {
        var names = new TreeSet<String>();
        for (RecordComponent c : record.getRecordComponents()) {
            JsonProperty p = c.getAccessor().getAnnotation(JsonProperty.class);
            names.add(p == null ? c.getName() : p.value());
        }
        return names;
    }
}
