package dev.cofre.adapters.rest.justclick;

import dev.cofre.adapters.rest.ApiDialect;
import dev.cofre.adapters.rest.Json;
import dev.cofre.adapters.rest.Problem;
import io.javalin.router.JavalinDefaultRoutingApi;
import io.vavr.collection.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Seed 004's JustClick methods as JSON over {@code POST /justclick/{Method}}: Cofre's own
 * convenience beside the SOAP web service real clients speak, running the same calls
 * ({@link JustClickCalls}). Every answer carries Success, the CorrelationId (the request's RequestId)
 * and an ErrorReportCollection with seed 004's codes, with the HTTP status the error means.
 */
public final class JustClickJsonDialect implements ApiDialect {

    private final JustClickCalls calls;

    JustClickJsonDialect(JustClickCalls calls) {
        this.calls = calls;
    }

    @Override
    public String name() {
        return "justclick-json";
    }

    @Override
    public List<String> paths() {
        return List.of("/justclick");
    }

    @Override
    public void routes(JavalinDefaultRoutingApi routes) {
        for (JustClickMethod method : JustClickMethod.values()) {
            routes.post("/justclick/" + method.name(), ctx -> {
                var answer = Json.read(ctx, method.requestType, null)
                        .fold(p -> JustClickCalls.unreadable(method, List.of(p)),
                                r -> calls.call(ctx, method, r));
                Json.write(ctx, answer.status(), body(answer));
            });
        }
    }

    /** The answer as JSON: the method's fields, then CorrelationId, Success and ErrorReportCollection. */
    static Map<String, Object> body(JustClickCalls.Answer answer) {
        var body = new LinkedHashMap<String, Object>(answer.fields());
        if (answer.correlationId() != null) {
            body.put("CorrelationId", answer.correlationId());
        }
        body.put("Success", answer.success());
        body.put("ErrorReportCollection", answer.errors().map(JustClickJsonDialect::report).toJavaList());
        return body;
    }

    private static Map<String, Object> report(Problem p) {
        var report = new LinkedHashMap<String, Object>();
        report.put("ErrorCode", p.code());
        report.put("ErrorMessage", p.message());
        return report;
    }

    @Override
    public Rendered render(List<Problem> problems) {
        var body = new LinkedHashMap<String, Object>();
        body.put("Success", false);
        body.put("ErrorReportCollection", problems.map(JustClickJsonDialect::report).toJavaList());
        return Rendered.json(problems.head().status(), body);
    }
}
