package dev.cofre.application.charge;

import static dev.cofre.domain.charge.TransactionStatus.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.charge.AcquirerAnswer.Kind;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeMoney;
import dev.cofre.domain.charge.ChargeStatus;
import dev.cofre.domain.charge.Transaction;
import dev.cofre.domain.charge.TransactionKind;
import dev.cofre.domain.charge.TransactionStatus;
import dev.cofre.domain.charge.TransitionTable;
import dev.cofre.domain.token.TokenReference;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random chains of authorizations (every operation type and card source), captures, voids and
 * refunds (full and partial), idempotent retries and reconciliations, against an acquirer that
 * answers at random (approved, declined, pending, no answer) and whose truth may change later.
 */
class ChargeLifecyclePropertiesTest {

    /** What each of the 14 statuses means for the charge, written out independently of the code. */
    private static final Map<TransactionStatus, ChargeStatus> CHARGE_STATUS = new EnumMap<>(Map.ofEntries(
            Map.entry(AUTHORIZED_PENDING_CAPTURE, ChargeStatus.PENDING),
            Map.entry(NOT_AUTHORIZED, ChargeStatus.FAILED), Map.entry(FAILED, ChargeStatus.FAILED),
            Map.entry(CAPTURED, ChargeStatus.PAID), Map.entry(PARTIAL_CAPTURE, ChargeStatus.PAID),
            Map.entry(PARTIAL_REFUNDED, ChargeStatus.PAID),
            Map.entry(REFUNDED, ChargeStatus.CANCELED), Map.entry(VOIDED, ChargeStatus.CANCELED),
            Map.entry(PARTIAL_VOID, ChargeStatus.CANCELED),
            Map.entry(WAITING_CAPTURE, ChargeStatus.PROCESSING), Map.entry(WAITING_CANCELLATION, ChargeStatus.PROCESSING),
            Map.entry(ERROR_ON_VOIDING, ChargeStatus.PROCESSING), Map.entry(ERROR_ON_REFUNDING, ChargeStatus.PROCESSING),
            Map.entry(WITH_ERROR, ChargeStatus.PROCESSING)));

    /** Every status some chain reached, across all tries. */
    private static final Set<TransactionStatus> REACHED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final Set<TransactionStatus> TERMINAL = Set.of(NOT_AUTHORIZED, REFUNDED, VOIDED, PARTIAL_VOID, FAILED);

    @Property(tries = 1000)
    void chargesConserveMoneyAndMoveOnlyAlongTheStateTable(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("money is conserved", Model::moneyIsConserved)
                .withInvariant("statuses move only along the table", Model::statusesMoveOnlyAlongTheTable)
                .withInvariant("charge status follows the last transaction", Model::chargeStatusFollowsLastTransaction)
                .withInvariant("with_error is neither declined nor captured", Model::withErrorIsNeitherDeclinedNorCaptured)
                .run();
    }

    /** Guards the generators: chains that never reach a status would test nothing about it. */
    @AfterContainer
    static void theChainsReachedEveryOneOfTheFourteenStatuses() {
        assertEquals(EnumSet.allOf(TransactionStatus.class), EnumSet.copyOf(REACHED));
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(3, new Authorize())
                .withAction(2, new FollowUp(TransactionKind.CAPTURE))
                .withAction(2, new FollowUp(TransactionKind.VOID))
                .withAction(2, new FollowUp(TransactionKind.REFUND))
                .withAction(2, new Reconcile())
                .withAction(1, new Retry())
                .withMaxTransformations(16);
    }

    /** The system under test, and what the test has seen of it. */
    static final class Model {
        final ScriptedAcquirer acquirer = new ScriptedAcquirer();
        final ChargeWorld world = new ChargeWorld(acquirer);
        final TokenReference active = world.vault(world.merchant, "4551870000000183", false);
        final TokenReference suspended = world.vault(world.merchant, "4111111111111111", true);
        final TokenReference othersCard = world.vault(world.otherMerchant, "4000000000000010", false);
        final List<Charge> charges = new ArrayList<>();
        final Map<Object, List<TransactionStatus>> seen = new HashMap<>();
        final List<Runnable> retries = new ArrayList<>();
        final List<String> cryptograms = new ArrayList<>();
        final AtomicInteger keys = new AtomicInteger();

        String key() {
            return "key-" + keys.incrementAndGet();
        }

        Charge current(int index) {
            return world.reload(charges.get(index));
        }

        void moneyIsConserved() {
            for (Charge stored : charges) {
                Charge c = world.reload(stored);
                ChargeMoney m = c.money();
                assertFalse(m.captured().exceeds(m.authorized()), "captured <= authorized");
                assertFalse(m.voided().exceeds(m.authorized().minus(m.captured())), "voided <= authorized - captured");
                assertFalse(m.refunded().exceeds(m.captured()), "refunded <= captured");
                var auth = c.authorization().id();
                Amount acquirerCaptured = acquirer.total(auth, "capture");
                Amount acquirerVoided = acquirer.total(auth, "void");
                Amount acquirerRefunded = acquirer.total(auth, "refund");
                if (c.lastTransaction().status().isInDoubt()) {
                    assertFalse(m.captured().exceeds(acquirerCaptured), "never more captured than the acquirer did");
                    assertFalse(m.refunded().exceeds(acquirerRefunded), "never more refunded than the acquirer did");
                    assertFalse(m.voided().exceeds(acquirerVoided), "never more voided than the acquirer did");
                } else {
                    assertEquals(acquirerCaptured, m.captured(), "settled charge captured what the acquirer did");
                    assertEquals(acquirerRefunded, m.refunded(), "settled charge refunded what the acquirer did");
                    assertEquals(acquirerVoided, m.voided(), "settled charge voided what the acquirer did");
                }
            }
        }

        void statusesMoveOnlyAlongTheTable() {
            for (Charge stored : charges) {
                Charge c = world.reload(stored);
                TransactionStatus now = c.lastTransaction().status();
                assertTrue(CHARGE_STATUS.containsKey(now), "one of the 14 statuses");
                REACHED.add(now);
                List<TransactionStatus> history = seen.computeIfAbsent(c.id(), id -> new ArrayList<>());
                Option<TransactionStatus> before = history.isEmpty()
                        ? Option.none() : Option.some(history.get(history.size() - 1));
                if (before.contains(now)) {
                    continue;
                }
                assertTrue(before.forAll(b -> !TERMINAL.contains(b)), "moved out of terminal " + before + " to " + now);
                assertTrue(TransitionTable.allows(before, now), "moved " + before + " -> " + now + " off the table");
                history.add(now);
            }
        }

        void chargeStatusFollowsLastTransaction() {
            for (Charge stored : charges) {
                Charge c = world.reload(stored);
                assertEquals(CHARGE_STATUS.get(c.lastTransaction().status()), c.status());
            }
        }

        void withErrorIsNeitherDeclinedNorCaptured() {
            for (Charge stored : charges) {
                Charge c = world.reload(stored);
                Transaction last = c.lastTransaction();
                if (last.status() != WITH_ERROR) {
                    continue;
                }
                assertEquals(ChargeStatus.PROCESSING, c.status(), "a with_error charge is not failed");
                assertTrue(c.money().captured().isZero(), "nothing in with_error counts as captured");
                if (last.kind() == TransactionKind.AUTHORIZATION) {
                    assertTrue(c.money().authorized().isZero(), "an authorization in doubt authorizes nothing yet");
                }
            }
        }

        @Override
        public String toString() {
            return "Model" + charges.stream().map(c -> world.reload(c).transactions()
                    .map(t -> t.move() + ":" + t.amount().cents() + ":" + t.status().wireName()).mkString("[", ", ", "]"))
                    .toList();
        }
    }

    private static Arbitrary<Kind[]> answers() {
        Arbitrary<Kind> kinds = Arbitraries.of(Kind.class);
        return Combinators.combine(kinds, kinds).as((answer, truth) ->
                answer == Kind.APPROVED || answer == Kind.DECLINED ? new Kind[] {answer, answer} : new Kind[] {answer, truth});
    }

    enum Source { CARD, DECLINED_CARD, EXPIRED_CARD, CARD_ID, SUSPENDED_CARD_ID, OTHERS_CARD_ID, CARD_TOKEN,
        NETWORK_TOKEN, REUSED_CRYPTOGRAM }

    static final class Authorize implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.of("auth_and_capture", "auth_only", "pre_auth"),
                            Arbitraries.of(Source.class), Arbitraries.longs().between(1, 1_000_000), answers())
                    .as((type, source, amount, answer) -> Transformer.mutate(
                            "authorize " + type + " " + source + " " + amount + " answered " + answer[0] + " truly " + answer[1],
                            model -> authorize(model, type, source, amount, answer)));
        }

        private static void authorize(Model model, String type, Source source, long amount, Kind[] answer) {
            ChargeWorld w = model.world;
            model.acquirer.next(answer[0], answer[1]);
            ChargeWorld.Pay cc;
            switch (source) {
                case CARD: cc = ChargeWorld.card("4000000000000010", type); break;
                case DECLINED_CARD: cc = ChargeWorld.card("4000000000000028", type); break;
                case EXPIRED_CARD:
                    cc = ChargeWorld.card("4000000000000010", 1, 20, "353", type);
                    break;
                case CARD_ID: cc = ChargeWorld.cardId(model.active, type); break;
                case SUSPENDED_CARD_ID: cc = ChargeWorld.cardId(model.suspended, type); break;
                case OTHERS_CARD_ID: cc = ChargeWorld.cardId(model.othersCard, type); break;
                case CARD_TOKEN: cc = ChargeWorld.cardToken(w.cardToken("5555555555554444"), type); break;
                case NETWORK_TOKEN: {
                    String cryptogram = "crypto-" + model.keys.incrementAndGet();
                    model.cryptograms.add(cryptogram);
                    cc = ChargeWorld.networkToken(cryptogram, type);
                    break;
                }
                default: {
                    if (model.cryptograms.isEmpty()) {
                        model.cryptograms.add("crypto-first");
                        w.authorize(model.key(), amount, ChargeWorld.networkToken("crypto-first", type))
                                .forEach(model.charges::add);
                    }
                    cc = ChargeWorld.networkToken(model.cryptograms.get(0), type);
                }
            }
            int callsBefore = model.acquirer.calls();
            String key = model.key();
            var command = ChargeWorld.order(key, amount, cc);
            Either<DomainError, Charge> result = w.authorize.authorize(w.merchant, command);
            model.acquirer.clearScript();
            if (source == Source.OTHERS_CARD_ID) {
                assertTrue(result.getLeft() instanceof ChargeError.CardNotFound, "another merchant's card is not found");
                return;
            }
            Charge charge = result.get();
            model.charges.add(charge);
            TransactionStatus status = charge.lastTransaction().status();
            if (source == Source.EXPIRED_CARD || source == Source.SUSPENDED_CARD_ID || source == Source.REUSED_CRYPTOGRAM) {
                assertEquals(FAILED, status, "refused before the acquirer");
                assertEquals(callsBefore, model.acquirer.calls(), "the acquirer was not asked");
            } else if (answer[0] == Kind.UNKNOWN || answer[0] == Kind.PENDING) {
                assertEquals(WITH_ERROR, status, "no answer is never a decline");
            } else if (answer[0] == Kind.DECLINED) {
                assertEquals(NOT_AUTHORIZED, status);
            }
            model.retries.add(() -> {
                var again = w.authorize.authorize(w.merchant, command).get();
                assertEquals(charge.id(), again.id(), "the same key gets the same charge");
            });
        }
    }

    static final class FollowUp implements Action.Dependent<Model> {
        private final TransactionKind kind;

        FollowUp(TransactionKind kind) {
            this.kind = kind;
        }

        @Override
        public boolean precondition(Model model) {
            return !model.charges.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model model) {
            Arbitrary<Long> amounts = Arbitraries.longs().between(1, 1_200_000).injectNull(0.4);
            return Combinators.combine(Arbitraries.integers().between(0, model.charges.size() - 1), amounts, answers())
                    .as((index, amount, answer) -> Transformer.mutate(
                            kind + " charge " + index + " amount " + amount + " answered " + answer[0] + " truly " + answer[1],
                            m -> run(m, index, amount, answer)));
        }

        private void run(Model model, int index, Long amount, Kind[] answer) {
            Charge before = model.current(index);
            model.acquirer.next(answer[0], answer[1]);
            int callsBefore = model.acquirer.calls();
            String key = model.key();
            Either<DomainError, Charge> result = call(model, before, amount, key);
            model.acquirer.clearScript();
            if (result.isLeft()) {
                assertTrue(result.getLeft() instanceof ChargeError, result.getLeft().message());
                assertEquals(before, model.current(index), "a refused operation changes nothing");
                assertEquals(callsBefore, model.acquirer.calls(), "a refused operation never reaches the acquirer");
                return;
            }
            Charge after = result.get();
            assertEquals(before.transactions().size() + 1, after.transactions().size());
            model.retries.add(() -> {
                int calls = model.acquirer.calls();
                Charge now = model.current(index);
                var again = call(model, before, amount, key);
                assertTrue(again.isRight(), "a retry is answered, not refused");
                assertEquals(now, model.current(index), "a retry changes nothing");
                assertEquals(calls, model.acquirer.calls(), "a retry never reaches the acquirer twice");
            });
        }

        private Either<DomainError, Charge> call(Model model, Charge charge, Long amount, String key) {
            switch (kind) {
                case CAPTURE: return model.world.capture(charge, amount, key);
                case VOID: return model.world.voidIt(charge, amount, key);
                default: return model.world.refund(charge, amount, key);
            }
        }
    }

    /** The acquirer's truth about operations in doubt may change (a pending one completes), then reconciliation runs. */
    static final class Reconcile implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.of(Kind.class).injectNull(0.3).map(completion -> Transformer.mutate(
                    "reconcile after in-doubt operations turn " + completion, model -> {
                        if (completion != null) {
                            model.acquirer.operations().forEach((id, op) -> {
                                if (op.truth() == Kind.PENDING || op.truth() == Kind.UNKNOWN) {
                                    model.acquirer.settle(id, completion);
                                }
                            });
                        }
                        int callsBefore = model.acquirer.calls();
                        model.world.reconcile.reconcile();
                        assertEquals(callsBefore, model.acquirer.calls(), "reconciliation only asks, never operates");
                    }));
        }
    }

    static final class Retry implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model model) {
            return !model.retries.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model model) {
            return Arbitraries.integers().between(0, model.retries.size() - 1)
                    .map(i -> Transformer.mutate("retry operation " + i + " with its key", m -> m.retries.get(i).run()));
        }
    }
}
