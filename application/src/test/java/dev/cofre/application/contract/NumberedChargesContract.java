package dev.cofre.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.charge.AuthorizeCharge;
import dev.cofre.application.charge.CardInput;
import dev.cofre.application.charge.Charging;
import dev.cofre.application.charge.ScriptedAcquirer;
import dev.cofre.application.inmemory.InMemoryCryptogramHasher;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeFixtures;
import dev.cofre.domain.charge.NumberedCharge;
import dev.cofre.domain.charge.NumberedCharges;
import dev.cofre.domain.merchant.Merchant;
import io.vavr.control.Option;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the payments API needs from its store of charge numbers: a number reads back with the payer and
 * references kept beside it, only for its merchant; a charge keeps the first number it was given (a
 * retried creation finds it); a number already another charge's is refused, so the caller picks another.
 */
public abstract class NumberedChargesContract {

    private static final Instant NOW = Instant.parse("2026-11-22T12:00:00.123456Z");

    /** The charge stores and the numbers, over one backing store. */
    public record Opened(ChargeContractStores stores, NumberedCharges numbers) {
    }

    private Opened opened;
    private final Merchant merchant = ChargeFixtures.gateway();
    private final Merchant other = ChargeFixtures.gateway();
    private Charging charging;

    protected abstract Opened openStores() throws Exception;

    @BeforeEach
    void open() throws Exception {
        opened = openStores();
        for (Merchant m : List.of(merchant, other)) {
            opened.stores().merchants().add(m, VaultFixtures.credentialsOf(m.id()));
        }
        charging = Charging.create(opened.stores().charging(), new TestCardCipher(), new InMemoryCryptogramHasher(),
                new ScriptedAcquirer(), Clock.fixed(NOW, ZoneOffset.UTC), new SecureIds(), Duration.ZERO);
    }

    @AfterEach
    void close() {
        opened.stores().close();
    }

    private Charge charge() {
        return charging.authorize().authorize(merchant, new AuthorizeCharge.Command(UUID.randomUUID().toString(),
                List.of(new AuthorizeCharge.Item("Camiseta", 2590L, 1)),
                new CardInput.PresentedCard("4000000000000010", "Maria Silva", 11, 2030, "123"), null)).get();
    }

    private NumberedCharge numbered(long number, Charge charge) {
        return new NumberedCharge(number, merchant.id(), charge.id(),
                new NumberedCharge.Payer(Option.some("customer"), Option.some("123456789-abcdefghijklmn"), Option.none()),
                Option.some("pedido-42"), Option.some("visa"), NOW);
    }

    @Test
    void a_number_reads_back_with_its_payer_and_references_for_its_merchant_only() {
        NumberedCharges numbers = opened.numbers();
        var row = numbered(4_190_472_501_076_842L, charge());

        assertEquals(Option.some(row), numbers.add(row));
        assertEquals(Option.some(row), numbers.find(merchant.id(), row.number()));
        assertTrue(numbers.find(other.id(), row.number()).isEmpty(), "another merchant's number is not found");
        assertTrue(numbers.find(merchant.id(), row.number() + 1).isEmpty());
    }

    @Test
    void a_charge_keeps_the_first_number_it_was_given() {
        NumberedCharges numbers = opened.numbers();
        Charge charge = charge();
        var first = numbered(1_000_000_001L, charge);
        numbers.add(first);

        assertEquals(Option.some(first), numbers.add(numbered(1_000_000_002L, charge)), "a retry finds the first");
        assertTrue(numbers.find(merchant.id(), 1_000_000_002L).isEmpty());
    }

    @Test
    void a_number_that_is_another_charges_is_refused() {
        NumberedCharges numbers = opened.numbers();
        var taken = numbered(NumberedCharge.MAX_NUMBER, charge());
        numbers.add(taken);
        Charge second = charge();

        assertTrue(numbers.add(numbered(NumberedCharge.MAX_NUMBER, second)).isEmpty());
        assertEquals(Option.some(taken), numbers.find(merchant.id(), NumberedCharge.MAX_NUMBER));
        var own = numbered(NumberedCharge.MAX_NUMBER - 1, second);
        assertEquals(Option.some(own), numbers.add(own));
    }
}
