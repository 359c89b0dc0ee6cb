package dev.cofre.domain.key;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.collection.TreeMap;
import net.jqwik.api.Example;

class KeyChecksTest {

    private static final String A = "00000000000000aa";
    private static final String B = "00000000000000bb";
    private static final String C = "00000000000000cc";

    private static KeyChecks checks(String... nameValue) {
        var map = TreeMap.<String, String>empty();
        for (int i = 0; i < nameValue.length; i += 2) {
            map = map.put(nameValue[i], nameValue[i + 1]);
        }
        return new KeyChecks(map);
    }

    @Example
    void keys_that_agree_on_every_shared_name_agree() {
        assertTrue(checks("kek.1", A, "kek.2", B, "fingerprint", C)
                .disagreeWith(checks("kek.2", B, "fingerprint", C)).isEmpty());
    }

    @Example
    void a_different_check_value_names_the_key() {
        assertEquals(List.of("kek.1"), checks("kek.1", A, "fingerprint", C)
                .disagreeWith(checks("kek.1", B, "fingerprint", C)));
    }

    @Example
    void a_ring_without_any_expected_key_encryption_key_disagrees_even_with_no_shared_name() {
        assertEquals(List.of("kek.2"), checks("kek.1", A, "fingerprint", C)
                .disagreeWith(checks("kek.2", B, "fingerprint", C)));
    }

    @Example
    void only_keys_newer_than_the_recorded_ones_are_recorded_so_a_retired_key_is_not_expected_again() {
        var recorded = checks("kek.2", B, "fingerprint", C);
        assertEquals(checks("kek.3", A), checks("kek.1", A, "kek.2", B, "kek.3", A, "fingerprint", C)
                .toRecordOver(recorded));
        assertEquals(List.of("kek.1"), checks("kek.1", A, "kek.2", B).keksOlderThan(2));
    }

    @Example
    void a_check_value_is_sixteen_hex_digits_and_never_anything_longer() {
        assertThrows(IllegalArgumentException.class, () -> checks("kek.1", "00112233445566778899aabbccddeeff"));
        assertThrows(IllegalArgumentException.class, () -> checks("other", A));
    }
}
