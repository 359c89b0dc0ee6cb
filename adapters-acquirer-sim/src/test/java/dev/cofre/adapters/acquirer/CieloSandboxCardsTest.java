package dev.cofre.adapters.acquirer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.card.CardExpiry;
import dev.cofre.domain.card.CardHolder;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.OperationType;
import dev.cofre.domain.charge.PaymentType;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Option;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Cielo sandbox's last-digit convention, as the README's test-card table says, and only in its range. */
class CieloSandboxCardsTest {

    private final AcquirerSimulator simulator = new AcquirerSimulator();
    private final MerchantId merchant = new MerchantId(UUID.randomUUID());

    private AcquirerAnswer authorize(String number, OperationType type, String operation) {
        var card = new Acquirer.ChargeableCard(Pan.parse(number).get(), new CardHolder("Comprador Teste"),
                CardExpiry.of(2030, 12), Option.none());
        return simulator.authorize(new Acquirer.AuthorizationRequest(new TransactionId(operation), merchant,
                Amount.of(1500), type, PaymentType.PAN, card, 1, Option.none(), Option.none(), Option.none()));
    }

    @ParameterizedTest(name = "{0}: {1} {2}")
    @CsvSource({
            "4024007100000040, Approved, 4",
            "4024007100000081, Approved, 4",
            "4024007100000024, Approved, 4",
            "4024007100000032, Declined, 05",
            "4024007100000073, Declined, 57",
            "4024007100000065, Declined, 78",
            "4024007100000016, Declined, 99",
            "4024007100000057, Declined, 77",
            "4024007100000008, Declined, 70"})
    void the_last_digit_decides(String number, String answer, String returnCode) {
        AcquirerAnswer a = authorize(number, OperationType.AUTH_ONLY, "tran_" + number);

        assertEquals(answer, a.getClass().getSimpleName());
        assertEquals(returnCode, a.receipt().get().returnCode());
        assertEquals(a instanceof AcquirerAnswer.Approved, !a.receipt().get().authCode().isEmpty(),
                "an authorization code only for an approval");
    }

    @Test
    void an_approval_captured_at_once_says_6_and_the_random_digit_always_answers_one_operation_alike() {
        assertEquals("6", authorize("4024007100000081", OperationType.AUTH_AND_CAPTURE, "tran_a").receipt().get()
                .returnCode());
        String first = authorize("4024007100000099", OperationType.AUTH_ONLY, "tran_random").getClass().getSimpleName();
        assertEquals(first, authorize("4024007100000099", OperationType.AUTH_ONLY, "tran_random").getClass()
                .getSimpleName());
    }

    @Test
    void cards_outside_the_sandbox_range_keep_the_simulators_own_answers() {
        // 4551870000000183 ends in 3 (the sandbox's "expired"), 5555555555554444 in 4, 4000000000000028 in 8
        assertInstanceOf(AcquirerAnswer.Approved.class, authorize("4551870000000183", OperationType.AUTH_ONLY, "tran_1"));
        assertInstanceOf(AcquirerAnswer.Declined.class, authorize("4000000000000028", OperationType.AUTH_ONLY, "tran_2"));
        assertEquals("05", authorize("4000000000000028", OperationType.AUTH_ONLY, "tran_3").receipt().get().returnCode());
        assertTrue(CieloSandboxCards.of("4551870000000183", OperationType.AUTH_ONLY, new TransactionId("tran_t")).isEmpty());
        assertFalse(CieloSandboxCards.of("4024007100000073", OperationType.AUTH_ONLY, new TransactionId("tran_t")).isEmpty());
    }
}
