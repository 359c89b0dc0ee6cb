package dev.cofre.application.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.application.testing.InMemoryVault;
import dev.cofre.application.testing.TestCardCipher;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.card.Brand;
import dev.cofre.domain.card.CardArbitraries;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.TokenStatus;
import dev.cofre.domain.token.VaultError;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * The token lifecycle, driven through the vault's use cases by random chains of actions across
 * two merchants and checked step by step against a simple model.
 */
class TokenLifecycleProperties {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-06-15T12:00:00Z"), ZoneOffset.UTC);
    static final InetAddress ALLOWED = address("10.0.0.7");
    static final InetAddress ELSEWHERE = address("192.0.2.1");
    static final List<String> ALIASES = List.of("casa", "trabalho", "viagem");

    /** What the model remembers of a token; the CVV it was created with is kept only to prove it never comes back. */
    record Modelled(MerchantId owner, String pan, String cvv, Option<String> alias, TokenStatus status) {
    }

    /** The system under test and the model, side by side. */
    static final class World {
        final InMemoryVault system = new InMemoryVault(new TestCardCipher(), CLOCK);
        final List<MerchantId> merchants = List.of(system.merchant("Loja A", "10.0.0.0/24"), system.merchant("Loja B", "10.0.0.0/24"));
        Map<TokenReference, Modelled> model = HashMap.empty();
        int steps;

        Option<TokenReference> holderOf(MerchantId merchant, String alias) {
            return model.find(e -> e._2.owner().equals(merchant) && e._2.alias().contains(alias)
                    && e._2.status() != TokenStatus.REMOVED).map(e -> e._1);
        }

        @Override
        public String toString() {
            return "World[" + model.size() + " tokens, " + steps + " steps]";
        }
    }

    @Property(tries = 1000)
    void the_vault_behaves_like_its_model(@ForAll("chains") ActionChain<World> chain) {
        chain.withInvariant("at most one live token per merchant and alias", TokenLifecycleProperties::oneHolderPerAlias)
                .withInvariant("removed tokens keep no sealed number", TokenLifecycleProperties::removedAreUnreadable)
                .withInvariant("the store agrees with the model", TokenLifecycleProperties::storeMatchesModel)
                .withInvariant("no card number or CVV is kept beside a token", TokenLifecycleProperties::noCardDataBesideTokens)
                .run();
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(World::new)
                .withAction(3, new Tokenize())
                .withAction(2, new ChangeStatus("suspend"))
                .withAction(2, new ChangeStatus("reactivate"))
                .withAction(2, new ChangeStatus("remove"))
                .withAction(2, new Detokenize())
                .withAction(1, new Get())
                .withAction(1, new LookUpAlias())
                .withMaxTransformations(40);
    }

    // --- actions ---

    static Arbitrary<Integer> merchantIndex() {
        return Arbitraries.integers().between(0, 1);
    }

    static Arbitrary<Option<String>> aliases() {
        return Arbitraries.of(ALIASES.toJavaList()).map(Option::some).injectNull(0.4).map(o -> o == null ? Option.none() : o);
    }

    static final class Tokenize implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            Arbitrary<String> pans = CardArbitraries.numbers().filter(n -> !n.startsWith("0"));
            return Combinators.combine(merchantIndex(), pans, aliases(), Arbitraries.strings().numeric().ofLength(4))
                    .as((m, pan, alias, digits) -> Transformer.mutate("tokenize " + alias + " for merchant " + m, w -> {
                        MerchantId merchant = w.merchants.get(m);
                        Brand brand = dev.cofre.domain.card.Pan.parse(pan).get().brand();
                        String cvv = digits.substring(0, brand.securityCodeLength());
                        var result = w.system.vault.tokenize().tokenize(merchant, new TokenizeCard.Command(
                                alias.getOrNull(), pan, "Maria Souza", "12/2030", cvv, null));
                        boolean aliasTaken = alias.exists(a -> w.holderOf(merchant, a).isDefined());
                        if (aliasTaken) {
                            assertInstanceOf(VaultError.AliasInUse.class, result.getLeft());
                        } else {
                            Token token = result.get();
                            assertEquals(TokenStatus.ACTIVE, token.status());
                            assertEquals(pan.substring(pan.length() - 4), token.card().lastFour());
                            w.model = w.model.put(token.reference(), new Modelled(merchant, pan, cvv, alias, TokenStatus.ACTIVE));
                        }
                        w.steps++;
                    }));
        }
    }

    /** Picks a known token (or an unknown reference) and a caller that may or may not own it. */
    static Arbitrary<TokenReference> references(World w) {
        Arbitrary<TokenReference> unknown = Arbitraries.create(() -> new TokenReference(java.util.UUID.randomUUID()));
        return w.model.isEmpty() ? unknown
                : Arbitraries.frequencyOf(
                        net.jqwik.api.Tuple.of(9, Arbitraries.of(w.model.keySet().toJavaList())),
                        net.jqwik.api.Tuple.of(1, unknown));
    }

    static final class ChangeStatus implements Action.Dependent<World> {
        private final String operation;

        ChangeStatus(String operation) {
            this.operation = operation;
        }

        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return Combinators.combine(references(state), merchantIndex(),
                            Arbitraries.of("Merchant", "CardHolder"), Arbitraries.of("FraudSuspicion", "Other"))
                    .as((ref, m, by, reason) -> Transformer.mutate(operation + " " + ref + " as merchant " + m, w -> {
                        MerchantId caller = w.merchants.get(m);
                        var command = new ChangeTokenStatus.Command(ref.toString(), by, reason);
                        var uses = w.system.vault.changeStatus();
                        Either<DomainError, Token> result = switch (operation) {
                            case "suspend" -> uses.suspend(caller, command);
                            case "reactivate" -> uses.reactivate(caller, command);
                            default -> uses.remove(caller, command);
                        };
                        Option<Modelled> known = w.model.get(ref).filter(t -> t.owner().equals(caller));
                        if (known.isEmpty()) {
                            assertInstanceOf(VaultError.TokenNotFound.class, result.getLeft(), "another merchant's token is not found");
                        } else {
                            TokenStatus from = known.get().status();
                            TokenStatus target = switch (operation) {
                                case "suspend" -> TokenStatus.SUSPENDED;
                                case "reactivate" -> TokenStatus.ACTIVE;
                                default -> TokenStatus.REMOVED;
                            };
                            boolean allowed = from == target
                                    || (from == TokenStatus.ACTIVE && target != TokenStatus.ACTIVE)
                                    || (from == TokenStatus.SUSPENDED);
                            if (allowed) {
                                assertEquals(target, result.get().status());
                                w.model = w.model.put(ref, new Modelled(known.get().owner(), known.get().pan(),
                                        known.get().cvv(), known.get().alias(), target));
                            } else {
                                assertInstanceOf(VaultError.InvalidTransition.class, result.getLeft(),
                                        "REMOVED is final");
                            }
                        }
                        w.steps++;
                    }));
        }
    }

    static final class Detokenize implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return Combinators.combine(references(state), merchantIndex(), Arbitraries.of(true, true, true, false))
                    .as((ref, m, fromAllowedIp) -> Transformer.mutate("detokenize " + ref + " as merchant " + m, w -> {
                        MerchantId caller = w.merchants.get(m);
                        var result = w.system.vault.detokenize().detokenize(caller,
                                new DetokenizeCard.Command(ref.toString(), null, fromAllowedIp ? ALLOWED : ELSEWHERE));
                        Option<Modelled> known = w.model.get(ref).filter(t -> t.owner().equals(caller));
                        if (!fromAllowedIp) {
                            assertInstanceOf(VaultError.IpNotAllowed.class, result.getLeft());
                        } else if (known.isEmpty()) {
                            assertInstanceOf(VaultError.TokenNotFound.class, result.getLeft());
                        } else if (known.get().status() != TokenStatus.ACTIVE) {
                            assertInstanceOf(VaultError.TokenNotActive.class, result.getLeft());
                        } else {
                            assertEquals(known.get().pan(), result.get().pan().revealDigits());
                        }
                        var last = w.system.audit.of(caller).last();
                        assertEquals("detokenize", last.action(), "every card-number read is audited");
                        w.steps++;
                    }));
        }
    }

    static final class Get implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return Combinators.combine(references(state), merchantIndex())
                    .as((ref, m) -> Transformer.mutate("get " + ref + " as merchant " + m, w -> {
                        MerchantId caller = w.merchants.get(m);
                        var result = w.system.vault.get().get(caller, ref.toString());
                        Option<Modelled> known = w.model.get(ref).filter(t -> t.owner().equals(caller));
                        if (known.isEmpty()) {
                            assertInstanceOf(VaultError.TokenNotFound.class, result.getLeft());
                        } else {
                            assertEquals(known.get().status(), result.get().status());
                            assertEquals(known.get().alias(), result.get().alias().map(Alias::value));
                        }
                        w.steps++;
                    }));
        }
    }

    static final class LookUpAlias implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(merchantIndex(), Arbitraries.of(ALIASES.toJavaList()))
                    .as((m, alias) -> Transformer.mutate("look up " + alias + " as merchant " + m, w -> {
                        MerchantId caller = w.merchants.get(m);
                        var result = w.system.vault.findByAlias().find(caller, alias);
                        Option<TokenReference> expected = w.holderOf(caller, alias);
                        if (expected.isEmpty()) {
                            assertInstanceOf(VaultError.AliasNotFound.class, result.getLeft());
                        } else {
                            assertEquals(expected.get(), result.get().reference());
                        }
                        w.steps++;
                    }));
        }
    }

    // --- invariants ---

    static void oneHolderPerAlias(World w) {
        for (MerchantId m : w.merchants) {
            for (String alias : ALIASES) {
                long live = w.system.tokens.aliasHistory(m, new Alias(alias)).count(a -> a.enabled());
                assertTrue(live <= 1, "alias " + alias + " has " + live + " live tokens");
            }
        }
    }

    static void removedAreUnreadable(World w) {
        w.model.forEach((ref, t) -> {
            boolean sealed = w.system.tokens.sealedPan(t.owner(), ref).isDefined();
            assertEquals(t.status() != TokenStatus.REMOVED, sealed, "sealed number present for " + t.status());
        });
    }

    static void storeMatchesModel(World w) {
        w.model.forEach((ref, t) -> {
            assertEquals(t.status(), w.system.tokens.find(t.owner(), ref).get().status());
            MerchantId other = w.merchants.find(m -> !m.equals(t.owner())).get();
            assertTrue(w.system.tokens.find(other, ref).isEmpty(), "another merchant's token is absent");
        });
    }

    static void noCardDataBesideTokens(World w) {
        w.model.forEach((ref, t) -> {
            Token stored = w.system.tokens.find(t.owner(), ref).get();
            // Every field of the token's state type and of its details.
            for (Record record : List.<Record>of((Record) stored, stored.details())) {
                for (var component : record.getClass().getRecordComponents()) {
                    Object value = io.vavr.control.Try.of(() -> component.getAccessor().invoke(record)).get();
                    assertFalse(value instanceof SecurityCode, "a token holds no security code");
                    assertFalse(String.valueOf(value).equals(t.cvv()), "a token holds no security code");
                    assertFalse(String.valueOf(value).contains(t.pan()), "a token holds no card number");
                }
            }
            assertFalse(stored.toString().contains(t.pan()));
        });
        w.merchants.forEach(m -> w.system.audit.of(m).forEach(e ->
                w.model.values().forEach(t -> assertFalse(e.toString().contains(t.pan()), "audit holds no card number"))));
    }

    static InetAddress address(String ip) {
        return io.vavr.control.Try.of(() -> InetAddress.getByName(ip)).get();
    }
}
