package dev.cofre.domain.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Brand;
import dev.cofre.domain.merchant.Merchant;
import io.vavr.control.Either;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** seed 002's credit_card field rules. */
class CreditCardPaymentTest {

    private static CreditCardPayment.Fields fields(String operationType, Integer installments, String descriptor,
                                                   String cycle, String model, String initiated, String funding,
                                                   Map<String, String> metadata) {
        return new CreditCardPayment.Fields(operationType, installments, descriptor, cycle, model, initiated, funding,
                metadata, null);
    }

    private static Either<InvalidInput, CreditCardPayment> parse(CreditCardPayment.Fields f, Merchant m, Brand b) {
        return CreditCardPayment.parse(f, m, b);
    }

    private static void refusedOn(Either<InvalidInput, CreditCardPayment> result, String field) {
        assertTrue(result.isLeft(), field + " should be refused");
        assertTrue(result.getLeft().errors().exists(e -> e.field().equals(field)), result.getLeft().message());
    }

    @Test
    void nothingSentMeansAuthAndCaptureInOneInstallment() {
        var p = parse(fields(null, null, null, null, null, null, null, null), ChargeFixtures.psp(), Brand.VISA).get();
        assertEquals(OperationType.AUTH_AND_CAPTURE, p.operationType());
        assertEquals(1, p.installments());
        assertEquals(FundingSource.CREDIT, p.fundingSource());
    }

    @Test
    void preAuthIsRefusedForAMerchantWithoutIt() {
        refusedOn(parse(fields("pre_auth", null, null, null, null, null, null, null), ChargeFixtures.psp(), Brand.VISA),
                "operation_type");
        assertTrue(parse(fields("pre_auth", null, null, null, null, null, null, null), ChargeFixtures.gateway(),
                Brand.VISA).isRight());
    }

    @Test
    void anUnknownOperationTypeIsRefused() {
        refusedOn(parse(fields("capture_later", null, null, null, null, null, null, null), ChargeFixtures.psp(),
                Brand.VISA), "operation_type");
    }

    @Test
    void installmentsStartAtOneAndStopAtTheBrandsMaximum() {
        refusedOn(parse(fields(null, 0, null, null, null, null, null, null), ChargeFixtures.psp(), Brand.VISA),
                "installments");
        assertTrue(parse(fields(null, 12, null, null, null, null, null, null), ChargeFixtures.psp(), Brand.VISA)
                .isRight());
        refusedOn(parse(fields(null, 13, null, null, null, null, null, null), ChargeFixtures.psp(), Brand.VISA),
                "installments");
        refusedOn(parse(fields(null, 7, null, null, null, null, null, null), ChargeFixtures.psp(), Brand.JCB),
                "installments");
    }

    @Test
    void debitCardsArePaidInOneInstallment() {
        refusedOn(parse(fields(null, 2, null, null, null, null, "debit", null), ChargeFixtures.psp(), Brand.VISA),
                "installments");
    }

    @Test
    void aPspStatementDescriptorHasAtMost13CharactersAndAGatewayOne22() {
        assertTrue(parse(fields(null, null, "AVENGERS ASSE", null, null, null, null, null), ChargeFixtures.psp(),
                Brand.VISA).isRight());
        refusedOn(parse(fields(null, null, "AVENGERS ASSEM", null, null, null, null, null), ChargeFixtures.psp(),
                Brand.VISA), "statement_descriptor");
        assertTrue(parse(fields(null, null, "AVENGERS ASSEMBLE 2026", null, null, null, null, null),
                ChargeFixtures.gateway(), Brand.VISA).isRight());
        refusedOn(parse(fields(null, null, "AVENGERS ASSEMBLE 20260", null, null, null, null, null),
                ChargeFixtures.gateway(), Brand.VISA), "statement_descriptor");
    }

    @Test
    void enumeratedFieldsTakeOnlyTheirDocumentedValues() {
        var ok = parse(fields(null, null, null, "subsequent", "subscription", "no_show", "prepaid", null),
                ChargeFixtures.psp(), Brand.VISA).get();
        assertEquals(RecurrenceCycle.SUBSEQUENT, ok.recurrenceCycle().get());
        assertEquals(RecurrenceModel.SUBSCRIPTION, ok.recurrenceModel().get());
        assertEquals(InitiatedType.NO_SHOW, ok.initiatedType().get());
        assertEquals(FundingSource.PREPAID, ok.fundingSource());
        var bad = parse(fields(null, null, null, "second", "yearly", "refund", "cash", null), ChargeFixtures.psp(),
                Brand.VISA);
        refusedOn(bad, "recurrence_cycle");
        refusedOn(bad, "recurrence_model");
        refusedOn(bad, "initiated_type");
        refusedOn(bad, "funding_source");
    }

    @Test
    void metadataIsBoundedInKeysKeyLengthAndValueLength() {
        Map<String, String> fifty = IntStream.range(0, 50).boxed().collect(Collectors.toMap(i -> "k" + i, i -> "v"));
        assertTrue(parse(fields(null, null, null, null, null, null, null, fifty), ChargeFixtures.psp(), Brand.VISA)
                .isRight());
        Map<String, String> fiftyOne = IntStream.range(0, 51).boxed().collect(Collectors.toMap(i -> "k" + i, i -> "v"));
        refusedOn(parse(fields(null, null, null, null, null, null, null, fiftyOne), ChargeFixtures.psp(), Brand.VISA),
                "metadata");
        refusedOn(parse(fields(null, null, null, null, null, null, null, Map.of("k".repeat(41), "v")),
                ChargeFixtures.psp(), Brand.VISA), "metadata");
        refusedOn(parse(fields(null, null, null, null, null, null, null, Map.of("note", "v".repeat(501))),
                ChargeFixtures.psp(), Brand.VISA), "metadata.note");
    }
}
