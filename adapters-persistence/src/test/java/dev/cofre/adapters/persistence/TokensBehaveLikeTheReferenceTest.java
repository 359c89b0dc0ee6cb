package dev.cofre.adapters.persistence;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.application.inmemory.InMemoryTokens;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenStatus;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterTry;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Under any sequence of vaulting, suspending, reactivating and removing tokens with a few
 * contested aliases, the SQLite store answers exactly as the in-memory reference does, and never
 * lets two live tokens share an alias.
 */
class TokensBehaveLikeTheReferenceTest {

    private static final List<String> ALIASES = List.of("casa", "praia", "trabalho");

    private final List<Database> opened = new ArrayList<>();

    /** The store under test and the reference, fed the same calls. */
    final class Vault {
        final Database db = TestDatabases.sqlite();
        final InMemoryTokens reference = new InMemoryTokens();
        final MerchantId merchant;
        final List<TokenReference> vaulted = new ArrayList<>();

        Vault() {
            opened.add(db);
            var m = VaultFixtures.merchant();
            db.merchants().add(m, VaultFixtures.credentialsOf(m.id()));
            merchant = m.id();
        }

        void vault(Option<Alias> alias) {
            var token = VaultFixtures.token(merchant, alias);
            var sealed = VaultFixtures.sealedPan(1);
            var expected = reference.add(token, sealed);
            assertEquals(expected, db.tokens().add(token, sealed));
            if (expected.isRight()) {
                vaulted.add(token.reference());
            }
        }

        void change(TokenReference ref, BiFunction<Token, Integer, Either<VaultError, Token>> transition) {
            var current = reference.find(merchant, ref).get();
            transition.apply(current, vaulted.indexOf(ref)).forEach(changed ->
                    assertEquals(reference.update(changed), db.tokens().update(changed)));
        }

        void assertSameAnswers() {
            for (String a : ALIASES) {
                var alias = new Alias(a);
                assertEquals(reference.findByAlias(merchant, alias), db.tokens().findByAlias(merchant, alias), "holder of " + a);
                assertEquals(reference.aliasHistory(merchant, alias), db.tokens().aliasHistory(merchant, alias), "history of " + a);
            }
            for (var ref : vaulted) {
                assertEquals(reference.find(merchant, ref), db.tokens().find(merchant, ref));
                assertEquals(reference.sealedPan(merchant, ref), db.tokens().sealedPan(merchant, ref));
            }
            assertEquals(reference.countWrappedBefore(2), db.sealedPans().countWrappedBefore(2));
        }
    }

    @Property(tries = 20)
    void the_sqlite_store_answers_every_sequence_of_changes_as_the_reference_does(@ForAll("changes") ActionChain<Vault> chain) {
        chain.withInvariant("same answers as the reference", Vault::assertSameAnswers).run();
    }

    @AfterTry
    void closeDatabases() {
        opened.forEach(db -> {
            db.close();
            TestDatabases.deleteSqlite(db);
        });
        opened.clear();
    }

    @Provide
    Arbitrary<ActionChain<Vault>> changes() {
        return ActionChain.startWith(Vault::new)
                .withAction(3, new VaultACard())
                .withAction(new ChangeAToken("suspend", (t, i) -> move(t, TokenStatus.SUSPENDED, ChangedBy.MERCHANT, ChangeReason.OTHER, i)))
                .withAction(new ChangeAToken("reactivate", (t, i) -> move(t, TokenStatus.ACTIVE, ChangedBy.MERCHANT, ChangeReason.OTHER, i)))
                .withAction(new ChangeAToken("remove", (t, i) -> move(t, TokenStatus.REMOVED, ChangedBy.CARD_HOLDER, ChangeReason.FRAUD_SUSPICION, i)))
                .withMaxTransformations(25);
    }

    /** A move the token makes; a request for the state it is in already is not a change to store. */
    static Either<VaultError, Token> move(Token token, TokenStatus to, ChangedBy by, ChangeReason why, int second) {
        return token.changeTo(to, by, why, NOW.plusSeconds(second)).flatMap(change -> change.moved()
                ? Either.right(change.token())
                : Either.left(new VaultError.InvalidTransition(token.status(), to.request())));
    }

    static final class VaultACard implements Action.Independent<Vault> {
        @Override
        public Arbitrary<Transformer<Vault>> transformer() {
            return Arbitraries.of(ALIASES).injectNull(0.25).map(a -> Transformer.mutate(
                    "vault with alias " + a, vault -> vault.vault(Option.of(a).map(Alias::new))));
        }
    }

    static final class ChangeAToken implements Action.Dependent<Vault> {
        private final String name;
        private final BiFunction<Token, Integer, Either<VaultError, Token>> transition;

        ChangeAToken(String name, BiFunction<Token, Integer, Either<VaultError, Token>> transition) {
            this.name = name;
            this.transition = transition;
        }

        @Override
        public boolean precondition(Vault vault) {
            return !vault.vaulted.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Vault>> transformer(Vault vault) {
            return Arbitraries.of(vault.vaulted).map(ref -> Transformer.mutate(
                    name + " token #" + vault.vaulted.indexOf(ref), v -> v.change(ref, transition)));
        }
    }
}
