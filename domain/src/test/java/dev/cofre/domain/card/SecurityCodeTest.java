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

    @Example
    void a_charge_accepts_three_or_four_digits_for_every_brand_but_amex_which_needs_four() {
        assertTrue(SecurityCode.parseForCharge("card.cvv", "3531", Brand.VISA).isRight(), "seed 002's example");
        assertTrue(SecurityCode.parseForCharge("card.cvv", "353", Brand.VISA).isRight());
        assertTrue(SecurityCode.parseForCharge("card.cvv", "1234", Brand.AMEX).isRight());
        assertEquals("card.cvv: must have 4 digits for Amex",
                SecurityCode.parseForCharge("card.cvv", "123", Brand.AMEX).getLeft().message());
        assertEquals("card.cvv: must have 3 or 4 digits",
                SecurityCode.parseForCharge("card.cvv", "12345", Brand.VISA).getLeft().message());
        assertEquals("card.cvv: must contain only digits",
                SecurityCode.parseForCharge("card.cvv", "35a1", Brand.VISA).getLeft().message());
    }
}
