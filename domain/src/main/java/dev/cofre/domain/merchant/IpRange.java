package dev.cofre.domain.merchant;

import dev.cofre.domain.InvalidInput;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.net.InetAddress;

/** An allow-listed network in CIDR form ({@code 203.0.113.0/24}, {@code ::1/128}, or one address). */
public record IpRange(byte[] network, int prefixLength) {

    /** Keeps a copy of its own, so a caller's array can never change the range afterwards. */
    public IpRange {
        network = network.clone();
        if (network.length != 4 && network.length != 16) {
            throw new IllegalArgumentException("an IP network has 4 or 16 bytes");
        }
        if (prefixLength < 0 || prefixLength > network.length * 8) {
            throw new IllegalArgumentException("prefix length out of range");
        }
    }

    /** A copy of the network's address bytes: the range itself cannot be changed through it. */
    @Override
    public byte[] network() {
        return network.clone();
    }

    private static final java.util.regex.Pattern LITERAL = java.util.regex.Pattern.compile("[0-9A-Fa-f:.]+");

    public static Either<InvalidInput, IpRange> parse(String field, String cidr) {
        if (cidr == null || cidr.isBlank()) {
            return Either.left(InvalidInput.missing(field));
        }
        String[] parts = cidr.trim().split("/", 2);
        var address = literal(parts[0]);
        if (address.isEmpty()) {
            return Either.left(InvalidInput.of(field, "must be an IP address or a CIDR range"));
        }
        byte[] bytes = address.get().getAddress();
        int max = bytes.length * 8;
        int prefix = max;
        if (parts.length == 2) {
            prefix = Try.of(() -> Integer.parseInt(parts[1])).getOrElse(-1);
            if (prefix < 0 || prefix > max) {
                return Either.left(InvalidInput.of(field, "prefix length must be between 0 and " + max));
            }
        }
        return Either.right(new IpRange(bytes, prefix));
    }

    /** An IP address written as one (never a host name: nothing is looked up), or none. */
    public static io.vavr.control.Option<InetAddress> literal(String text) {
        if (text == null || text.length() > 45 || !LITERAL.matcher(text).matches()) {
            return io.vavr.control.Option.none();
        }
        return Try.of(() -> InetAddress.getByName(text)).toOption();
    }

    public boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xFF << (8 - rest) & 0xFF;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /** CIDR notation, as configured. */
    public String cidr() {
        return Try.of(() -> InetAddress.getByAddress(network).getHostAddress()).get() + "/" + prefixLength;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange other && other.cidr().equals(cidr());
    }

    @Override
    public int hashCode() {
        return cidr().hashCode();
    }

    @Override
    public String toString() {
        return cidr();
    }
}
