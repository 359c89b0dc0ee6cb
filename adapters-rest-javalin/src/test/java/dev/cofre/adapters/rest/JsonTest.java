package dev.cofre.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Where the one JSON mapper is strict, and where it is lenient as the vendors' .NET platform is. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonTest {

    record Card(@JsonProperty("Number") String number, @JsonProperty("Holder") String holder) {
    }

    record Body(@JsonProperty("Alias") String alias, @JsonProperty("Card") Card card) {
    }

    private static Either<Problem, Body> parse(String json) {
        return Json.parse(json.getBytes(StandardCharsets.UTF_8), Body.class);
    }

    @Test
    void unknown_fields_are_ignored_at_any_depth_and_never_kept() {
        var body = parse("{\"Alias\":\"a\",\"Extra\":{\"x\":[1,{\"y\":null}]},\"Card\":{\"Number\":\"4\",\"Alias\":\"a\"}}");
        assertEquals(new Body("a", new Card("4", null)), body.get());
    }

    @Test
    void field_names_match_ignoring_case() {
        assertEquals(new Body("a", new Card("4", "H")), parse("{\"alias\":\"a\",\"CARD\":{\"number\":\"4\",\"hOlDeR\":\"H\"}}").get());
    }

    @Test
    void null_is_an_absent_value() {
        assertNull(parse("{\"Alias\":null}").get().alias());
    }

    @Test
    void a_number_or_a_boolean_where_text_is_expected_is_a_wrong_type_naming_the_field() {
        for (String json : new String[] {"{\"Card\":{\"Number\":4551870000000183}}", "{\"Card\":{\"Number\":1.5}}",
                "{\"Card\":{\"Number\":true}}"}) {
            Problem p = parse(json).getLeft();
            assertEquals(400, p.status());
            assertEquals(Problem.WRONG_TYPE, p.code(), json);
            assertEquals("Card.Number", p.field());
            assertFalse(p.message().contains("4551870000000183"), "the value is never echoed");
        }
        assertEquals("Card", parse("{\"Card\":\"x\"}").getLeft().field());
    }

    @Test
    void every_known_field_of_the_wrong_type_is_found_at_once_at_any_depth() throws Exception {
        var tree = Json.MAPPER.readTree("{\"alias\":1,\"Extra\":true,\"Card\":{\"Number\":4,\"HOLDER\":[\"x\"]}}");
        assertEquals(io.vavr.collection.List.of("Alias", "Card.Number", "Card.Holder"),
                Json.wrongTypes(tree, Body.class, "").map(Problem::field));
        assertEquals(io.vavr.collection.List.of("Card"),
                Json.wrongTypes(Json.MAPPER.readTree("{\"Card\":\"x\"}"), Body.class, "").map(Problem::field));
        assertTrue(Json.wrongTypes(Json.MAPPER.readTree("{\"Alias\":null,\"Card\":{\"Number\":\"4\"}}"), Body.class, "")
                .isEmpty());
    }

    @Test
    void duplicates_trailing_garbage_and_broken_syntax_are_malformed() {
        for (String json : new String[] {"{\"Alias\":\"a\",\"Alias\":\"b\"}", "{} x", "{\"Card\":", "{'Alias':'a'}"}) {
            assertEquals(Problem.MALFORMED_JSON, parse(json).getLeft().code(), json);
        }
    }

    @Test
    void a_body_that_is_not_an_object_is_a_wrong_type_and_null_is_an_empty_request() {
        assertEquals(Problem.WRONG_TYPE, parse("[]").getLeft().code());
        assertEquals(Problem.WRONG_TYPE, parse("\"text\"").getLeft().code());
        assertEquals(747, parse("null").getLeft().code());
    }

    @Test
    void fields_of_another_wire_format_bind_by_the_same_rules() {
        var bound = Json.bind(Map.of("alias", "a", "DataCollection", "x"), Body.class);
        assertEquals(new Body("a", null), bound.get());
    }

    @Test
    void responses_leave_out_nulls() {
        String json = new String(Json.bytes(new Body(null, new Card("4", null))), StandardCharsets.UTF_8);
        assertEquals("{\"Card\":{\"Number\":\"4\"}}", json);
        assertTrue(Json.CONTENT_TYPE.startsWith("application/json"));
    }
}
