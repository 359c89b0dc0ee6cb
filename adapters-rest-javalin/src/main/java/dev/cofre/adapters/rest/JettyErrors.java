package dev.cofre.adapters.rest;

import io.vavr.collection.List;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (a request arriving while the server
 * stops, an unreadable HTTP message, a target that does not decode), in the error format of the dialect the path belongs to, as
 * the {@link Dialects} registry says, instead of Jetty's HTML page. No stack traces, no request data.
 */
final class JettyErrors extends ErrorHandler {

    private final Dialects dialects;

    JettyErrors(Dialects dialects) {
        this.dialects = dialects;
    }

    /** Every method's error has a body (Jetty writes one only for GET, POST and HEAD by default). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws java.io.IOException {
        String reason = code == 503 ? "The server is stopping; retry shortly"
                : code == 400 ? "HTTP 400: the request's path, a header or its framing could not be read as sent"
                : "HTTP " + code;
        var rendered = dialects.of(pathOf(request))
                .render(List.of(Problem.of(code, 799, "Undefined error: " + reason)));
        response.setStatus(rendered.status());
        rendered.headers().forEach((name, value) -> response.getHeaders().put(name, value));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, rendered.contentType());
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (code == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        response.write(true, ByteBuffer.wrap(rendered.body()), callback);
    }

    /** What Jetty puts in place of a request target it could not parse. */
    private static final String PLACEHOLDER = "/badMessage";

    /**
     * The request's path, or as much of it as was sent when it does not decode (the dialect is in its
     * prefix): Jetty replaces a target it cannot parse by a placeholder, so the sent one is asked of
     * the connection ({@link RequestTargets}).
     */
    static String pathOf(Request request) {
        String path = request.getHttpURI().getPath();
        String sent = RequestTargets.sentTarget(request);
        if (path != null && !(PLACEHOLDER.equals(path) && sent != null)) {
            return path;
        }
        String raw = sent != null ? sent : request.getHttpURI().asString();
        int authority = raw.indexOf("://");
        if (authority >= 0) {
            int slash = raw.indexOf('/', authority + 3);
            raw = slash < 0 ? "/" : raw.substring(slash);
        }
        int query = raw.indexOf('?');
        return query < 0 ? raw : raw.substring(0, query);
    }
}
