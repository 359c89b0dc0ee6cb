package dev.cofre.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.testing.InMemoryVault;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.InvalidInput.Kind;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Whatever mix of valid, missing and invalid fields a request has, the answer names exactly the
 * missing ones as missing and the invalid ones as invalid: no field hides another, none is
 * reported twice, and a request with none wrong is vaulted.
 */
class OnePassValidationProperties {

    /** What is sent for one field. */
    enum Sent { VALID, MISSING, INVALID }

    /** A value of each kind for each field of a tokenize request; the CVV's length fits the Visa number. */
    static final Map<String, Map<Sent, String>> VALUES = HashMap.of(
            "number", HashMap.of(Sent.VALID, "4551870000000183", Sent.MISSING, "", Sent.INVALID, "4551870000000184"),
            "holder", HashMap.of(Sent.VALID, "Jose da Silva", Sent.MISSING, " ", Sent.INVALID, "Jose 2"),
            "expiration", HashMap.of(Sent.VALID, "12/2030", Sent.MISSING, "", Sent.INVALID, "13/2030"),
            "securityCode", HashMap.of(Sent.VALID, "123", Sent.MISSING, "", Sent.INVALID, "12a"),
            "alias", HashMap.of(Sent.VALID, "Casa", Sent.MISSING, "", Sent.INVALID, "two words"));

    static final List<String> FIELDS = List.of("number", "holder", "expiration", "securityCode", "alias");

    @Provide
    Arbitrary<java.util.List<Sent>> requests() {
        return Arbitraries.of(Sent.class).list().ofSize(FIELDS.size());
    }

    @Property(tries = 300)
    void a_tokenize_request_reports_exactly_its_missing_and_invalid_fields(@ForAll("requests") java.util.List<Sent> sent) {
        var vault = new InMemoryVault(new TestCardCipher(), Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC));
        MerchantId loja = vault.merchant("Loja", "10.0.0.0/8");
        Map<String, Sent> plan = HashMap.ofEntries(FIELDS.zip(sent));
        var command = new TokenizeCard.Command(value(plan, "alias"), value(plan, "number"), value(plan, "holder"),
                value(plan, "expiration"), value(plan, "securityCode"), null);
        var result = vault.vault.tokenize().tokenize(loja, command);

        // An alias may be left out: sent empty, it is no alias at all, not a missing one.
        var expected = FIELDS.filter(f -> plan.get(f).get() != Sent.VALID)
                .filter(f -> !(f.equals("alias") && plan.get(f).get() == Sent.MISSING))
                .map(f -> f + " " + (plan.get(f).get() == Sent.MISSING ? Kind.MISSING : Kind.INVALID))
                .toSet();
        if (expected.isEmpty()) {
            assertTrue(result.isRight(), () -> plan + " was refused: " + result.getLeft().message());
            return;
        }
        var reported = ((InvalidInput) result.getLeft()).errors().map(e -> e.field() + " " + e.kind());
        assertEquals(expected, reported.toSet(), plan.toString());
        assertEquals(reported.size(), reported.distinct().size(), "each field once: " + reported);
        assertTrue(vault.tokens.wrappedBefore(Integer.MAX_VALUE, 10).isEmpty(), "nothing was vaulted");
    }

    private static String value(Map<String, Sent> plan, String field) {
        return VALUES.get(field).get().get(plan.get(field).get()).get();
    }
}
