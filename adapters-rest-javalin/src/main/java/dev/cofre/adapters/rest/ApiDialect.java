package dev.cofre.adapters.rest;

import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import java.util.Map;

/**
 * One API dialect as a self-describing unit: the paths it owns, its routes (each with the
 * dialect's own authentication), and how it prints problems. {@link Dialects} holds every one, and
 * the router, the 404/405 answers and the Jetty-level error handler all ask it which dialect a
 * path belongs to, so every answer is in that dialect's format.
 */
public interface ApiDialect {

    /** A short name for logs and tests: {@code vault}, {@code oauth}, {@code justclick-soap}. */
    String name();

    /** The paths the dialect owns, with everything below them: {@code /v1/Token} owns {@code /v1/Token/{ref}}. */
    List<String> paths();

    /** Whether {@code path} belongs to this dialect. Paths are compared case-insensitively. */
    default boolean owns(String path) {
        return paths().exists(p -> Dialects.under(path, p));
    }

    /** Registers the dialect's routes; each route authenticates the way the dialect does. */
    void routes(JavalinDefaultRoutingApi routes);

    /** {@code problems} in this dialect's error format; the first problem's status is the response's. */
    Rendered render(List<Problem> problems);

    /** Answers the request with {@code problems} in this dialect's format. */
    default void fail(Context ctx, List<Problem> problems) {
        render(problems).writeTo(ctx);
    }

    default void fail(Context ctx, Problem problem) {
        fail(ctx, List.of(problem));
    }

    /** An error answer ready to send: status, content type, body and any extra headers. */
    record Rendered(int status, String contentType, byte[] body, Map<String, String> headers) {

        public static Rendered json(int status, Object value) {
            return new Rendered(status, Json.CONTENT_TYPE, Json.bytes(value), Map.of());
        }

        public Rendered withHeader(String name, String value) {
            var all = new java.util.LinkedHashMap<>(headers);
            all.put(name, value);
            return new Rendered(status, contentType, body, Map.copyOf(all));
        }

        public void writeTo(Context ctx) {
            headers.forEach(ctx::header);
            ctx.status(status).contentType(contentType).result(body);
            ctx.attribute(HttpApi.ANSWERED, true);
        }
    }
}
