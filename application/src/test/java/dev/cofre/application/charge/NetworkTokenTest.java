package dev.cofre.application.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.inmemory.InMemoryCryptogramHasher;
import dev.cofre.application.inmemory.InMemorySpentCryptograms;
import dev.cofre.domain.charge.Cryptogram;
import dev.cofre.domain.charge.PaymentType;
import dev.cofre.domain.charge.Rejection;
import dev.cofre.domain.charge.TransactionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class NetworkTokenTest {

    private final ScriptedAcquirer acquirer = new ScriptedAcquirer();
    private final ChargeWorld world = new ChargeWorld(acquirer);

    @Test
    void aNetworkTokenIsChargedAsAToken() {
        var charge = world.authorize("k1", 2990, ChargeWorld.networkToken("ANfQt43bddROAAEnSAMhAAADFA====", null)).get();
        assertEquals(TransactionStatus.CAPTURED, charge.lastTransaction().status());
        assertEquals(PaymentType.TOKEN, charge.card().paymentType());
        assertEquals("Token", charge.card().paymentType().wireName());
    }

    @Test
    void aCryptogramIsSpentByItsFirstChargeAndAReusedOneFailsTheSecond() {
        var first = world.authorize("k1", 2990, ChargeWorld.networkToken("ANfQt43bddROAAEnSAMhAAADFA====", null)).get();
        var second = world.authorize("k2", 2990, ChargeWorld.networkToken("ANfQt43bddROAAEnSAMhAAADFA====", null)).get();
        assertEquals(TransactionStatus.CAPTURED, first.lastTransaction().status());
        assertEquals(TransactionStatus.FAILED, second.lastTransaction().status());
        assertEquals(Rejection.CRYPTOGRAM_ALREADY_USED, second.lastTransaction().rejection().get());
        assertEquals(1, acquirer.calls());
    }

    @Test
    void aCryptogramDeclinedByTheAcquirerIsStillSpent() {
        acquirer.next(dev.cofre.domain.charge.AcquirerAnswer.Kind.DECLINED);
        world.authorize("k1", 2990, ChargeWorld.networkToken("crypto-A", null)).get();
        var retry = world.authorize("k2", 2990, ChargeWorld.networkToken("crypto-A", null)).get();
        assertEquals(TransactionStatus.FAILED, retry.lastTransaction().status());
    }

    @Test
    void aNetworkTokenWithoutCryptogramsIsRefused() {
        var cc = new ChargeWorld.Pay(new CardInput.NetworkToken("4190000000000010", "Tony Stark", 1, 30,
                java.util.List.of()), ChargeWorld.options(null));
        assertTrue(world.authorize("k1", 2990, cc).isLeft());
        assertEquals(0, acquirer.calls());
    }

    @Test
    void theSpentCryptogramStoreKeepsAKeyedHashNeverTheCryptogram() {
        var hasher = new InMemoryCryptogramHasher();
        var cryptogram = Cryptogram.parse("c", "ANfQt43bddROAAEnSAMhAAADFA====").get();
        var digest = hasher.digest(cryptogram);
        assertFalse(digest.hex().contains("ANfQt43"));
        assertEquals(digest, hasher.digest(Cryptogram.parse("c", "ANfQt43bddROAAEnSAMhAAADFA====").get()));
        var store = new InMemorySpentCryptograms();
        assertTrue(store.spend(digest, Instant.now()));
        assertFalse(store.spend(digest, Instant.now()));
        assertEquals("Cryptogram[***]", cryptogram.toString());
    }
}
