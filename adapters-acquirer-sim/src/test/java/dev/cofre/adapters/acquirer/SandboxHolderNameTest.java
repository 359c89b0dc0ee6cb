package dev.cofre.adapters.acquirer;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The vendor's sandbox holder names decide the answer whatever the card number; other names leave it to the number. */
class SandboxHolderNameTest {

    private final AcquirerSimulator simulator = new AcquirerSimulator();

    private AcquirerAnswer authorize(String number, String holder) {
        var card = new Acquirer.ChargeableCard(Pan.parse(number).get(), new CardHolder(holder), CardExpiry.of(2030, 1),
                Option.none());
        return simulator.authorize(new Acquirer.AuthorizationRequest(new TransactionId("tran_" + UUID.randomUUID()),
                new MerchantId(UUID.randomUUID()), Amount.of(1000), OperationType.AUTH_AND_CAPTURE, PaymentType.PAN,
                card, 1, Option.none(), Option.none(), Option.none()));
    }

    @ParameterizedTest(name = "{0} on {1}: {2} {3}")
    @CsvSource({
            "APRO, 4000000000000028, Approved, 00",
            "apro , 5555555555554444, Approved, 00",
            "OTHE, 5555555555554444, Declined, 05",
            "CONT, 5555555555554444, Pending, PE",
            "CALL, 5555555555554444, Declined, 01",
            "FUND, 4000000000000010, Declined, 51",
            "SECU, 5555555555554444, Declined, N7",
            "EXPI, 5555555555554444, Declined, 54",
            "FORM, 5555555555554444, Declined, 12",
            "Maria APRO, 4000000000000028, Declined, 05",
            "Maria Silva, 4000000000000051, Declined, 51",
            "Maria Silva, 5555555555554444, Approved, 00"})
    void the_holder_name_decides_before_the_card_number(String holder, String number, String answer, String code) {
        AcquirerAnswer a = authorize(number, holder);
        assertEquals(answer, a.getClass().getSimpleName());
        assertEquals(code, a.receipt().get().returnCode());
    }
}
