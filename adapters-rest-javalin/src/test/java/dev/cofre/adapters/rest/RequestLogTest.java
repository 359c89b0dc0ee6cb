package dev.cofre.adapters.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.FloatRange;
import org.junit.jupiter.api.Test;

/** The request log's duration: milliseconds to one decimal, as the log line has always printed them. */
class RequestLogTest {

    @Test
    void durations_print_with_one_decimal() {
        assertEquals("0.0", HttpApi.tenths(0f));
        assertEquals("0.0", HttpApi.tenths(0.04f));
        assertEquals("2.5", HttpApi.tenths(2.5f));
        assertEquals("12.4", HttpApi.tenths(12.37f));
        assertEquals("1000.0", HttpApi.tenths(999.99f));
        assertEquals("0.0", HttpApi.tenths(-1f), "a clock step backwards never prints a negative duration");
    }

    @Property
    void a_printed_duration_is_within_half_a_tenth_of_the_measured_one(@ForAll @FloatRange(min = 0, max = 600_000) float millis) {
        String printed = HttpApi.tenths(millis);
        assertTrue(printed.matches("\\d+\\.\\d"), printed);
        assertTrue(Math.abs(Double.parseDouble(printed) - millis) <= 0.05 + millis * 1e-6, millis + " printed as " + printed);
    }
}
