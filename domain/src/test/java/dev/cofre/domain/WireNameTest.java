package dev.cofre.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.charge.CardSource;
import dev.cofre.domain.charge.ChargeStatus;
import dev.cofre.domain.charge.FundingSource;
import dev.cofre.domain.charge.InitiatedType;
import dev.cofre.domain.charge.OperationType;
import dev.cofre.domain.charge.PaymentType;
import dev.cofre.domain.charge.RecurrenceCycle;
import dev.cofre.domain.charge.RecurrenceModel;
import dev.cofre.domain.charge.TransactionStatus;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import io.vavr.control.Option;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireNameTest {

    /** Every enum the seeds print, each read back from its own word. */
    private static final List<Class<? extends Enum<?>>> EVERY_WIRE_ENUM = List.of(CardSource.Kind.class,
            ChargeStatus.class, FundingSource.class, InitiatedType.class, OperationType.class, PaymentType.class,
            RecurrenceCycle.class, RecurrenceModel.class, TransactionStatus.class, ChangeReason.class, ChangedBy.class);

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void every_value_is_read_back_from_its_wire_name_and_the_names_are_distinct() {
        for (Class type : EVERY_WIRE_ENUM) {
            var names = new java.util.HashSet<String>();
            for (Object value : type.getEnumConstants()) {
                String name = ((WireName) value).wireName();
                assertEquals(Option.some(value), WireName.find(type, name), type.getSimpleName() + " " + name);
                assertTrue(names.add(name), "two values of " + type.getSimpleName() + " print " + name);
            }
        }
    }

    @Test
    void the_words_are_the_seeds_spelling() {
        assertEquals("auth_and_capture", OperationType.AUTH_AND_CAPTURE.wireName());
        assertEquals("authorized_pending_capture", TransactionStatus.AUTHORIZED_PENDING_CAPTURE.wireName());
        assertEquals("card_id", CardSource.Kind.CARD_ID.wireName());
        assertEquals("PAN", PaymentType.PAN.wireName());
        assertEquals("Token", PaymentType.TOKEN.wireName());
        assertEquals("FraudSuspicion", ChangeReason.FRAUD_SUSPICION.wireName());
        assertEquals("CardHolder", ChangedBy.CARD_HOLDER.wireName());
    }

    @Test
    void an_unknown_word_names_every_accepted_one_and_matching_is_exact() {
        assertEquals("must be one of credit, debit, prepaid",
                WireName.parse(FundingSource.class, "funding_source", "CREDIT").getLeft().errors().head().reason());
        assertEquals(Option.none(), WireName.find(ChangedBy.class, null));
        assertEquals(Option.none(), WireName.find(ChangedBy.class, "merchant"));
    }
}
