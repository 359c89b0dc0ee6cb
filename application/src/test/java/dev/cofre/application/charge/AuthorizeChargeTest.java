package dev.cofre.application.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.AcquirerAnswer.Kind;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.CardSource;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeFixtures;
import dev.cofre.domain.charge.ChargeStatus;
import dev.cofre.domain.charge.CreditCardPayment;
import dev.cofre.domain.charge.PaymentType;
import dev.cofre.domain.charge.Rejection;
import dev.cofre.domain.charge.ThreeDSecure;
import dev.cofre.domain.charge.TransactionStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuthorizeChargeTest {

    private final ScriptedAcquirer acquirer = new ScriptedAcquirer();
    private final ChargeWorld world = new ChargeWorld(acquirer);

    @Test
    void aCardChargedWithTheDefaultOperationIsCapturedAndPaid() {
        var charge = world.authorize("k1", 2990, ChargeWorld.card("4000000000000010", null)).get();
        assertEquals(TransactionStatus.CAPTURED, charge.lastTransaction().status());
        assertEquals(ChargeStatus.PAID, charge.status());
        assertEquals(Amount.of(2990), charge.money().captured());
        assertEquals(PaymentType.PAN, charge.card().paymentType());
        assertEquals("0010", charge.card().card().lastFour());
    }

    @Test
    void anAuthOnlyChargeWaitsForItsCaptureAsPending() {
        var charge = world.authorize("k1", 2990, ChargeWorld.card("4000000000000010", "auth_only")).get();
        assertEquals(TransactionStatus.AUTHORIZED_PENDING_CAPTURE, charge.lastTransaction().status());
        assertEquals(ChargeStatus.PENDING, charge.status());
        assertEquals(Amount.ZERO, charge.money().captured());
    }

    @Test
    void aDeclinedCardIsNotAuthorizedAndTheChargeFailed() {
        acquirer.next(Kind.DECLINED);
        var charge = world.authorize("k1", 2990, ChargeWorld.card("4000000000000028", null)).get();
        assertEquals(TransactionStatus.NOT_AUTHORIZED, charge.lastTransaction().status());
        assertEquals(ChargeStatus.FAILED, charge.status());
    }

    @Test
    void anAcquirerThatDoesNotAnswerLeavesTheChargeWithErrorNotDeclined() {
        acquirer.next(Kind.UNKNOWN, Kind.APPROVED);
        var charge = world.authorize("k1", 2990, ChargeWorld.card("4000000000000036", null)).get();
        assertEquals(TransactionStatus.WITH_ERROR, charge.lastTransaction().status());
        assertEquals(ChargeStatus.PROCESSING, charge.status());
        world.reconcile.reconcile();
        assertEquals(TransactionStatus.CAPTURED, world.reload(charge).lastTransaction().status());
    }

    @Test
    void aVaultedCardIsChargedByItsToken() {
        var reference = world.vault(world.merchant, "4551870000000183", false);
        var charge = world.authorize("k1", 2990, ChargeWorld.cardId(reference, "auth_only")).get();
        assertEquals(TransactionStatus.AUTHORIZED_PENDING_CAPTURE, charge.lastTransaction().status());
        assertEquals(CardSource.Kind.CARD_ID, charge.card().source());
        assertEquals(reference, charge.card().vaulted().get());
    }

    @Test
    void anotherMerchantsVaultedCardIsNotFound() {
        var reference = world.vault(world.otherMerchant, "4551870000000183", false);
        var result = world.authorize("k1", 2990, ChargeWorld.cardId(reference, null));
        assertInstanceOf(ChargeError.CardNotFound.class, result.getLeft());
        assertEquals(0, acquirer.calls());
    }

    @Test
    void aSuspendedVaultedCardFailsWithoutAskingTheAcquirer() {
        var reference = world.vault(world.merchant, "4551870000000183", true);
        var charge = world.authorize("k1", 2990, ChargeWorld.cardId(reference, null)).get();
        assertEquals(TransactionStatus.FAILED, charge.lastTransaction().status());
        assertEquals(Rejection.TOKEN_NOT_ACTIVE, charge.lastTransaction().rejection().get());
        assertEquals(0, acquirer.calls());
    }

    @Test
    void anExpiredCardFailsWithoutAskingTheAcquirer() {
        var cc = ChargeWorld.card("4000000000000010", 10, 2026, "353", null);
        var charge = world.authorize("k1", 2990, cc).get();
        assertEquals(TransactionStatus.FAILED, charge.lastTransaction().status());
        assertEquals(Rejection.CARD_EXPIRED, charge.lastTransaction().rejection().get());
        assertEquals(0, acquirer.calls());
    }

    @Test
    void aCardTokenIsGoodForOneChargeOnly() {
        var token = world.cardToken("5555555555554444");
        var first = world.authorize("k1", 2990, ChargeWorld.cardToken(token, null));
        assertEquals(TransactionStatus.CAPTURED, first.get().lastTransaction().status());
        var second = world.authorize("k2", 2990, ChargeWorld.cardToken(token, null));
        assertInstanceOf(ChargeError.CardTokenNotFound.class, second.getLeft());
        assertEquals(1, acquirer.calls());
    }

    @Test
    void theSameIdempotencyKeyGetsTheFirstChargeBackWithoutASecondAuthorization() {
        var first = world.authorize("k1", 2990, ChargeWorld.card("4000000000000010", null)).get();
        var again = world.authorize("k1", 2990, ChargeWorld.card("4000000000000010", null)).get();
        assertEquals(first.id(), again.id());
        assertEquals(1, acquirer.calls());
    }

    @Test
    void anOrderIsChargedTheSumOfItsItems() {
        var pay = ChargeWorld.card("4000000000000010", null);
        var command = new AuthorizeCharge.Command("k1", List.of(
                new AuthorizeCharge.Item("Chaveiro do Tesseract", 2990L, 2),
                new AuthorizeCharge.Item("Escudo", 1000L, 1)), pay.card(), pay.payment());
        var charge = world.authorize.authorize(world.merchant, command).get();
        assertEquals(Amount.of(6980), charge.amount());
    }

    @Test
    void aChargeWithoutACardIsRefusedNamingTheField() {
        var result = world.authorize("k1", 2990, new ChargeWorld.Pay(null, ChargeWorld.options(null)));
        assertTrue(((InvalidInput) result.getLeft()).errors().exists(e -> e.field().equals("card")));
        assertEquals(0, acquirer.calls());
    }

    @Test
    void preAuthIsRefusedForAMerchantWithoutIt() {
        var result = world.authorize.authorize(ChargeFixtures.psp(),
                ChargeWorld.order("k1", 2990, ChargeWorld.card("4000000000000010", "pre_auth")));
        assertTrue(((InvalidInput) result.getLeft()).errors().exists(e -> e.field().equals("operation_type")));
    }

    @Test
    void aPspMerchantMayNotSendThreeDSecure() {
        var cc = ChargeWorld.card("4000000000000010", null).with(new CreditCardPayment.Fields(null, 1, null, null,
                null, null, null, null, new ThreeDSecure.Fields("threed_secure", "third_party", "05",
                "BwABBylVaQAAAAFwllVpAAAAAAA=", "9345dcf2", null, "2")));
        var psp = world.authorize.authorize(ChargeFixtures.psp(), ChargeWorld.order("k1", 2990, cc));
        assertTrue(((InvalidInput) psp.getLeft()).errors().exists(e -> e.field().equals("authentication")));
        var gateway = world.authorize("k2", 2990, cc).get();
        assertTrue(gateway.payment().authentication().get().liabilityShifted());
    }

    @Test
    void invalidInputChangesNothingAndNeverEchoesTheCardNumberOrCode() {
        var cc = ChargeWorld.card("4000000000000011", 1, 30, "35311", null)
                .with(new CreditCardPayment.Fields(null, 0, null, null, null, null, null, null, null));
        var result = world.authorize("k1", 2990, cc);
        assertTrue(result.isLeft());
        assertFalse(result.getLeft().message().contains("4000000000000011"));
        assertFalse(result.getLeft().message().contains("35311"));
        assertEquals(0, acquirer.calls());
        assertTrue(world.charges.inDoubt().isEmpty());
    }

    @Test
    void neitherTheChargeNorTheCommandPrintsTheCardNumberOrCode() {
        var cc = ChargeWorld.card("4000000000000010", null);
        var charge = world.authorize("k1", 2990, cc).get();
        for (String printed : List.of(charge.toString(), charge.transactions().toString(), charge.card().toString(),
                ChargeWorld.order("k1", 2990, cc).toString())) {
            assertFalse(printed.contains("4000000000000010"), printed);
            assertFalse(printed.contains("353"), printed);
        }
    }

    @Test
    void everyInvalidFieldOfAnOrderIsReportedAtOnce() {
        var command = new AuthorizeCharge.Command("", List.of(
                new AuthorizeCharge.Item(" ", 100L, 1),
                new AuthorizeCharge.Item("Escudo", 100L, 0)),
                new CardInput.PresentedCard("4000000000000011", "", 13, 30, "12a"),
                new CreditCardPayment.Fields("sometimes", 0, null, null, null, null, null, null, null));

        var error = (InvalidInput) world.authorize.authorize(world.merchant, command).getLeft();

        assertEquals(java.util.Set.of("idempotencyKey", "items[0].description", "items[1].quantity", "card.number",
                        "card.holder_name", "card.exp_month", "card.cvv", "installments", "operation_type"),
                error.errors().map(InvalidInput.FieldError::field).toJavaSet());
        assertEquals(0, acquirer.calls());
        assertTrue(world.charges.inDoubt().isEmpty());
    }

    @Test
    void aVaultedCardsBrandRulesAreCheckedOnceItIsFoundAndNothingIsCharged() {
        var reference = world.vault(world.merchant, "4551870000000183", false);
        var tooMany = ChargeWorld.cardId(reference, null)
                .with(new CreditCardPayment.Fields(null, 13, null, null, null, null, null, null, null));

        var error = (InvalidInput) world.authorize("k1", 2990, tooMany).getLeft();

        assertEquals(List.of("installments"), error.errors().map(InvalidInput.FieldError::field).toJavaList());
        assertEquals(0, acquirer.calls());
        var corrected = world.authorize("k1", 2990, ChargeWorld.cardId(reference, null));
        assertTrue(corrected.isRight(), "a refused request does not keep its idempotency key");
    }

    @Test
    void authorizationsRacingUnderOneKeyAskTheAcquirerOnceAndAllGetThatCharge() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.Callable<io.vavr.control.Either<dev.cofre.domain.DomainError, dev.cofre.domain.charge.Charge>>
                    authorize = () -> world.authorize("same-key", 2990, ChargeWorld.card("4000000000000010", null));
            var ids = new java.util.HashSet<String>();
            for (var result : pool.invokeAll(java.util.Collections.nCopies(8, authorize))) {
                ids.add(result.get().get().id().value());
            }
            assertEquals(1, ids.size());
        } finally {
            pool.shutdown();
        }
        assertEquals(1, acquirer.calls());
    }

    @Test
    void theSameKeyWithAnotherOrderIsRefusedAndNothingIsCharged() {
        world.authorize("k1", 2990, ChargeWorld.card("4000000000000010", null)).get();

        var other = world.authorize("k1", 3000, ChargeWorld.card("4000000000000010", null));

        assertInstanceOf(dev.cofre.domain.idempotency.IdempotencyError.KeyReused.class, other.getLeft());
        assertEquals(765, other.getLeft().code());
        assertEquals(1, acquirer.calls());
    }
}
