package dev.cofre.bootstrap;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * What an error body looks like in each dialect, by the path prefix the dialect owns: the one place
 * the hostile-input tests, the fuzz suite and the leak suite ask "is this error in the format of the
 * dialect whose path it was?". A new dialect is one line here; a path no line names is the vault's.
 */
final class DialectFormats {

    private static final Predicate<String> VAULT = b -> b.startsWith("[") && b.contains("\"Code\"");
    private static final Predicate<String> MERCADO_PAGO = b -> b.startsWith("{") && b.contains("\"cause\"")
            && b.contains("\"status\"");

    /** Longest prefixes first, so that {@code /v1/customers} is Mercado Pago's before {@code /v1} is the vault's. */
    private static final Map<String, Format> BY_PREFIX = new LinkedHashMap<>();

    static {
        add("/core/v5", "Pagar.me", b -> b.startsWith("{") && b.contains("\"message\"") && !b.contains("\"cause\""));
        add("/v1/customers", "Mercado Pago", MERCADO_PAGO);
        add("/v1/card_tokens", "Mercado Pago", MERCADO_PAGO);
        add("/v1/payments", "Mercado Pago", MERCADO_PAGO); // once the payments routes are merged
        add("/v2/cartaoprotegido.asmx", "SOAP Fault", b -> b.contains("soap:Envelope") && b.contains("<faultcode>"));
        add("/justclick", "JustClick", b -> b.contains("\"Success\":false"));
        add("/oauth2", "OAuth", b -> b.startsWith("{") && b.contains("\"error\""));
        add("/1/", "Cielo", b -> b.startsWith("[") && b.contains("\"Code\"") && b.contains("\"Message\""));
    }

    record Format(String name, Predicate<String> matches) {
    }

    private DialectFormats() {
    }

    private static void add(String prefix, String name, Predicate<String> matches) {
        BY_PREFIX.put(prefix.toLowerCase(Locale.ROOT), new Format(name, matches));
    }

    /** The error format of the dialect {@code path} belongs to (the vault's when none other owns it). */
    static Format of(String path) {
        String p = path.toLowerCase(Locale.ROOT);
        return BY_PREFIX.entrySet().stream().filter(e -> p.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(new Format("vault", VAULT));
    }

    /** Whether {@code body} is an error in the format of the dialect {@code path} belongs to. */
    static boolean matches(String path, String body) {
        return of(path).matches().test(body.strip());
    }
}
