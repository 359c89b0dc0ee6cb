package dev.cofre.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.domain.merchant.IpRange;
import io.vavr.collection.List;
import java.net.InetAddress;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The card-read allow-list sees the TCP peer, unless a trusted proxy vouches for the address it forwards. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ClientAddressTest {

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    @Test
    void without_trusted_proxies_X_Forwarded_For_is_never_read() throws Exception {
        var none = new ClientAddress(List.empty());
        assertEquals(ip("203.0.113.9"), none.of("203.0.113.9", "127.0.0.1"));
        assertEquals(ip("127.0.0.1"), none.of("127.0.0.1", "10.1.2.3"));
    }

    @Test
    void a_trusted_proxy_is_believed_about_the_nearest_untrusted_hop_only() throws Exception {
        var proxies = new ClientAddress(List.of(IpRange.parse("p", "10.0.0.0/8").get()));
        assertEquals(ip("198.51.100.7"), proxies.of("10.0.0.1", "198.51.100.7"));
        assertEquals(ip("198.51.100.7"), proxies.of("10.0.0.1", "127.0.0.1, 198.51.100.7, 10.0.0.2"),
                "what the client itself wrote to the left is not believed");
        assertEquals(ip("10.0.0.1"), proxies.of("10.0.0.1", null));
        assertEquals(ip("10.0.0.1"), proxies.of("10.0.0.1", "not-an-address"), "garbage: the proxy itself");
        assertEquals(ip("203.0.113.9"), proxies.of("203.0.113.9", "10.0.0.5"), "an untrusted peer's header is ignored");
    }

    @Test
    void names_are_never_looked_up() {
        assertEquals(null, new ClientAddress(List.empty()).of("localhost", null));
    }
}
