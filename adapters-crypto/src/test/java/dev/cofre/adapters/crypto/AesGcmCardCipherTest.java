package dev.cofre.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class AesGcmCardCipherTest {

    private final KeyRing keys = Cards.newKeyRing();
    private final AesGcmCardCipher cipher = new AesGcmCardCipher(keys);

    @Property(tries = 500)
    void a_sealed_number_opens_to_the_same_number_for_its_own_merchant_and_token(
            @ForAll("pans") Pan pan, @ForAll("merchants") MerchantId merchant, @ForAll("tokens") TokenReference token) {
        SealedPan sealed = cipher.seal(pan, merchant, token);

        assertEquals(Either.right(pan), cipher.open(sealed, merchant, token));
        assertEquals(keys.currentVersion(), sealed.kekVersion());
    }

    @Property(tries = 200)
    void every_seal_of_the_same_number_differs_in_key_and_ciphertext(
            @ForAll("pans") Pan pan, @ForAll("merchants") MerchantId merchant, @ForAll("tokens") TokenReference token) {
        SealedPan first = cipher.seal(pan, merchant, token);
        SealedPan second = cipher.seal(pan, merchant, token);

        assertFalse(Arrays.equals(first.wrappedKey(), second.wrappedKey()));
        assertFalse(Arrays.equals(first.ciphertext(), second.ciphertext()));
        assertFalse(Arrays.equals(iv(first.wrappedKey()), iv(second.wrappedKey())));
        assertFalse(Arrays.equals(iv(first.ciphertext()), iv(second.ciphertext())));
    }

    @Property(tries = 300)
    void flipping_any_bit_of_the_ciphertext_breaks_the_seal(
            @ForAll("pans") Pan pan, @ForAll @IntRange(min = 0, max = 1000) int where, @ForAll @IntRange(min = 0, max = 7) int bit) {
        var merchant = new MerchantId(UUID.randomUUID());
        var token = new TokenReference(UUID.randomUUID());
        SealedPan sealed = cipher.seal(pan, merchant, token);
        byte[] ciphertext = flip(sealed.ciphertext(), where, bit);

        var opened = cipher.open(new SealedPan(sealed.kekVersion(), sealed.wrappedKey(), ciphertext), merchant, token);

        assertSealBrokenRevealingNothing(opened, pan);
    }

    @Property(tries = 300)
    void flipping_any_bit_of_the_wrapped_key_breaks_the_seal_and_the_rewrap(
            @ForAll("pans") Pan pan, @ForAll @IntRange(min = 0, max = 1000) int where, @ForAll @IntRange(min = 0, max = 7) int bit) {
        var merchant = new MerchantId(UUID.randomUUID());
        var token = new TokenReference(UUID.randomUUID());
        SealedPan sealed = cipher.seal(pan, merchant, token);
        var tampered = new SealedPan(sealed.kekVersion(), flip(sealed.wrappedKey(), where, bit), sealed.ciphertext());

        assertSealBrokenRevealingNothing(cipher.open(tampered, merchant, token), pan);
        assertTrue(cipher.rewrap(tampered).isLeft());
    }

    @Property(tries = 100)
    void a_truncated_or_extended_seal_is_broken(@ForAll("pans") Pan pan, @ForAll @IntRange(min = -40, max = 40) int by) {
        var merchant = new MerchantId(UUID.randomUUID());
        var token = new TokenReference(UUID.randomUUID());
        SealedPan sealed = cipher.seal(pan, merchant, token);
        if (by == 0) {
            return;
        }
        byte[] ciphertext = Arrays.copyOf(sealed.ciphertext(), Math.max(0, sealed.ciphertext().length + by));
        byte[] wrapped = Arrays.copyOf(sealed.wrappedKey(), Math.max(0, sealed.wrappedKey().length + by));

        assertSealBrokenRevealingNothing(
                cipher.open(new SealedPan(sealed.kekVersion(), sealed.wrappedKey(), ciphertext), merchant, token), pan);
        assertSealBrokenRevealingNothing(
                cipher.open(new SealedPan(sealed.kekVersion(), wrapped, sealed.ciphertext()), merchant, token), pan);
    }

    @Property(tries = 200)
    void a_sealed_number_moved_to_another_merchant_or_token_does_not_open(
            @ForAll("pans") Pan pan, @ForAll("merchants") MerchantId merchant, @ForAll("tokens") TokenReference token,
            @ForAll("merchants") MerchantId otherMerchant, @ForAll("tokens") TokenReference otherToken) {
        SealedPan sealed = cipher.seal(pan, merchant, token);

        if (!otherMerchant.equals(merchant)) {
            assertSealBrokenRevealingNothing(cipher.open(sealed, otherMerchant, token), pan);
        }
        if (!otherToken.equals(token)) {
            assertSealBrokenRevealingNothing(cipher.open(sealed, merchant, otherToken), pan);
        }
    }

    @Property(tries = 100)
    void two_rows_that_swap_their_ciphertexts_both_break(@ForAll("pans") Pan first, @ForAll("pans") Pan second) {
        var merchantA = new MerchantId(UUID.randomUUID());
        var merchantB = new MerchantId(UUID.randomUUID());
        var tokenA = new TokenReference(UUID.randomUUID());
        var tokenB = new TokenReference(UUID.randomUUID());
        SealedPan a = cipher.seal(first, merchantA, tokenA);
        SealedPan b = cipher.seal(second, merchantB, tokenB);

        // whole sealed values swapped between rows: wrapped key and ciphertext travel together
        assertSealBrokenRevealingNothing(cipher.open(b, merchantA, tokenA), second);
        assertSealBrokenRevealingNothing(cipher.open(a, merchantB, tokenB), first);
        // only the ciphertexts swapped: each is under the other row's data key
        assertSealBrokenRevealingNothing(
                cipher.open(new SealedPan(a.kekVersion(), a.wrappedKey(), b.ciphertext()), merchantA, tokenA), second);
        assertSealBrokenRevealingNothing(
                cipher.open(new SealedPan(b.kekVersion(), b.wrappedKey(), a.ciphertext()), merchantB, tokenB), first);
    }

    @Property(tries = 50)
    void a_key_ring_with_other_keys_cannot_open(@ForAll("pans") Pan pan) {
        var merchant = new MerchantId(UUID.randomUUID());
        var token = new TokenReference(UUID.randomUUID());
        SealedPan sealed = cipher.seal(pan, merchant, token);
        var stranger = new AesGcmCardCipher(Cards.newKeyRing()); // also at version 1

        assertSealBrokenRevealingNothing(stranger.open(sealed, merchant, token), pan);
        assertTrue(stranger.rewrap(sealed).isLeft());
    }

    @Property(tries = 50)
    void a_key_version_the_ring_does_not_hold_is_a_broken_seal_not_an_exception(@ForAll("pans") Pan pan) {
        var merchant = new MerchantId(UUID.randomUUID());
        var token = new TokenReference(UUID.randomUUID());
        SealedPan sealed = cipher.seal(pan, merchant, token);
        var relabelled = new SealedPan(7, sealed.wrappedKey(), sealed.ciphertext());

        assertSealBrokenRevealingNothing(cipher.open(relabelled, merchant, token), pan);
        assertTrue(cipher.rewrap(relabelled).isLeft());
    }

    @Property(tries = 50)
    void a_wrapped_key_relabelled_with_another_version_of_the_ring_does_not_unwrap(@ForAll("pans") Pan pan) {
        var merchant = new MerchantId(UUID.randomUUID());
        var token = new TokenReference(UUID.randomUUID());
        KeyRing two = keys.withNewVersion(new java.security.SecureRandom());
        var rotated = new AesGcmCardCipher(two);
        SealedPan underOne = rotated.seal(pan, merchant, token); // sealed under version 2
        var relabelled = new SealedPan(1, underOne.wrappedKey(), underOne.ciphertext());

        assertSealBrokenRevealingNothing(rotated.open(relabelled, merchant, token), pan);
    }

    @Property(tries = 100)
    void rewrap_moves_the_data_key_to_the_current_version_and_leaves_the_ciphertext_alone(@ForAll("pans") Pan pan) {
        var merchant = new MerchantId(UUID.randomUUID());
        var token = new TokenReference(UUID.randomUUID());
        SealedPan old = cipher.seal(pan, merchant, token);
        var rotated = new AesGcmCardCipher(keys.withNewVersion(new java.security.SecureRandom()));

        SealedPan rewrapped = rotated.rewrap(old).get();

        assertEquals(2, rewrapped.kekVersion());
        assertTrue(Arrays.equals(old.ciphertext(), rewrapped.ciphertext()));
        assertFalse(Arrays.equals(old.wrappedKey(), rewrapped.wrappedKey()));
        assertEquals(Either.right(pan), rotated.open(rewrapped, merchant, token));
        assertEquals(Either.right(pan), rotated.open(old, merchant, token)); // version 1 still opens
        assertTrue(cipher.open(rewrapped, merchant, token).isLeft()); // the old ring lacks version 2
    }

    @Property(tries = 200)
    void the_same_number_has_the_same_fingerprint_under_one_key(@ForAll("pans") Pan pan) {
        var fingerprint = cipher.fingerprint(pan);

        assertEquals(fingerprint, cipher.fingerprint(Cards.pan(pan.revealDigits())));
        assertTrue(fingerprint.hex().matches("[0-9a-f]{64}"));
        assertFalse(fingerprint.hex().contains(pan.revealDigits()));
    }

    @Property(tries = 200)
    void different_numbers_have_different_fingerprints(@ForAll("pans") Pan one, @ForAll("pans") Pan other) {
        if (!one.equals(other)) {
            assertNotEquals(cipher.fingerprint(one), cipher.fingerprint(other));
        }
    }

    @Property(tries = 100)
    void another_fingerprint_key_gives_another_fingerprint_and_rotation_keeps_it(@ForAll("pans") Pan pan) {
        assertNotEquals(cipher.fingerprint(pan), new AesGcmCardCipher(Cards.newKeyRing()).fingerprint(pan));
        // a new key-encryption key does not change the fingerprint key: saved cards are still found
        assertEquals(cipher.fingerprint(pan),
                new AesGcmCardCipher(keys.withNewVersion(new java.security.SecureRandom())).fingerprint(pan));
    }

    @Example
    void the_cipher_and_its_key_ring_print_no_key_material() {
        String printed = cipher + " " + keys;
        byte[] fingerprintKey = keys.fingerprintKey().getEncoded();
        byte[] kek = keys.currentKek().getEncoded();

        for (byte[] secret : new byte[][] {fingerprintKey, kek}) {
            assertFalse(printed.contains(java.util.Base64.getEncoder().encodeToString(secret)));
            assertFalse(printed.toLowerCase().contains(HexFormat.of().formatHex(secret)));
        }
        assertEquals("AesGcmCardCipher[KeyRing[kek versions [1], current 1, fingerprint key]]", cipher.toString());
    }

    private static void assertSealBrokenRevealingNothing(Either<VaultError, Pan> opened, Pan pan) {
        assertTrue(opened.isLeft(), "expected a broken seal");
        VaultError error = opened.getLeft();
        assertTrue(error instanceof VaultError.SealBroken);
        String shown = error.message() + " " + error + " " + error.code();
        assertFalse(shown.replace(String.valueOf(error.code()), "").matches(".*\\d.*"),
                "the error shows digits: " + shown);
        assertFalse(shown.contains(pan.lastFour()));
    }

    private static byte[] iv(byte[] sealed) {
        return Arrays.copyOfRange(sealed, 1, 13);
    }

    private static byte[] flip(byte[] bytes, int where, int bit) {
        byte[] copy = bytes.clone();
        copy[where % copy.length] ^= (byte) (1 << bit);
        return copy;
    }

    @Provide
    Arbitrary<Pan> pans() {
        return Cards.pans();
    }

    @Provide
    Arbitrary<MerchantId> merchants() {
        return Cards.merchants();
    }

    @Provide
    Arbitrary<TokenReference> tokens() {
        return Cards.tokens();
    }
}
