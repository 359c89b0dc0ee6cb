package dev.cofre.domain.charge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Brand;
import dev.cofre.domain.merchant.Profile;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/** seed 002's rules for externally authenticated transactions, one test per rule. */
class ThreeDSecureTest {

    /** The seed's own example. */
    private static ThreeDSecure.Fields seedExample() {
        return new ThreeDSecure.Fields("threed_secure", "third_party", "05", "BwABBylVaQAAAAFwllVpAAAAAAA=",
                "9345dcf2-57bf-48ee-a495-663cf1fdb760", "4165037e-2f84-443c-a4e2-0e3285eb911a", "2");
    }

    private static ThreeDSecure.Fields with(String type, String mpi, String eci, String cavv, String transactionId,
                                            String dsTransactionId, String version) {
        return new ThreeDSecure.Fields(type, mpi, eci, cavv, transactionId, dsTransactionId, version);
    }

    private static Either<InvalidInput, ThreeDSecure> parse(ThreeDSecure.Fields fields, Brand brand) {
        return ThreeDSecure.parse("authentication", fields, Profile.GATEWAY, brand);
    }

    private static void refusedOn(Either<InvalidInput, ThreeDSecure> result, String field, String reasonPart) {
        assertTrue(result.isLeft(), "should be refused");
        assertTrue(result.getLeft().errors().exists(e -> e.field().equals(field) && e.reason().contains(reasonPart)),
                () -> "expected " + field + " / " + reasonPart + " in " + result.getLeft().message());
    }

    @Test
    void theSeedsExampleIsAcceptedAndShiftsLiabilityForVisaEci05() {
        var result = parse(seedExample(), Brand.VISA);
        assertTrue(result.isRight(), () -> result.getLeft().message());
        assertTrue(result.get().liabilityShifted());
        assertEquals("2", result.get().version().get());
    }

    @Test
    void onlyGatewayMerchantsMaySendAuthentication() {
        var result = ThreeDSecure.parse("authentication", seedExample(), Profile.PSP, Brand.VISA);
        refusedOn(result, "authentication", "gateway merchants only");
    }

    @Test
    void theAuthenticationTypeMustBeThreedSecure() {
        var f = seedExample();
        refusedOn(parse(with("3ds", f.mpi(), f.eci(), f.cavv(), f.transactionId(), null, "2"), Brand.VISA),
                "authentication.type", "threed_secure");
    }

    @Test
    void onlyTheThirdPartyMpiIsSupported() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), "internal", f.eci(), f.cavv(), f.transactionId(), null, "2"), Brand.VISA),
                "authentication.threed_secure.mpi", "only third_party");
    }

    @Test
    void anMpiLongerThanElevenCharactersIsRefused() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), "third_party_x", f.eci(), f.cavv(), f.transactionId(), null, "2"), Brand.VISA),
                "authentication.threed_secure.mpi", "at most 11");
    }

    @Test
    void aThirdPartyAuthenticationNeedsAnEci() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), null, f.cavv(), f.transactionId(), null, "2"), Brand.VISA),
                "authentication.threed_secure.eci", "required");
    }

    @Test
    void aThirdPartyAuthenticationNeedsACavv() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), f.eci(), "", f.transactionId(), null, "2"), Brand.VISA),
                "authentication.threed_secure.cavv", "required");
    }

    @Test
    void aThirdPartyAuthenticationNeedsATransactionId() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), f.eci(), f.cavv(), null, null, "2"), Brand.VISA),
                "authentication.threed_secure.transaction_id", "required");
    }

    @Test
    void anEciLongerThanTwoCharactersIsRefused() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), "005", f.cavv(), f.transactionId(), null, "2"), Brand.VISA),
                "authentication.threed_secure.eci", "at most 2");
    }

    @Test
    void aCavvLongerThan256CharactersIsRefused() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), f.eci(), "A".repeat(257), f.transactionId(), null, "2"), Brand.VISA),
                "authentication.threed_secure.cavv", "at most 256");
    }

    @Test
    void aTransactionIdLongerThan256CharactersIsRefused() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), f.eci(), f.cavv(), "t".repeat(257), null, "2"), Brand.VISA),
                "authentication.threed_secure.transaction_id", "at most 256");
    }

    @Test
    void aDirectoryServerTransactionIdLongerThan256CharactersIsRefused() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), f.eci(), f.cavv(), f.transactionId(), "d".repeat(257), "2"),
                Brand.VISA), "authentication.threed_secure.ds_transaction_id", "at most 256");
    }

    @Test
    void aVersionLongerThanSixCharactersIsRefused() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), f.eci(), f.cavv(), f.transactionId(), null, "2.2.0.1"), Brand.VISA),
                "authentication.threed_secure.version", "at most 6");
    }

    @Test
    void versions210And220AreAccepted() {
        var f = seedExample();
        for (String version : new String[] {"2.1.0", "2.2.0"}) {
            var result = parse(with(f.type(), f.mpi(), f.eci(), f.cavv(), f.transactionId(), null, version), Brand.VISA);
            assertTrue(result.isRight(), version);
        }
    }

    @Test
    void version1IsRefusedAsDiscontinued() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), f.eci(), f.cavv(), f.transactionId(), null, "1.0.2"), Brand.VISA),
                "authentication.threed_secure.version", "discontinued");
    }

    @Test
    void anUnknownVersionIsRefused() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), f.eci(), f.cavv(), f.transactionId(), null, "3.0"), Brand.VISA),
                "authentication.threed_secure.version", "2.1.0 or 2.2.0");
    }

    @Test
    void aVisaCardRefusesAMastercardEci() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), "02", f.cavv(), f.transactionId(), null, "2"), Brand.VISA),
                "authentication.threed_secure.eci", "05, 06, 07");
    }

    @Test
    void aMastercardRefusesAVisaEci() {
        var f = seedExample();
        refusedOn(parse(with(f.type(), f.mpi(), "05", f.cavv(), f.transactionId(), null, "2"), Brand.MASTERCARD),
                "authentication.threed_secure.eci", "02, 01, 00");
    }

    @Test
    void mastercardEci02ShiftsLiabilityAnd01DoesNot() {
        var f = seedExample();
        assertTrue(parse(with(f.type(), f.mpi(), "02", f.cavv(), f.transactionId(), null, "2.2.0"), Brand.MASTERCARD)
                .get().liabilityShifted());
        assertFalse(parse(with(f.type(), f.mpi(), "01", f.cavv(), f.transactionId(), null, "2.2.0"), Brand.MASTERCARD)
                .get().liabilityShifted());
    }

    @Test
    void visaEci06IsAcceptedWithoutShiftingLiability() {
        var f = seedExample();
        assertFalse(parse(with(f.type(), f.mpi(), "06", f.cavv(), f.transactionId(), null, "2.1.0"), Brand.VISA)
                .get().liabilityShifted());
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() {
        var result = parse(with("threed_secure", "third_party", null, null, null, null, "1.0"), Brand.VISA);
        assertEquals(4, result.getLeft().errors().size(), result.getLeft().message());
    }

    @Test
    void theCavvIsNotPrinted() {
        assertFalse(parse(seedExample(), Brand.VISA).get().toString().contains("BwABBylVaQ"));
    }
}
