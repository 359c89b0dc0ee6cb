package dev.cofre.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.NumericChars;
import net.jqwik.api.constraints.StringLength;

class SecurityCodeTest {

    @Example
    void amex_takes_four_digits_and_every_other_brand_three() {
        assertTrue(SecurityCode.parse("cvv", "1234", Brand.AMEX).isRight());
        assertTrue(SecurityCode.parse("cvv", "123", Brand.AMEX).isLeft());
        assertTrue(SecurityCode.parse("cvv", "123", Brand.VISA).isRight());
        assertEquals("cvv: must have 3 digits for Visa", SecurityCode.parse("cvv", "1234", Brand.VISA).getLeft().message());
        assertEquals("cvv: must contain only digits", SecurityCode.parse("cvv", "12a", Brand.VISA).getLeft().message());
    }

    @Property
    void neither_to_string_nor_an_error_shows_the_code(@ForAll @NumericChars @StringLength(min = 3, max = 4) String cvv) {
        var parsed = SecurityCode.parse("cvv", cvv, cvv.length() == 4 ? Brand.AMEX : Brand.VISA).get();
        assertFalse(parsed.toString().contains(cvv));
        assertFalse(SecurityCode.parse("cvv", cvv, cvv.length() == 4 ? Brand.VISA : Brand.AMEX)
                .getLeft().message().contains(cvv));
    }
}
