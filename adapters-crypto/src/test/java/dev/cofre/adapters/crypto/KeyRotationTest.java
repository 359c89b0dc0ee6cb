package dev.cofre.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.inmemory.InMemoryTokens;
import dev.cofre.application.token.RotateKeys;
import dev.cofre.application.token.RotateKeys.Ending;
import dev.cofre.application.token.RotateKeys.Progress;
import dev.cofre.application.token.RotateKeys.Rotation;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.SealedPans;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenStatus;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.BeforeTry;

/** Key rotation (application's RotateKeys) with the real cipher over the in-memory token store. */
class KeyRotationTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    private final KeyRing one = Cards.newKeyRing();
    private final KeyRing two = one.withNewVersion(new SecureRandom());
    private final AesGcmCardCipher oldServer = new AesGcmCardCipher(one);
    private final AesGcmCardCipher cipher = new AesGcmCardCipher(two);
    private InMemoryTokens tokens = new InMemoryTokens();
    private final Map<Token, Pan> vaulted = new LinkedHashMap<>();
    private final MerchantId merchant = new MerchantId(UUID.randomUUID());

    @Example
    void every_key_is_rewrapped_in_batches_with_progress_and_a_second_run_does_nothing() {
        vault(oldServer, 23);
        var progress = new ArrayList<Progress>();

        Rotation rotation = new RotateKeys(cipher, tokens, CLOCK, 5).rotate(progress::add);

        assertEquals(new Rotation(2, 23, 0, 0, Ending.DONE, java.time.Duration.ZERO), rotation);
        assertEquals(List.of(new Progress(0, 23), new Progress(5, 23), new Progress(10, 23), new Progress(15, 23),
                new Progress(20, 23), new Progress(23, 23)), List.ofAll(progress));
        assertEverythingOpensUnderVersion(2);

        var again = new ArrayList<Progress>();
        Rotation second = new RotateKeys(cipher, tokens, CLOCK, 5).rotate(again::add);
        assertEquals(new Rotation(2, 0, 0, 0, Ending.DONE, java.time.Duration.ZERO), second);
        assertEquals(java.util.List.of(new Progress(0, 0)), again);
    }

    @Example
    void a_rotation_interrupted_midway_continues_where_it_stopped() {
        vault(oldServer, 20);
        RotateKeys rotate = new RotateKeys(cipher, tokens, CLOCK, 3);

        Rotation first;
        try {
            first = rotate.rotate(p -> {
                if (p.done() >= 6) {
                    Thread.currentThread().interrupt(); // as Future.cancel(true) or shutdownNow() would
                }
            });
        } finally {
            assertTrue(Thread.interrupted(), "the interrupt is left for the caller to see");
        }

        assertEquals(Ending.INTERRUPTED, first.ending());
        assertEquals(6, first.rewrapped());
        assertEquals(14, tokens.countWrappedBefore(2));
        assertEverythingOpens(); // half old, half new: both open, while the vault serves

        var progress = new ArrayList<Progress>();
        Rotation rest = rotate.rotate(progress::add);
        assertEquals(Ending.DONE, rest.ending());
        assertEquals(14, rest.rewrapped());
        assertEquals(new Progress(14, 14), progress.get(progress.size() - 1));
        assertEverythingOpensUnderVersion(2);
    }

    @Example
    void tokens_vaulted_and_removed_while_rotating_are_handled_and_removed_ones_stay_unreadable() {
        vault(oldServer, 12);
        Token removedBefore = remove(vaulted.keySet().iterator().next());
        var rest = new ArrayList<>(vaulted.keySet());
        Token removedDuring = rest.get(rest.size() - 1);
        var progress = new ArrayList<Progress>();

        Rotation rotation = new RotateKeys(cipher, tokens, CLOCK, 4).rotate(p -> {
            progress.add(p);
            if (progress.size() == 2) { // after the first batch
                remove(removedDuring);
                vault(oldServer, 2); // a server that has not loaded the new key yet
                vault(cipher, 3);    // one that has
            }
        });

        assertEquals(Ending.DONE, rotation.ending());
        assertEquals(11 - 1 + 2, rotation.rewrapped());
        assertEquals(new Progress(0, 11), progress.get(0));
        assertEquals(new Progress(12, 12), progress.get(progress.size() - 1));
        assertTrue(tokens.sealedPan(merchant, removedBefore.reference()).isEmpty());
        assertTrue(tokens.sealedPan(merchant, removedDuring.reference()).isEmpty());
        assertEverythingOpensUnderVersion(2);
    }

    @Example
    void a_token_removed_between_reading_its_key_and_replacing_it_is_skipped_not_resurrected() {
        vault(oldServer, 6);
        Token victim = vaulted.keySet().iterator().next();
        SealedPans racing = new SealedPans() {
            @Override
            public List<Stored> wrappedBefore(int version, int limit) {
                List<Stored> batch = tokens.wrappedBefore(version, limit);
                if (vaulted.containsKey(victim)) {
                    remove(victim); // the merchant removes it while the batch is in flight
                }
                return batch;
            }

            @Override
            public long countWrappedBefore(int version) {
                return tokens.countWrappedBefore(version);
            }

            @Override
            public boolean replace(Stored expected, SealedPan rewrapped) {
                return tokens.replace(expected, rewrapped);
            }
        };

        Rotation rotation = new RotateKeys(cipher, racing, CLOCK, 10).rotate(RotateKeys.ProgressListener.NONE);

        assertEquals(5, rotation.rewrapped());
        assertEquals(1, rotation.skipped());
        assertEquals(Ending.DONE, rotation.ending());
        assertTrue(tokens.sealedPan(merchant, victim.reference()).isEmpty());
        assertEverythingOpensUnderVersion(2);
    }

    @Example
    void a_tampered_key_is_counted_unreadable_left_alone_and_the_rest_rotates() {
        vault(oldServer, 8);
        Token tampered = vaulted.keySet().iterator().next();
        SealedPan sealed = tokens.sealedPan(merchant, tampered.reference()).get();
        byte[] wrapped = sealed.wrappedKey();
        wrapped[20] ^= 1;
        var broken = new SealedPan(1, wrapped, sealed.ciphertext());
        tokens.replace(new SealedPans.Stored(merchant, tampered.reference(), sealed), broken);
        vaulted.remove(tampered);

        Rotation rotation = new RotateKeys(cipher, tokens, CLOCK, 3).rotate(RotateKeys.ProgressListener.NONE);

        assertEquals(new Rotation(2, 7, 0, 1, Ending.DONE, java.time.Duration.ZERO), rotation);
        assertEquals(broken, tokens.sealedPan(merchant, tampered.reference()).get());
        assertEverythingOpensUnderVersion(2);
    }

    @Example
    void a_missing_old_key_stops_the_rotation_after_a_batch_of_unreadable_rows() {
        vault(oldServer, 10);
        // a ring that has version 2 but lost version 1: nothing can be unwrapped
        var lostOne = new AesGcmCardCipher(Cards.newKeyRing().withNewVersion(new SecureRandom()));

        Rotation rotation = new RotateKeys(lostOne, tokens, CLOCK, 4).rotate(RotateKeys.ProgressListener.NONE);

        assertEquals(new Rotation(2, 0, 0, 4, Ending.TOO_MANY_UNREADABLE, java.time.Duration.ZERO), rotation);
        assertEquals(10, tokens.countWrappedBefore(2));
        assertEverythingOpens(); // with the right ring, nothing was harmed
    }

    /** jqwik makes one instance per property, not per try. */
    @BeforeTry
    void emptyVault() {
        tokens = new InMemoryTokens();
        vaulted.clear();
    }

    @Property(tries = 40)
    void however_often_it_is_stopped_running_it_again_finishes_and_every_card_still_opens(
            @ForAll @IntRange(min = 0, max = 30) int count, @ForAll @IntRange(min = 1, max = 7) int batchSize,
            @ForAll @IntRange(min = 1, max = 5) int stopAfterBatches) {
        vault(oldServer, count);
        RotateKeys rotate = new RotateKeys(cipher, tokens, CLOCK, batchSize);
        long rewrapped = 0;
        int runs = 0;
        Rotation last;
        do {
            int[] calls = {0}; // the first call is the progress before any batch
            try {
                last = rotate.rotate(p -> {
                    if (calls[0]++ == stopAfterBatches) {
                        Thread.currentThread().interrupt();
                    }
                });
            } finally {
                Thread.interrupted();
            }
            rewrapped += last.rewrapped();
            assertEverythingOpens();
            assertTrue(++runs <= count + 2, "a run made no progress");
        } while (last.ending() != Ending.DONE);

        assertEquals(count, rewrapped);
        assertEverythingOpensUnderVersion(2);
    }

    private void vault(AesGcmCardCipher by, int count) {
        for (int i = 0; i < count; i++) {
            Pan pan = Cards.randomPan();
            var token = Cards.issue(by, pan, merchant);
            assertTrue(tokens.add(token, by.seal(pan, merchant, token.reference())).isRight());
            vaulted.put(token, pan);
        }
    }

    private Token remove(Token token) {
        vaulted.remove(token);
        Token removed = token.changeTo(TokenStatus.REMOVED, ChangedBy.MERCHANT, ChangeReason.OTHER, CLOCK.instant()).get().token();
        assertTrue(tokens.update(removed).isRight());
        return removed;
    }

    private void assertEverythingOpens() {
        vaulted.forEach((token, pan) -> {
            SealedPan sealed = tokens.sealedPan(merchant, token.reference()).get();
            assertEquals(Either.right(pan), cipher.open(sealed, merchant, token.reference()));
        });
    }

    private void assertEverythingOpensUnderVersion(int version) {
        assertEverythingOpens();
        vaulted.keySet().forEach(token ->
                assertEquals(version, tokens.sealedPan(merchant, token.reference()).get().kekVersion()));
        assertEquals(0, tokens.countWrappedBefore(version) - unreadableLeft());
    }

    /** Rows deliberately broken by a test and no longer in {@code vaulted}. */
    private long unreadableLeft() {
        return tokens.wrappedBefore(Integer.MAX_VALUE, Integer.MAX_VALUE)
                .count(s -> s.sealed().kekVersion() < 2
                        && vaulted.keySet().stream().noneMatch(t -> t.reference().equals(s.reference())));
    }
}
