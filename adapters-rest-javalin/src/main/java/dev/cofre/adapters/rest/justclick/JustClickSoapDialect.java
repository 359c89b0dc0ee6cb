package dev.cofre.adapters.rest.justclick;

import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.HttpApi;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import io.javalin.http.Context;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Seed 004's JustClick web service as its clients speak it: SOAP 1.1 at
 * {@code POST /v2/cartaoprotegido.asmx} (and the older {@code /CartaoProtegido.asmx} and
 * {@code /Services/CartaoProtegido.asmx}, in any case), with or without a SOAPAction header, and the
 * WSDL at {@code ?wsdl}. Application errors answer HTTP 200 with Success=false, as the vendor does; a
 * malformed envelope or an unknown method is a Fault ({@code soap:Client}, HTTP 500, as SOAP 1.1
 * carries every fault). Faults never hold a stack trace or request data.
 */
public final class JustClickSoapDialect implements ApiDialect {

    static final List<String> PATHS = List.of("/v2/cartaoprotegido.asmx", "/CartaoProtegido.asmx",
            "/Services/CartaoProtegido.asmx");
    /** The WSDL as a resource; the server serves it with its soap:address pointing at the caller's base URL. */
    public static final String WSDL_RESOURCE = "cartaoprotegido.wsdl";
    /** The address the WSDL resource names, replaced by the caller's when served. */
    public static final String WSDL_ADDRESS = "http://localhost:8080/v2/cartaoprotegido.asmx";

    private final JustClickCalls calls;
    private final String wsdl;

    JustClickSoapDialect(JustClickCalls calls) {
        this.calls = calls;
        this.wsdl = wsdl();
    }

    @Override
    public String name() {
        return "justclick-soap";
    }

    @Override
    public List<String> paths() {
        return PATHS;
    }

    @Override
    public void routes(JavalinDefaultRoutingApi routes) {
        for (String path : PATHS) {
            routes.post(path, this::call);
            routes.get(path, this::describe);
        }
    }

    private void call(Context ctx) {
        var read = SoapEnvelope.read(ctx.bodyAsBytes(), ctx.header("SOAPAction"));
        if (read.isLeft()) {
            fail(ctx, Problem.of(400, Problem.MALFORMED_JSON, read.getLeft()));
            return;
        }
        var call = read.get();
        JustClickCalls.Answer answer = !call.hasRequest()
                ? JustClickCalls.unreadable(call.method(), List.of(Problem.of(400, 747, "Empty Request")))
                : Json.bind(call.fields(), call.method().requestType)
                        .fold(p -> JustClickCalls.unreadable(call.method(), List.of(p)),
                                r -> calls.call(ctx, call.method(), r));
        ctx.status(200).contentType(SoapMessages.CONTENT_TYPE).result(SoapMessages.answer(answer));
        ctx.attribute(HttpApi.ANSWERED, true);
    }

    /** {@code GET ...asmx?wsdl} (any case) serves the WSDL; any other GET is a Fault. */
    private void describe(Context ctx) {
        boolean asksWsdl = ctx.queryParamMap().keySet().stream().anyMatch(k -> k.equalsIgnoreCase("wsdl"));
        if (!asksWsdl) {
            fail(ctx, Problem.of(405, Problem.METHOD_NOT_ALLOWED,
                    "Call the web service with POST, or read its description at ?wsdl"));
            return;
        }
        String base = ctx.scheme() + "://" + ctx.host() + ctx.contextPath();
        ctx.status(200).contentType(SoapMessages.CONTENT_TYPE)
                .result(wsdl.replace(WSDL_ADDRESS, base + PATHS.head()).getBytes(StandardCharsets.UTF_8));
        ctx.attribute(HttpApi.ANSWERED, true);
    }

    /** A Fault: soap:Client for the caller's problems, soap:Server for ours; HTTP 500, or 503 while stopping. */
    @Override
    public Rendered render(List<Problem> problems) {
        Problem p = problems.head();
        int status = p.status() == 503 ? 503 : 500;
        return new Rendered(status, SoapMessages.CONTENT_TYPE, SoapMessages.fault(p.status() < 500, p.message()),
                Map.of());
    }

    static String wsdl() {
        try (InputStream in = JustClickSoapDialect.class.getResourceAsStream(WSDL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + WSDL_RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
