package dev.cofre.adapters.rest;

import io.vavr.collection.List;

/**
 * The registry of dialects: the one place that says which dialect a path belongs to. Paths no
 * dialect owns (an unknown {@code /v1/...} or {@code /foo}) answer in the fallback's format.
 */
public final class Dialects {

    private final List<ApiDialect> dialects;
    private final ApiDialect fallback;

    public Dialects(List<ApiDialect> dialects, ApiDialect fallback) {
        this.dialects = dialects;
        this.fallback = fallback;
    }

    /** The dialect {@code path} belongs to, or the fallback. */
    public ApiDialect of(String path) {
        String p = path == null ? "" : path;
        return dialects.find(d -> d.owns(p)).getOrElse(fallback);
    }

    public List<ApiDialect> all() {
        return dialects;
    }

    /** Whether {@code path} is {@code prefix} itself or below it, ignoring case, as the vendor's platform does. */
    public static boolean under(String path, String prefix) {
        return path.regionMatches(true, 0, prefix, 0, prefix.length())
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/'
                || path.charAt(prefix.length()) == '?');
    }
}
