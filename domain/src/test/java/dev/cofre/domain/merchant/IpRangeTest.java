package dev.cofre.domain.merchant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import net.jqwik.api.Example;

class IpRangeTest {

    @Example
    void changing_the_network_bytes_it_hands_out_does_not_change_the_range() throws Exception {
        var range = IpRange.parse("ip", "203.0.113.0/24").get();
        byte[] handedOut = range.network();
        handedOut[0] = 10;
        assertTrue(range.contains(InetAddress.getByName("203.0.113.7")));
        assertFalse(range.contains(InetAddress.getByName("10.0.113.7")));
        assertEquals("203.0.113.0/24", range.cidr());
    }

    @Example
    void changing_the_array_it_was_made_from_does_not_change_the_range() throws Exception {
        byte[] bytes = {(byte) 192, 0, 2, 0};
        var range = new IpRange(bytes, 24);
        bytes[0] = 10;
        assertTrue(range.contains(InetAddress.getByName("192.0.2.1")));
        assertEquals("192.0.2.0/24", range.cidr());
    }
}
