package dev.cofre.domain.card;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class CardExpiryProperties {

    @Provide
    Arbitrary<CardExpiry> expiries() {
        return CardArbitraries.expiries();
    }

    @Property
    void the_four_digit_form_round_trips(@ForAll("expiries") CardExpiry expiry) {
        assertEquals(expiry, CardExpiry.parse("e", expiry.format()).get());
    }

    @Property
    void the_two_digit_form_means_this_century(@ForAll("expiries") CardExpiry expiry) {
        if (expiry.month().getYear() > 2099) {
            return;
        }
        String twoDigits = String.format("%02d/%02d", expiry.month().getMonthValue(), expiry.month().getYear() % 100);
        assertEquals(expiry, CardExpiry.parse("e", twoDigits).get());
    }

    @Property
    void a_card_is_good_through_the_last_day_of_its_month(@ForAll("expiries") CardExpiry expiry) {
        LocalDate last = expiry.lastDay();
        assertEquals(expiry.month().getMonthValue(), last.getMonthValue());
        assertFalse(expiry.isExpiredOn(last));
        assertTrue(expiry.isExpiredOn(last.plusDays(1)));
        assertEquals(expiry.month().lengthOfMonth(), last.getDayOfMonth());
    }

    @Example
    void seed_dates_parse() {
        assertEquals(LocalDate.of(2021, 12, 31), CardExpiry.parse("e", "12/2021").get().lastDay());
        assertEquals(LocalDate.of(2019, 3, 31), CardExpiry.parse("e", "03/2019").get().lastDay());
        assertEquals(LocalDate.of(2030, 1, 31), CardExpiry.fromParts("e", 1, 30).get().lastDay());
        assertEquals(LocalDate.of(2024, 2, 29), CardExpiry.parse("e", "2/2024").get().lastDay());
    }

    @Example
    void bad_dates_are_refused_with_the_format() {
        assertEquals("e: must be in the format MM/YYYY", CardExpiry.parse("e", "2021-12").getLeft().message());
        assertEquals("e: month must be between 01 and 12", CardExpiry.parse("e", "13/2021").getLeft().message());
        assertEquals("e: must be in the format MM/YYYY", CardExpiry.parse("e", "12/021").getLeft().message());
    }
}
