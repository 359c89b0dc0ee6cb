package dev.cofre.domain.merchant;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.net.InetAddress;

/**
 * The reverse proxies whose {@code X-Forwarded-For} may be believed. A request's source is the
 * socket's address; only when that address is a trusted proxy is the header read, from the right,
 * and the first address in it that is not itself a trusted proxy is the source. Anyone else can
 * write any header, so with no trusted proxy the header is never read.
 */
public record TrustedProxies(List<IpRange> proxies) {

    public static final TrustedProxies NONE = new TrustedProxies(List.empty());

    /** The source of a request that came from {@code socketAddress} with this X-Forwarded-For (or null). */
    public Option<InetAddress> source(String socketAddress, String forwardedFor) {
        Option<InetAddress> socket = IpRange.literal(strip(socketAddress));
        if (socket.isEmpty() || !trusts(socket.get()) || forwardedFor == null) {
            return socket;
        }
        for (String hop : List.of(forwardedFor.split(",")).reverse()) {
            Option<InetAddress> address = IpRange.literal(strip(hop));
            if (address.isEmpty()) {
                return socket; // a hop we cannot read: believe nothing further left
            }
            if (!trusts(address.get())) {
                return address;
            }
        }
        return socket;
    }

    /** Whether {@code address} is one of the trusted proxies. */
    public boolean trusts(InetAddress address) {
        return proxies.exists(range -> range.contains(address));
    }

    private static String strip(String address) {
        return address == null ? null : address.strip().replace("[", "").replace("]", "");
    }
}
