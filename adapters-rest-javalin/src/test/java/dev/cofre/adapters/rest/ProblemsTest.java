package dev.cofre.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.idempotency.IdempotencyError;
import dev.cofre.domain.merchant.MerchantError;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.VaultError;
import io.javalin.Javalin;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every error the domain can return, found by walking {@link DomainError}'s permitted subtypes, has
 * an HTTP status of its own and is printed with a stable code by every dialect: the vault's error
 * list, JustClick's ErrorReportCollection and OAuth's RFC 6749 error. A new error type that
 * {@link Problems} does not map fails here instead of becoming a 500.
 */
class ProblemsTest {

    /** Errors that are a server's fault, not the caller's: stored card data failing its integrity check. */
    static final Set<Class<?>> SERVER_FAULTS = Set.of(VaultError.SealBroken.class, ChargeError.CardUnreadable.class,
            dev.cofre.domain.charge.CardTokenError.Unreadable.class);

    static final Set<String> OAUTH_ERRORS = Set.of("invalid_request", "invalid_client", "invalid_grant",
            "unauthorized_client", "unsupported_grant_type", "invalid_scope", "not_found", "method_not_allowed");

    static Javalin server;
    static volatile java.util.List<Problem> answer = java.util.List.of();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            var dialects = DialectsTest.dialects();
            for (String path : java.util.List.of("/v1/problem", "/justclick/problem", "/oauth2/problem")) {
                config.routes.get(path, ctx -> dialects.of(ctx.path()).fail(ctx, List.ofAll(answer)));
            }
        }).start(0);
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Every concrete error type: the leaves of the sealed hierarchy under {@link DomainError}. */
    static List<Class<?>> leaves(Class<?> type) {
        if (!type.isSealed()) {
            return List.of(type);
        }
        return List.of(type.getPermittedSubclasses()).flatMap(ProblemsTest::leaves);
    }

    @Test
    void the_walk_sees_every_error_family() {
        assertTrue(Set.copyOf(List.of(DomainError.class.getPermittedSubclasses()).toJavaList())
                .containsAll(Set.of(InvalidInput.class, VaultError.class, ChargeError.class, MerchantError.class,
                        IdempotencyError.class)));
        assertTrue(leaves(DomainError.class).size() > 20, "the walk reaches the errors themselves");
    }

    @Test
    void every_error_type_has_a_status_of_its_own_a_4xx_unless_it_is_a_server_fault() {
        for (Class<?> type : leaves(DomainError.class)) {
            DomainError error = sample(type);
            int status = Problems.statusOf(error);
            if (SERVER_FAULTS.contains(type)) {
                assertEquals(500, status, type.getName());
            } else {
                assertTrue(status >= 400 && status < 500, type.getName() + " is " + status);
            }
        }
    }

    @Test
    void every_error_is_printed_with_its_own_code_in_every_dialect() throws Exception {
        for (Class<?> type : leaves(DomainError.class).filter(t -> t != InvalidInput.class)) {
            DomainError error = sample(type);
            var problems = Problems.of(error, Map.of());
            assertEquals(1, problems.size());
            assertEquals(error.code(), problems.head().code(), type.getName());
            assertDialectsPrint(problems, Problems.statusOf(error), List.of(error.code()), type.getName());
        }
    }

    @Test
    void a_missing_and_an_invalid_field_get_their_own_codes_read_from_the_kind_not_the_message() throws Exception {
        for (String wireName : Problems.fieldsWithCodes()) {
            // The same wording for both kinds: only the kind may decide the code.
            var missing = Problems.field(wireName, InvalidInput.Kind.MISSING, "is wrong");
            var invalid = Problems.field(wireName, InvalidInput.Kind.INVALID, "is required");
            assertNotEquals(799, missing.code(), wireName);
            assertNotEquals(799, invalid.code(), wireName);
            assertEquals(wireName, missing.field());
        }
        assertEquals(707, Problems.field("Card.Number", InvalidInput.Kind.MISSING, "is required").code());
        assertEquals(708, Problems.field("Card.Number", InvalidInput.Kind.INVALID, "is required").code());
        assertEquals(706, Problems.field("CardHolder", InvalidInput.Kind.MISSING, "must not be blank").code());
        assertEquals(711, Problems.field("CardHolder", InvalidInput.Kind.INVALID, "must not contain digits").code());
    }

    @Test
    void every_invalid_field_of_one_error_is_printed_in_the_vault_and_JustClick_dialects() throws Exception {
        var error = InvalidInput.invalid("number", "is not a valid card number (check digit)")
                .and(InvalidInput.missing("holder"))
                .and(InvalidInput.invalid("expiration", "month must be between 01 and 12"))
                .and(InvalidInput.invalid("securityCode", "must have 3 or 4 digits"));
        var problems = Problems.of(error, Map.of("number", "Card.Number", "holder", "Card.Holder",
                "expiration", "Card.ExpirationDate", "securityCode", "Card.SecurityCode"));
        assertEquals(List.of(708, 706, 710, 712), problems.map(Problem::code));
        assertDialectsPrint(problems, 422, List.of(708, 706, 710, 712), "four fields");
    }

    private static void assertDialectsPrint(List<Problem> problems, int status, List<Integer> codes, String what)
            throws Exception {
        answer = problems.toJavaList();
        JsonNode vault = get("/v1/problem", status, what);
        assertEquals(codes, List.ofAll(vault).map(e -> e.get("Code").asInt()), what);
        vault.forEach(e -> assertFalse(e.get("Message").asText().isBlank(), what));
        JsonNode justClick = get("/justclick/problem", status, what);
        assertFalse(justClick.get("Success").asBoolean());
        assertEquals(codes, List.ofAll(justClick.get("ErrorReportCollection")).map(e -> e.get("ErrorCode").asInt()), what);
        JsonNode oauth = get("/oauth2/problem", status, what);
        assertTrue(OAUTH_ERRORS.contains(oauth.get("error").asText())
                || (status >= 500 && oauth.get("error").asText().equals("server_error")), what + ": " + oauth);
    }

    private static JsonNode get(String path, int status, String what) throws Exception {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(status, response.statusCode(), what + " on " + path + ": " + response.body());
        return Json.MAPPER.readTree(response.body());
    }

    /** An instance of an error type, its record components filled with sample values. */
    static DomainError sample(Class<?> type) {
        if (type == InvalidInput.class) {
            return InvalidInput.missing("number");
        }
        try {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = List.of(components).map(RecordComponent::getType).toJavaArray(Class[]::new);
            Object[] values = List.of(types).map(ProblemsTest::value).toJavaArray();
            return (DomainError) type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError("cannot make a " + type.getName() + "; teach sample() its components", e);
        }
    }

    private static Object value(Class<?> type) {
        if (type == String.class) {
            return "sample";
        }
        if (type == long.class) {
            return 30L;
        }
        if (type == int.class) {
            return 1;
        }
        if (type.isEnum()) {
            return type.getEnumConstants()[0];
        }
        if (type == Option.class) {
            return Option.none();
        }
        if (type == Alias.class) {
            return new Alias("sample");
        }
        if (type.isRecord()) {
            RecordComponent[] components = type.getRecordComponents();
            Class<?>[] types = List.of(components).map(RecordComponent::getType).toJavaArray(Class[]::new);
            try {
                return type.getDeclaredConstructor(types).newInstance(List.of(types).map(ProblemsTest::value).toJavaArray());
            } catch (ReflectiveOperationException e) {
                throw new AssertionError("cannot make a " + type.getName(), e);
            }
        }
        throw new AssertionError("no sample value for " + type.getName());
    }
}
