package dev.cofre.adapters.rest;

import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What every request and answer gets before the API sees them: a URI that needs a guess to decode
 * ({@code %u002e}, an encoded separator or dot segment, bad percent-encoding) is refused with 400 in
 * the dialect's format; any transfer coding but plain {@code chunked} is refused (ambiguous framing
 * behind proxies); headers that would change a request's method ({@code X-HTTP-Method-Override}
 * and kin) are dropped, so a request is always the method it was sent with; and every answer says
 * {@code Cache-Control: no-store}, since most carry card data or credentials.
 */
final class StrictRequests extends Handler.Wrapper {

    private static final List<String> METHOD_OVERRIDES = List.of("X-HTTP-Method-Override", "X-HTTP-Method",
            "X-Method-Override");

    StrictRequests(Handler next) {
        super(next);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        if (request.getHttpURI().hasViolations() || request.getHttpURI().isAmbiguous()) {
            Response.writeError(request, response, callback, 400, "The request's path is not plainly encoded");
            return true;
        }
        var codings = request.getHeaders().getValuesList(HttpHeader.TRANSFER_ENCODING);
        if (!codings.isEmpty() && !(codings.size() == 1 && "chunked".equalsIgnoreCase(codings.get(0).strip()))) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
            Response.writeError(request, response, callback, 400, "Only Transfer-Encoding: chunked is accepted");
            return true;
        }
        Request plain = request;
        if (METHOD_OVERRIDES.stream().anyMatch(h -> request.getHeaders().contains(h))) {
            HttpFields.Mutable headers = HttpFields.build(request.getHeaders());
            METHOD_OVERRIDES.forEach(headers::remove);
            HttpFields kept = headers.asImmutable();
            plain = new Request.Wrapper(request) {
                @Override
                public HttpFields getHeaders() {
                    return kept;
                }
            };
        }
        return super.handle(plain, response, callback);
    }
}
