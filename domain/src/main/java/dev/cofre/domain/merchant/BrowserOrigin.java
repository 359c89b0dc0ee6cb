package dev.cofre.domain.merchant;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import java.net.URI;
import java.util.Locale;

/**
 * A web origin ({@code https://shop.example}, {@code http://localhost:8080}) whose pages may create card
 * tokens with a merchant's publishable key: what a browser sends as {@code Origin}. Scheme and host are
 * lower-cased and a default port dropped, as browsers print it; never a wildcard, a path or a user.
 */
public record BrowserOrigin(String value) {

    public BrowserOrigin {
        if (value == null || !value.equals(normalised(value))) {
            throw new IllegalArgumentException("not a normalised origin");
        }
    }

    /** {@code raw} as an origin, or why it is not one (the value is not echoed: it may be anything). */
    public static Either<InvalidInput, BrowserOrigin> parse(String field, String raw) {
        String origin = raw == null ? null : normalised(raw.strip());
        return origin == null
                ? Either.left(InvalidInput.of(field, "must be an origin: http(s)://host[:port], no path, no wildcard"))
                : Either.right(new BrowserOrigin(origin));
    }

    /** Whether a browser's {@code Origin} header names this origin. */
    public boolean matches(String header) {
        return header != null && value.equals(normalised(header.strip()));
    }

    private static String normalised(String raw) {
        if (raw.isEmpty() || raw.length() > 255 || raw.contains("*")) {
            return null;
        }
        try {
            URI uri = new URI(raw);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null
                    || !(uri.getRawPath() == null || uri.getRawPath().isEmpty())) {
                return null;
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
