package dev.cofre.adapters.rest;

import io.javalin.http.Context;
import io.vavr.collection.List;

/** How one API dialect prints problems: the vault's error list, JustClick's ErrorReportCollection, OAuth's RFC 6749 error. */
public interface Dialect {

    /** Answers the request with {@code problems}; the first one's status is the response's. */
    void fail(Context ctx, List<Problem> problems);

    default void fail(Context ctx, Problem problem) {
        fail(ctx, List.of(problem));
    }
}
