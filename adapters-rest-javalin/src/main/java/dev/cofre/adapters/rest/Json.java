package dev.cofre.adapters.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.javalin.http.Context;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Cofre's one JSON mapper and the reading of request bodies. Strict where it matters: only
 * {@code application/json}, no numbers or booleans where text is expected, no field twice in one object in
 * any letter case, no trailing garbage. Lenient where the vendors' clients need it: field names match case-insensitively
 * and unknown fields are ignored, as .NET model binding does (they are dropped, never echoed, logged
 * or stored). A body that fails becomes a {@link Problem} naming the field, never an exception.
 */
public final class Json {

    public static final int MAX_BODY_BYTES = 16 * 1024;
    public static final String CONTENT_TYPE = "application/json; charset=utf-8";

    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    /** The same mapper, printing null fields: for wire formats that print every field (seed 000's). */
    private static final ObjectMapper WITH_NULLS = MAPPER.copy()
            .setDefaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.ALWAYS, JsonInclude.Include.ALWAYS));

    private Json() {
    }

    /** Reads the body as {@code type}; {@code empty} is what an absent body means (null: a problem). */
    public static <T> Either<Problem, T> read(Context ctx, Class<T> type, T empty) {
        byte[] body = ctx.bodyAsBytes();
        if (body.length == 0 || new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return empty != null ? Either.right(empty)
                    : Either.left(new Problem(400, 747, "Empty Request: a JSON body is required", null));
        }
        String contentType = ctx.contentType() == null ? "" : ctx.contentType().toLowerCase(Locale.ROOT);
        if (!contentType.startsWith("application/json")) {
            return Either.left(Problem.of(415, Problem.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type must be application/json"));
        }
        return parse(body, type);
    }

    /**
     * As {@link #read}, naming every known field of the wrong JSON type at once (Jackson alone stops
     * at the first): the body is read as a tree and the known fields' types checked before binding.
     */
    public static <T> Either<List<Problem>, T> readAll(Context ctx, Class<T> type, T empty) {
        Either<Problem, JsonNode> tree = read(ctx, JsonNode.class, null);
        if (tree.isLeft()) {
            return read(ctx, type, empty).mapLeft(List::of); // an absent body, another media type, malformed JSON
        }
        List<Problem> wrong = wrongTypes(tree.get(), type, "");
        // the tree already passed the duplicate and trailing-token checks: bind it, not the bytes again
        return wrong.isEmpty() ? bound(() -> MAPPER.treeToValue(tree.get(), type)).mapLeft(List::of) : Either.left(wrong);
    }

    /** A record component a body may carry: its wire name and its Java type. */
    private record Field(String name, Class<?> type) {
    }

    /**
     * Each request record's {@code @JsonProperty} components, read by reflection once per class:
     * parsing the annotations on every request was 7% of a POST /v1/Token's CPU.
     */
    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            return List.of(type.getRecordComponents()).flatMap(component -> {
                // a record component's Jackson annotations are kept on its accessor, not on the component
                var accessor = component.getAccessor();
                var property = accessor.getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                if (property == null || accessor.isAnnotationPresent(
                        com.fasterxml.jackson.databind.annotation.JsonDeserialize.class)) {
                    return List.empty();
                }
                return List.of(new Field(property.value(), component.getType()));
            });
        }
    };

    /**
     * The fields of {@code node} that {@code type} (a record of {@code @JsonProperty} components)
     * knows and that have the wrong JSON type, nested records included; names match ignoring case.
     */
    static List<Problem> wrongTypes(JsonNode node, Class<?> type, String prefix) {
        if (!type.isRecord() || !node.isObject()) {
            return List.empty();
        }
        return FIELDS.get(type).flatMap(known -> {
            JsonNode v = field(node, known.name());
            if (v == null || v.isNull()) {
                return List.empty();
            }
            Class<?> t = known.type();
            boolean fits = t == String.class ? v.isTextual()
                    : t == Integer.class || t == Long.class || t == int.class || t == long.class ? v.isIntegralNumber()
                    : t == Boolean.class || t == boolean.class ? v.isBoolean()
                    : t.isRecord() ? v.isObject()
                    : !java.util.List.class.isAssignableFrom(t) || v.isArray();
            String field = prefix + known.name();
            if (!fits) {
                return List.of(new Problem(400, Problem.WRONG_TYPE, field + " has the wrong JSON type", field));
            }
            return t.isRecord() ? wrongTypes(v, t, field + ".") : List.<Problem>empty();
        });
    }

    /** The value of {@code object}'s field called {@code name} in any letter case, or null. */
    private static JsonNode field(JsonNode object, String name) {
        for (var fields = object.fields(); fields.hasNext(); ) {
            var f = fields.next();
            if (f.getKey().equalsIgnoreCase(name)) {
                return f.getValue();
            }
        }
        return null;
    }

    /** Parses {@code body} as {@code type}, with the problems {@link #read} reports. */
    static <T> Either<Problem, T> parse(byte[] body, Class<T> type) {
        var twice = duplicateField(body);
        if (twice.isDefined()) {
            // Names match ignoring case, so {"Alias":..,"alias":..} would otherwise let the last one win unseen.
            return Either.left(new Problem(400, Problem.MALFORMED_JSON, twice.get()
                    + " appears more than once (field names are matched ignoring case)", twice.get()));
        }
        return bindChecked(body, type);
    }

    /** Binds a body already checked for duplicate fields, with the problems {@link #read} reports. */
    private static <T> Either<Problem, T> bindChecked(byte[] body, Class<T> type) {
        return bound(() -> MAPPER.readValue(body, type));
    }

    /** One binding of a body (its bytes or its tree), with Jackson's failures as the problems {@link #read} reports. */
    @FunctionalInterface
    private interface Binding<T> {
        T bind() throws IOException;
    }

    private static <T> Either<Problem, T> bound(Binding<T> binding) {
        try {
            T value = binding.bind();
            return value == null ? Either.left(new Problem(400, 747, "Empty Request: a JSON object is required", null))
                    : Either.right(value);
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                return Either.left(Problem.of(400, Problem.WRONG_TYPE, "The body must be a JSON object"));
            }
            return Either.left(new Problem(400, Problem.WRONG_TYPE, field + " has the wrong JSON type", field));
        } catch (JsonParseException e) {
            return Either.left(Problem.of(400, Problem.MALFORMED_JSON, "Malformed JSON at line "
                    + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr()));
        } catch (JsonMappingException e) {
            String field = path(e);
            return Either.left(new Problem(400, Problem.MALFORMED_JSON,
                    field.isEmpty() ? "The body does not match the expected JSON object" : field + " is malformed",
                    field.isEmpty() ? null : field));
        } catch (JsonProcessingException e) {
            return Either.left(Problem.of(400, Problem.MALFORMED_JSON, "Malformed JSON"));
        } catch (IOException e) {
            return Either.left(Problem.of(400, Problem.MALFORMED_JSON, "Unreadable body"));
        } catch (IllegalArgumentException e) { // how treeToValue may wrap a failure it does not otherwise name
            return Either.left(Problem.of(400, Problem.MALFORMED_JSON, "The body does not match the expected JSON object"));
        }
    }

    /** Only for {@link #duplicateField}: it reports exact duplicates itself, naming them. */
    private static final JsonFactory LENIENT = JsonFactory.builder()
            .disable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * The path ({@code Card.Number}, {@code items[0].description}) of the first field that appears
     * twice in one object, in any letter case; none for a body without one, or one that does not
     * parse (which {@link #parse} then reports). Case is folded both ways, so the Kelvin sign or a
     * long s cannot slip past as a different name.
     */
    static io.vavr.control.Option<String> duplicateField(byte[] body) {
        try (JsonParser p = LENIENT.createParser(body)) {
            var seen = new java.util.ArrayDeque<java.util.Set<String>>();
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.START_OBJECT) {
                    seen.push(new java.util.HashSet<>());
                } else if (t == JsonToken.END_OBJECT) {
                    seen.pop();
                } else if (t == JsonToken.FIELD_NAME && !seen.isEmpty()
                        && !seen.peek().add(p.currentName().toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT))) {
                    return io.vavr.control.Option.some(pathOf(p.getParsingContext()));
                }
            }
            return io.vavr.control.Option.none();
        } catch (IOException | RuntimeException e) {
            return io.vavr.control.Option.none();
        }
    }

    private static String pathOf(JsonStreamContext context) {
        var parts = new java.util.ArrayList<String>();
        for (var c = context; c != null && !c.inRoot(); c = c.getParent()) {
            parts.add(0, c.inArray() ? "[" + c.getCurrentIndex() + "]" : "." + c.getCurrentName());
        }
        String path = String.join("", parts);
        return path.startsWith(".") ? path.substring(1) : path;
    }

    /** Writes {@code value} as the JSON response with {@code status}. */
    public static void write(Context ctx, int status, Object value) {
        ctx.status(status).contentType(CONTENT_TYPE).result(bytes(value));
        ctx.attribute(HttpApi.ANSWERED, true);
    }

    /** Writes {@code value} as the JSON response with {@code status}, null fields included. */
    public static void writeWithNulls(Context ctx, int status, Object value) {
        try {
            ctx.status(status).contentType(CONTENT_TYPE).result(WITH_NULLS.writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response type failed to serialize: " + value.getClass().getName(), e);
        }
        ctx.attribute(HttpApi.ANSWERED, true);
    }

    /** {@code value} as JSON bytes. */
    public static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a response type failed to serialize: " + value.getClass().getName(), e);
        }
    }

    /**
     * Text fields read from another wire format (a SOAP body's elements) bound to the same request
     * record a JSON body binds to, with the same rules: names ignoring case, unknown names ignored.
     */
    public static <T> Either<Problem, T> bind(java.util.Map<String, String> fields, Class<T> type) {
        try {
            return Either.right(MAPPER.convertValue(fields, type));
        } catch (IllegalArgumentException e) {
            return Either.left(Problem.of(400, Problem.MALFORMED_JSON, "The request does not match " + type.getSimpleName()));
        }
    }

    /** The JSON path of a mapping failure as the wire names it: {@code Card.Number}. */
    private static String path(JsonMappingException e) {
        return List.ofAll(e.getPath()).map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
