package dev.cofre.application.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.cofre.domain.charge.AcquirerAnswer.Kind;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.idempotency.IdempotencyError;
import dev.cofre.domain.charge.ChargeStatus;
import dev.cofre.domain.charge.TransactionStatus;
import org.junit.jupiter.api.Test;

class CaptureVoidRefundTest {

    private final ScriptedAcquirer acquirer = new ScriptedAcquirer();
    private final ChargeWorld world = new ChargeWorld(acquirer);

    private Charge authorized(long amount) {
        return world.authorize("auth", amount, ChargeWorld.card("4000000000000010", "auth_only")).get();
    }

    @Test
    void aFullCaptureCapturesTheWholeAuthorization() {
        var charge = world.capture(authorized(10_000), null, "cap").get();
        assertEquals(TransactionStatus.CAPTURED, charge.lastTransaction().status());
        assertEquals(Amount.of(10_000), charge.money().captured());
        assertEquals(ChargeStatus.PAID, charge.status());
    }

    @Test
    void aPartialCaptureReleasesTheRestAndLeavesNothingToVoid() {
        var charge = world.capture(authorized(10_000), 6_000L, "cap").get();
        assertEquals(TransactionStatus.PARTIAL_CAPTURE, charge.lastTransaction().status());
        assertEquals(Amount.of(6_000), charge.money().captured());
        assertEquals(Amount.of(4_000), charge.money().released());
        assertInstanceOf(ChargeError.NotAllowed.class, world.voidIt(charge, 4_000L, "void").getLeft());
    }

    @Test
    void aCaptureBeyondTheAuthorizationIsRefusedAndChangesNothing() {
        var charge = authorized(10_000);
        assertInstanceOf(ChargeError.AmountExceedsAvailable.class, world.capture(charge, 10_001L, "cap").getLeft());
        assertEquals(charge, world.reload(charge));
    }

    @Test
    void aRetriedCaptureNeverCapturesTwice() {
        var charge = authorized(10_000);
        var first = world.capture(charge, 5_000L, "cap").get();
        int calls = acquirer.calls();
        var again = world.capture(charge, 5_000L, "cap").get();
        assertEquals(first, again);
        assertEquals(calls, acquirer.calls());
        assertEquals(Amount.of(5_000), world.reload(charge).money().captured());
    }

    @Test
    void aKeyUsedForACaptureCannotBeReusedForARefund() {
        var charge = world.capture(authorized(10_000), null, "cap").get();
        assertInstanceOf(IdempotencyError.KeyReused.class, world.refund(charge, 100L, "cap").getLeft());
    }

    @Test
    void aCaptureWithoutAnswerIsWithErrorUntilReconciled() {
        var charge = authorized(10_000);
        acquirer.next(Kind.UNKNOWN, Kind.APPROVED);
        var inDoubt = world.capture(charge, null, "cap").get();
        assertEquals(TransactionStatus.WITH_ERROR, inDoubt.lastTransaction().status());
        assertEquals(Amount.ZERO, inDoubt.money().captured());
        assertInstanceOf(ChargeError.NotAllowed.class, world.capture(charge, null, "cap-2").getLeft());
        world.reconcile.reconcile();
        assertEquals(TransactionStatus.CAPTURED, world.reload(charge).lastTransaction().status());
    }

    @Test
    void aPendingCaptureWaitsAndACaptureTheAcquirerNeverMadeGoesBackToAuthorized() {
        var charge = authorized(10_000);
        acquirer.next(Kind.PENDING, Kind.PENDING);
        var waiting = world.capture(charge, null, "cap").get();
        assertEquals(TransactionStatus.WAITING_CAPTURE, waiting.lastTransaction().status());
        world.reconcile.reconcile();
        assertEquals(TransactionStatus.WAITING_CAPTURE, world.reload(charge).lastTransaction().status());
        acquirer.settle(waiting.lastTransaction().id(), Kind.DECLINED);
        world.reconcile.reconcile();
        assertEquals(TransactionStatus.AUTHORIZED_PENDING_CAPTURE, world.reload(charge).lastTransaction().status());
        assertEquals(TransactionStatus.CAPTURED, world.capture(charge, null, "cap-2").get().lastTransaction().status());
    }

    @Test
    void aFullVoidCancelsTheCharge() {
        var charge = world.voidIt(authorized(10_000), null, "void").get();
        assertEquals(TransactionStatus.VOIDED, charge.lastTransaction().status());
        assertEquals(ChargeStatus.CANCELED, charge.status());
        assertEquals(Amount.of(10_000), charge.money().voided());
    }

    @Test
    void aPartialVoidVoidsPartAndNothingMoreCanBeDone() {
        var charge = world.voidIt(authorized(10_000), 3_000L, "void").get();
        assertEquals(TransactionStatus.PARTIAL_VOID, charge.lastTransaction().status());
        assertEquals(Amount.of(3_000), charge.money().voided());
        assertInstanceOf(ChargeError.NotAllowed.class, world.capture(charge, 7_000L, "cap").getLeft());
    }

    @Test
    void aVoidWithoutAnswerIsErrorOnVoidingUntilReconciled() {
        var charge = authorized(10_000);
        acquirer.next(Kind.UNKNOWN, Kind.APPROVED);
        assertEquals(TransactionStatus.ERROR_ON_VOIDING,
                world.voidIt(charge, null, "void").get().lastTransaction().status());
        world.reconcile.reconcile();
        assertEquals(TransactionStatus.VOIDED, world.reload(charge).lastTransaction().status());
    }

    @Test
    void refundsAddUpUntilEverythingCapturedIsRefunded() {
        var charge = world.capture(authorized(10_000), 8_000L, "cap").get();
        var once = world.refund(charge, 3_000L, "r1").get();
        assertEquals(TransactionStatus.PARTIAL_REFUNDED, once.lastTransaction().status());
        assertEquals(ChargeStatus.PAID, once.status());
        assertInstanceOf(ChargeError.AmountExceedsAvailable.class, world.refund(charge, 5_001L, "r2").getLeft());
        var rest = world.refund(charge, 5_000L, "r3").get();
        assertEquals(TransactionStatus.REFUNDED, rest.lastTransaction().status());
        assertEquals(ChargeStatus.CANCELED, rest.status());
        assertEquals(Amount.of(8_000), rest.money().refunded());
        assertInstanceOf(ChargeError.NotAllowed.class, world.refund(charge, 1L, "r4").getLeft());
    }

    @Test
    void aRefundWithoutAnswerIsErrorOnRefundingAndADeclinedOneRefundsNothing() {
        var charge = world.capture(authorized(10_000), null, "cap").get();
        acquirer.next(Kind.UNKNOWN, Kind.DECLINED);
        assertEquals(TransactionStatus.ERROR_ON_REFUNDING,
                world.refund(charge, 1_000L, "r1").get().lastTransaction().status());
        world.reconcile.reconcile();
        var after = world.reload(charge);
        assertEquals(TransactionStatus.CAPTURED, after.lastTransaction().status());
        assertEquals(Amount.ZERO, after.money().refunded());
    }

    @Test
    void capturesRacingUnderOneKeyCaptureOnceAndAllGetThatCaptureBack() throws Exception {
        var charge = authorized(10_000);
        int callsBefore = acquirer.calls();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.Callable<io.vavr.control.Either<dev.cofre.domain.DomainError, Charge>> capture =
                    () -> world.capture(charge, null, "same-key");
            var results = pool.invokeAll(java.util.Collections.nCopies(8, capture));
            for (var result : results) {
                assertEquals(charge.id(), result.get().get().id());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(callsBefore + 1, acquirer.calls());
        assertEquals(Amount.of(10_000), world.reload(charge).money().captured());
    }

    @Test
    void anotherMerchantsChargeIsNotFound() {
        var charge = authorized(10_000);
        var result = world.capture.capture(world.otherMerchant.id(),
                new CaptureCharge.Command(charge.id().value(), null, "cap"));
        assertInstanceOf(ChargeError.ChargeNotFound.class, result.getLeft());
    }

    private static final java.util.Set<String> EVERY_FIELD = java.util.Set.of("chargeId", "amount", "idempotencyKey");

    private void assertEveryFieldIsReportedAndNothingChanged(Charge before,
                                                             io.vavr.control.Either<dev.cofre.domain.DomainError, Charge> result) {
        var error = (dev.cofre.domain.InvalidInput) result.getLeft();
        assertEquals(EVERY_FIELD, error.errors().map(dev.cofre.domain.InvalidInput.FieldError::field).toJavaSet());
        assertEquals(before, world.reload(before));
    }

    @Test
    void aCaptureWithEveryFieldWrongReportsThemAllAtOnce() {
        var charge = authorized(10_000);
        int calls = acquirer.calls();
        assertEveryFieldIsReportedAndNothingChanged(charge,
                world.capture.capture(world.merchant.id(), new CaptureCharge.Command(" ", -5L, "")));
        assertEquals(calls, acquirer.calls());
    }

    @Test
    void aVoidWithEveryFieldWrongReportsThemAllAtOnce() {
        var charge = authorized(10_000);
        int calls = acquirer.calls();
        assertEveryFieldIsReportedAndNothingChanged(charge,
                world.voids.voidAuthorization(world.merchant.id(), new VoidCharge.Command(null, 0L, null)));
        assertEquals(calls, acquirer.calls());
    }

    @Test
    void aRefundWithEveryFieldWrongReportsThemAllAtOnce() {
        var charge = world.capture(authorized(10_000), null, "cap").get();
        int calls = acquirer.calls();
        assertEveryFieldIsReportedAndNothingChanged(charge, world.refund.refund(world.merchant.id(),
                new RefundCharge.Command("ch_" + "x".repeat(70), -1L, "k".repeat(256))));
        assertEquals(calls, acquirer.calls());
    }
}
