package dev.cofre.adapters.rest;

import dev.cofre.domain.merchant.IpRange;
import io.javalin.http.Context;
import io.vavr.collection.List;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.net.InetAddress;

/**
 * The address a request comes from, for the card-read allow-list (731). It is the TCP peer's,
 * never a header's: {@code X-Forwarded-For} is read only when the peer is a trusted proxy named in
 * configuration, and then the nearest address in it that is not itself a trusted proxy is taken.
 */
public final class ClientAddress {

    private final List<IpRange> trustedProxies;

    public ClientAddress(List<IpRange> trustedProxies) {
        this.trustedProxies = trustedProxies;
    }

    /** The caller's address, or null when the peer's cannot be read. */
    public InetAddress of(Context ctx) {
        return of(ctx.req().getRemoteAddr(), ctx.header("X-Forwarded-For"));
    }

    /** The caller's address given the TCP peer's and the {@code X-Forwarded-For} header (null if absent). */
    InetAddress of(String remoteAddress, String forwarded) {
        InetAddress peer = parse(remoteAddress).getOrNull();
        if (peer == null || !trusted(peer)) {
            return peer;
        }
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        InetAddress client = peer;
        for (String hop : List.of(forwarded.split(",")).map(String::trim).reverse()) {
            var address = parse(hop);
            if (address.isEmpty()) {
                return client; // garbage in the chain: stop at the last address a trusted proxy vouched for
            }
            client = address.get();
            if (!trusted(client)) {
                return client;
            }
        }
        return client;
    }

    private boolean trusted(InetAddress address) {
        return trustedProxies.exists(r -> r.contains(address));
    }

    /** A literal IP address only: never a name lookup. */
    private static Option<InetAddress> parse(String raw) {
        if (raw == null) {
            return Option.none();
        }
        String s = raw.replace("[", "").replace("]", "").trim();
        if (s.isEmpty() || !s.matches("[0-9a-fA-F:.]+")) {
            return Option.none();
        }
        return Try.of(() -> InetAddress.getByName(s)).toOption();
    }
}
