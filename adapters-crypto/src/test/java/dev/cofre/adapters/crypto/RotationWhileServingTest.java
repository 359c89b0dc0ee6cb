package dev.cofre.adapters.crypto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.inmemory.InMemoryTokens;
import dev.cofre.application.token.RotateKeys;
import dev.cofre.application.token.RotateKeys.Ending;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenStatus;
import io.vavr.control.Either;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Key rotation interleaved with a vault that keeps serving: cards vaulted by servers with the old
 * and the new key ring, tokens removed, rotation batches stopped and resumed, in any order.
 */
class RotationWhileServingTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T12:00:00Z"), ZoneOffset.UTC);

    /** The vault's state, and what the test knows it should hold. */
    static final class Vault {
        final KeyRing one = Cards.newKeyRing();
        final AesGcmCardCipher oldServer = new AesGcmCardCipher(one);
        final AesGcmCardCipher newServer = new AesGcmCardCipher(one.withNewVersion(new SecureRandom()));
        final InMemoryTokens tokens = new InMemoryTokens();
        final MerchantId merchant = new MerchantId(UUID.randomUUID());
        final Map<Token, Pan> live = new LinkedHashMap<>();
        final List<Token> removed = new ArrayList<>();
        final RotateKeys rotate = new RotateKeys(newServer, tokens, CLOCK, 3);

        void vault(AesGcmCardCipher by) {
            Pan pan = Cards.randomPan();
            var token = Cards.issue(by, pan, merchant);
            tokens.add(token, by.seal(pan, merchant, token.reference()));
            live.put(token, pan);
        }

        void remove(int which) {
            Token token = new ArrayList<>(live.keySet()).get(which % live.size());
            live.remove(token);
            tokens.update(token.changeTo(TokenStatus.REMOVED, ChangedBy.CARD_HOLDER, ChangeReason.OTHER, CLOCK.instant()).get().token());
            removed.add(token);
        }

        void rotateSomeBatches(int batches) {
            int[] calls = {0};
            try {
                rotate.rotate(p -> {
                    if (calls[0]++ == batches) {
                        Thread.currentThread().interrupt();
                    }
                });
            } finally {
                Thread.interrupted();
            }
        }

        void everyLiveCardOpensAndEveryRemovedOneIsGone() {
            live.forEach((token, pan) -> assertEquals(Either.right(pan),
                    newServer.open(tokens.sealedPan(merchant, token.reference()).get(), merchant, token.reference())));
            removed.forEach(token -> assertTrue(tokens.sealedPan(merchant, token.reference()).isEmpty()));
        }
    }

    @Property(tries = 60)
    void rotation_never_loses_a_card_nor_brings_back_a_removed_one(@ForAll("servingVaults") ActionChain<Vault> chain) {
        Vault vault = chain.withInvariant("every live card opens, removed ones are gone",
                Vault::everyLiveCardOpensAndEveryRemovedOneIsGone).run();

        RotateKeys.Rotation last = vault.rotate.rotate(RotateKeys.ProgressListener.NONE);
        assertEquals(Ending.DONE, last.ending());
        vault.everyLiveCardOpensAndEveryRemovedOneIsGone();
        assertEquals(0, vault.tokens.countWrappedBefore(2));
        assertEquals(0, vault.rotate.rotate(RotateKeys.ProgressListener.NONE).rewrapped());
    }

    @Provide
    Arbitrary<ActionChain<Vault>> servingVaults() {
        return ActionChain.<Vault>startWith(Vault::new)
                .withAction(3, Action.just("vault on an old server", Transformer.mutate("vault (old key)", v -> v.vault(v.oldServer))))
                .withAction(2, Action.just("vault on a new server", Transformer.mutate("vault (new key)", v -> v.vault(v.newServer))))
                .withAction(new Action.Independent<Vault>() {
                    @Override
                    public boolean precondition(Vault vault) {
                        return !vault.live.isEmpty();
                    }

                    @Override
                    public Arbitrary<Transformer<Vault>> transformer() {
                        return Arbitraries.integers().between(0, 1000)
                                .map(i -> Transformer.mutate("remove token #" + i, v -> v.remove(i)));
                    }
                })
                .withAction(new Action.Independent<Vault>() {
                    @Override
                    public Arbitrary<Transformer<Vault>> transformer() {
                        return Arbitraries.integers().between(1, 3)
                                .map(n -> Transformer.mutate("rotate " + n + " batches", v -> v.rotateSomeBatches(n)));
                    }
                })
                .withMaxTransformations(40);
    }
}
