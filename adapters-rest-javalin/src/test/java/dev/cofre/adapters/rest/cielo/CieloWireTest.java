package dev.cofre.adapters.rest.cielo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.SecureIds;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.TransactionStatus;
import io.vavr.control.Option;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CieloWireTest {

    private static final SecureIds IDS = new SecureIds();

    @RepeatedTest(200)
    void a_PaymentId_is_a_version_4_GUID_that_names_its_charge_and_nothing_else() {
        ChargeId charge = new ChargeId(IDS.prefixed("ch_", 16));
        UUID paymentId = PaymentIds.of(charge);

        assertEquals(4, paymentId.version());
        assertEquals(2, paymentId.variant());
        assertEquals(Option.some(charge), PaymentIds.charge(paymentId.toString()));
        assertEquals(Option.some(charge), PaymentIds.charge(paymentId.toString().toUpperCase()));
        String hex = paymentId.toString();
        char last = hex.charAt(hex.length() - 1);
        String tampered = hex.substring(0, hex.length() - 1) + (last == '0' ? '1' : '0');
        assertEquals(Option.none(), PaymentIds.charge(tampered), "a changed digit names no charge");
    }

    @Test
    void a_GUID_Cofre_did_not_issue_or_no_GUID_at_all_names_no_charge() {
        for (int i = 0; i < 100; i++) {
            assertTrue(PaymentIds.charge(UUID.randomUUID().toString()).isEmpty());
        }
        assertTrue(PaymentIds.charge("nope").isEmpty());
        assertTrue(PaymentIds.charge(null).isEmpty());
        assertTrue(PaymentIds.charge("ffffffff-ffff-4fff-8fff-ffffffffffff").isEmpty());
    }

    @Test
    void every_one_of_the_engines_14_statuses_has_one_of_the_vendors_numbers() {
        Map<TransactionStatus, Integer> table = Stream.of(TransactionStatus.values())
                .collect(Collectors.toMap(s -> s, SaleResponses::status));

        assertEquals(14, table.size());
        assertEquals(Set.of(1, 2, 3, 10, 11, 12, 13), Set.copyOf(table.values()));
        assertEquals(1, table.get(TransactionStatus.AUTHORIZED_PENDING_CAPTURE));
        assertEquals(2, table.get(TransactionStatus.CAPTURED));
        assertEquals(3, table.get(TransactionStatus.NOT_AUTHORIZED));
        assertEquals(10, table.get(TransactionStatus.VOIDED));
        assertEquals(11, table.get(TransactionStatus.REFUNDED));
        assertEquals(12, table.get(TransactionStatus.WITH_ERROR), "in doubt until reconciled: pending, never denied");
        assertEquals(13, table.get(TransactionStatus.FAILED));
        Stream.of(TransactionStatus.values()).filter(TransactionStatus::isInDoubt)
                .forEach(s -> assertEquals(12, table.get(s), s.name()));
    }
}
