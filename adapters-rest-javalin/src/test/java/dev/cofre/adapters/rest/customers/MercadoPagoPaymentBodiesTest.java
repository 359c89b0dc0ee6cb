package dev.cofre.adapters.rest.customers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Amounts in reais become integer cents exactly, or are refused: never rounded. */
class MercadoPagoPaymentBodiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static MercadoPagoBodies.Read<Long> refund(String amount) throws Exception {
        JsonNode body = JSON.readTree("{\"amount\":" + amount + "}");
        return MercadoPagoPaymentBodies.refund(body);
    }

    @Property
    void every_amount_with_at_most_two_decimals_is_its_exact_cents(
            @ForAll @LongRange(min = 1, max = 99_999_999_999L) long cents) throws Exception {
        String reais = BigDecimal.valueOf(cents, 2).toPlainString();
        var read = refund(reais);
        assertTrue(read.errors().isEmpty(), reais);
        assertEquals(cents, read.value(), reais);
    }

    @Property
    void a_third_decimal_is_refused_not_rounded(@ForAll @LongRange(min = 1, max = 9_999_999_999L) long mills) throws Exception {
        if (mills % 10 == 0) {
            return;
        }
        var read = refund(BigDecimal.valueOf(mills, 3).toPlainString());
        assertNull(read.value());
        assertEquals("amount", read.errors().head()[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-1", "0.001", "1.005", "\"10\"", "true", "1e20", "1000000000.00"})
    void zero_negative_too_precise_too_large_and_non_numbers_are_refused(String amount) throws Exception {
        var read = refund(amount);
        assertNull(read.value(), amount);
        assertEquals(1, read.errors().size(), amount);
    }

    @Test
    void common_shapes_of_the_same_amount_are_equal() throws Exception {
        for (String shape : new String[] {"100", "100.0", "100.00", "1E2", "100.000"}) {
            assertEquals(10_000L, refund(shape).value(), shape);
        }
        assertEquals(1999L, refund("19.99").value());
        assertEquals(1L, refund("0.01").value());
    }
}
