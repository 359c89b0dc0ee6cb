package dev.cofre.adapters.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Errors Jetty answers before a request reaches Javalin (a request arriving while the server
 * stops, an unreadable HTTP message), in the error format of the dialect the path belongs to
 * instead of Jetty's HTML page. No stack traces, no request data.
 */
final class JettyErrors extends ErrorHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every method's error has a body (Jetty writes one only for GET, POST and HEAD by default). */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) throws java.io.IOException {
        String reason = code == 503 ? "The server is stopping; retry shortly" : "HTTP " + code;
        String path = pathOf(request);
        Object body;
        if (path != null && path.startsWith("/justclick")) {
            body = ordered("Success", false, "ErrorReportCollection",
                    List.of(ordered("ErrorCode", 799, "ErrorMessage", "Undefined error: " + reason)));
        } else if (path != null && path.startsWith("/oauth2")) {
            body = ordered("error", code == 503 ? "temporarily_unavailable" : "invalid_request",
                    "error_description", reason);
        } else {
            body = List.of(ordered("Code", 799, "Message", "Undefined error: " + reason));
        }
        response.setStatus(code);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json;charset=utf-8");
        if (code == 503) {
            response.getHeaders().put(HttpHeader.RETRY_AFTER, "1");
        }
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
    }

    /** The request's path, or as much of it as was sent when it does not decode (the dialect is in its prefix). */
    static String pathOf(Request request) {
        String path = request.getHttpURI().getPath();
        if (path != null) {
            return path;
        }
        String raw = request.getHttpURI().asString();
        int authority = raw.indexOf("://");
        if (authority >= 0) {
            int slash = raw.indexOf('/', authority + 3);
            raw = slash < 0 ? "/" : raw.substring(slash);
        }
        int query = raw.indexOf('?');
        return query < 0 ? raw : raw.substring(0, query);
    }

    /** Two fields in the order the dialect prints them. */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        var map = new LinkedHashMap<String, Object>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }
}
