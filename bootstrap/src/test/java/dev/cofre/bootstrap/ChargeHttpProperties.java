package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cofre.adapters.acquirer.AcquirerSimulator;
import dev.cofre.application.merchant.RegisterMerchant;
import dev.cofre.bootstrap.RunningCofre.Reply;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.Amount;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeMoney;
import dev.cofre.domain.charge.ChargeStage;
import dev.cofre.domain.charge.ChargeStatus;
import dev.cofre.domain.charge.Move;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.charge.TransactionStatus;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * The charge engine's invariants through the HTTP API (Pagar.me v5 under /core/v5) of a running
 * server on SQLite: random chains of authorizations (auth_only, auth_and_capture), full and partial
 * captures, cancels (a void before capture, a refund after it, full or partial), retries with the
 * same idempotency key, and reconciliations, against the simulator's test cards (approved,
 * declined, no funds, pending, timeout) and faults injected into its next call (fail, hang past the
 * deadline, answer lost, pending, decline).
 * <p>
 * After every step: money is conserved (the engine never counts more than the acquirer really did,
 * and exactly that once settled; captured, voided and refunded stay within what was authorized and
 * the HTTP answer says the same); no charge leaves a terminal status; every status is one of the 14
 * and the charge's status agrees with its last transaction; and a retry of an answered request asks
 * the acquirer nothing and moves no money.
 */
class ChargeHttpProperties {

    /** The 14 statuses and the charge status each one means, written out apart from the code. */
    static final Map<String, String> CHARGE_STATUS = Map.ofEntries(
            Map.entry("authorized_pending_capture", "pending"), Map.entry("not_authorized", "failed"),
            Map.entry("failed", "failed"), Map.entry("captured", "paid"), Map.entry("partial_capture", "paid"),
            Map.entry("partial_refunded", "paid"), Map.entry("refunded", "canceled"), Map.entry("voided", "canceled"),
            Map.entry("partial_void", "canceled"), Map.entry("waiting_capture", "processing"),
            Map.entry("waiting_cancellation", "processing"), Map.entry("error_on_voiding", "processing"),
            Map.entry("error_on_refunding", "processing"), Map.entry("with_error", "processing"));

    static final Set<String> TERMINAL = Set.of("not_authorized", "refunded", "voided", "partial_void", "failed");

    /** Every status some chain reached, across all tries (reported, to see what the chains cover). */
    static final Set<String> REACHED = ConcurrentHashMap.newKeySet();

    static RunningCofre cofre;
    static LedgerAcquirer acquirer;
    static RegisterMerchant.Registered merchant;
    static String secretKey;

    @BeforeContainer
    static void start() throws Exception {
        acquirer = new LedgerAcquirer(new AcquirerSimulator().withHang(Duration.ofMillis(1300)));
        cofre = new RunningCofre(Files.createTempDirectory("cofre-charge-properties"), null, null, RunningCofre.SEED_TIME,
                Map.of("COFRE_RECONCILE_INTERVAL_SECONDS", "0", "COFRE_RECONCILE_GRACE_SECONDS", "0",
                        "COFRE_ACQUIRER_TIMEOUT_SECONDS", "1"), acquirer);
        merchant = cofre.merchant("Charge Properties");
        secretKey = cofre.wiring().secretKeys().issue(merchant.merchant().id());
    }

    @AfterContainer
    static void stop() {
        if (cofre != null) {
            cofre.close();
        }
        // not asserted (which statuses a modest number of tries reaches is chance), but reported
        System.out.println("ChargeHttpProperties reached " + REACHED.size() + " of 14 statuses: " + REACHED);
    }

    @Property(tries = 15)
    void charges_over_http_conserve_money_and_move_only_forward(@ForAll("chains") ActionChain<Model> chain) {
        chain.withInvariant("money is conserved; statuses are the 14, agree, and never leave a terminal one",
                        Model::invariantsHold)
                .run();
    }

    @Provide
    Arbitrary<ActionChain<Model>> chains() {
        return ActionChain.startWith(Model::new)
                .withAction(2, new Authorize())
                .withAction(4, new Capture())
                .withAction(4, new Cancel())
                .withAction(2, new Retry())
                .withAction(2, new Reconcile())
                .withMaxTransformations(10);
    }

    /** A request as sent, to send again under its key. */
    record Sent(String method, String path, String body, String key, int status, String chargeId) {
    }

    /** What the chain made and saw. */
    static final class Model {
        final List<String> charges = new ArrayList<>();
        final Map<String, List<String>> history = new HashMap<>();
        final List<Sent> sent = new ArrayList<>();

        Reply send(String method, String path, String body, String key) {
            var headers = new HashMap<String, String>();
            headers.put("Authorization", OrdersServerContract.basic(secretKey));
            headers.put("idempotency-key", key);
            if (body != null) {
                headers.put("Content-Type", "application/json");
            }
            Reply r = cofre.send(method, "/core/v5" + path, body, headers);
            assertTrue(r.status() < 500, method + " " + path + " answered " + r.status() + ": " + r.body());
            return r;
        }

        Reply sendRecorded(String method, String path, String body, String chargeId) {
            String key = UUID.randomUUID().toString();
            Reply r = send(method, path, body, key);
            sent.add(new Sent(method, path, body, key, r.status(), chargeId));
            return r;
        }

        Charge stored(String chargeId) {
            return cofre.wiring().charging().get().get(merchant.merchant().id(), chargeId)
                    .getOrElseThrow(e -> new AssertionError(chargeId + ": " + e.message()));
        }

        JsonNode read(String chargeId) {
            Reply r = send("GET", "/charges/" + chargeId, null, "read");
            assertEquals(200, r.status(), r.body());
            return r.json();
        }

        /** One read of each charge, stored and over HTTP, for both invariants. */
        void invariantsHold() {
            for (String id : charges) {
                Charge c = stored(id);
                JsonNode wire = read(id);
                moneyIsConserved(id, c, wire);
                statusesHold(id, c, wire);
            }
        }

        void moneyIsConserved(String id, Charge c, JsonNode wire) {
            ChargeMoney m = c.money();
            assertFalse(m.captured().exceeds(m.authorized()), "captured <= authorized");
            assertFalse(m.voided().exceeds(m.authorized().minus(m.captured())), "voided <= authorized - captured");
            assertFalse(m.refunded().exceeds(m.captured()), "refunded <= captured");
            TransactionId auth = c.authorization().id();
            Amount captured = acquirer.truly(auth, "capture").plus(
                    c.authorization().move() == Move.AUTHORIZE_AND_CAPTURE && acquirer.approved(auth) ? c.amount() : Amount.ZERO);
            Amount voided = acquirer.truly(auth, "void");
            Amount refunded = acquirer.truly(auth, "refund");
            if (c.lastTransaction().status().isInDoubt()) {
                assertFalse(m.captured().exceeds(captured), "never more captured than the acquirer did");
                assertFalse(m.voided().exceeds(voided), "never more voided than the acquirer did");
                assertFalse(m.refunded().exceeds(refunded), "never more refunded than the acquirer did");
            } else {
                assertEquals(captured, m.captured(), id + ": a settled charge captured what the acquirer did");
                assertEquals(voided, m.voided(), id + ": a settled charge voided what the acquirer did");
                assertEquals(refunded, m.refunded(), id + ": a settled charge refunded what the acquirer did");
            }
            assertEquals(m.captured().cents(), wire.path("paid_amount").asLong(0), "paid_amount over HTTP");
            assertEquals(m.voided().plus(m.refunded()).cents(), wire.path("canceled_amount").asLong(0),
                    "canceled_amount over HTTP");
        }

        void statusesHold(String id, Charge c, JsonNode wire) {
            String status = wire.get("last_transaction").get("status").asText();
            assertTrue(CHARGE_STATUS.containsKey(status), status + " is one of the 14");
            assertEquals(CHARGE_STATUS.get(status), wire.get("status").asText(), "charge status agrees with " + status);
            assertEquals(c.lastTransaction().status().wireName(), status, "HTTP says what is stored");
            REACHED.add(status);
            List<String> seen = history.computeIfAbsent(id, k -> new ArrayList<>());
            String before = seen.isEmpty() ? null : seen.get(seen.size() - 1);
            if (status.equals(before)) {
                return;
            }
            assertFalse(before != null && TERMINAL.contains(before), id + " moved out of " + before + " to " + status);
            seen.add(status);
        }

        String pick(int index) {
            return charges.get(Math.floorMod(index, charges.size()));
        }

        @Override
        public String toString() {
            return "Model" + charges.stream().map(id -> id + history.getOrDefault(id, List.of())).toList();
        }
    }

    /** A fault for the simulator's next call, or none. */
    static Arbitrary<AcquirerSimulator.Fault> faults() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(10, Arbitraries.just(null)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(AcquirerSimulator.Fault.UNKNOWN)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(AcquirerSimulator.Fault.FAIL)),
                net.jqwik.api.Tuple.of(2, Arbitraries.just(AcquirerSimulator.Fault.PENDING)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(AcquirerSimulator.Fault.DECLINE)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(AcquirerSimulator.Fault.HANG)));
    }

    static void inject(AcquirerSimulator.Fault fault) {
        if (fault != null) {
            acquirer.simulator.nextCall(fault);
        }
    }

    static final class Authorize implements Action.Independent<Model> {
        /** The README's test cards: approved, declined, no funds, blocked, pending, timeout; and an expired card (failed). */
        static final List<String> CARDS = List.of("4000000000000010", "4000000000000010", "4000000000000010",
                "4000000000000010", "expired", "4000000000000028",
                "4000000000000051", "4000000000000069", "4000000000000044", "4000000000000036");

        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Combinators.combine(Arbitraries.of(CARDS), Arbitraries.of("auth_only", "auth_and_capture"),
                            Arbitraries.longs().between(100, 100_000), faults())
                    .as((card, type, amount, fault) -> Transformer.mutate(
                            "authorize " + type + " " + amount + " with " + card + (fault == null ? "" : " + " + fault),
                            model -> {
                                boolean expired = card.equals("expired");
                                String body = OrdersServerContract.withOperationType(OrdersServerContract.SEED_CARD
                                        .replace("4000000000000010", expired ? "4000000000000010" : card)
                                        .replace("\"exp_year\":30", expired ? "\"exp_year\":20" : "\"exp_year\":30")
                                        .replace("\"cvv\":\"3531\"", "\"cvv\":\"353\"")
                                        .replace("2990", Long.toString(amount)), type);
                                int asked = acquirer.calls.get();
                                inject(expired ? null : fault);
                                Reply r = model.sendRecorded("POST", "/orders", body, null);
                                assertEquals(200, r.status(), r.body());
                                String id = r.json().get("charges").get(0).get("id").asText();
                                model.sent.set(model.sent.size() - 1, withCharge(model.sent.get(model.sent.size() - 1), id));
                                model.charges.add(id);
                                assertEquals(asked + (expired ? 0 : 1), acquirer.calls.get(),
                                        expired ? "an expired card is refused before the acquirer" : "asked once");
                            }));
        }
    }

    static Sent withCharge(Sent s, String chargeId) {
        return new Sent(s.method(), s.path(), s.body(), s.key(), s.status(), chargeId);
    }

    static final class Capture implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model model) {
            return !model.charges.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model model) {
            // the charge is picked when the step runs, so that a shrunk chain names one of its own
            return Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.of(0, 1, 2), faults())
                    .as((index, how, fault) -> Transformer.mutate("capture #" + index + " "
                            + List.of("all", "part", "too much").get(how) + (fault == null ? "" : " + " + fault), m -> {
                                String id = m.pick(index);
                                Charge charge = m.stored(id);
                                long amount = charge.amount().cents();
                                String body = how == 0 ? null
                                        : "{\"amount\":" + (how == 1 ? Math.max(1, amount / 3) : amount + 1) + "}";
                                // a fault only for a call that reaches the acquirer: a queued one would hit a later call
                                inject(how != 2 && charge.stage() instanceof ChargeStage.AwaitingCapture ? fault : null);
                                m.sendRecorded("POST", "/charges/" + id + "/capture", body, id);
                            }));
        }
    }

    static final class Cancel implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model model) {
            return !model.charges.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model model) {
            return Combinators.combine(Arbitraries.integers().between(0, 50), Arbitraries.of(0, 1), faults())
                    .as((index, how, fault) -> Transformer.mutate("cancel #" + index + (how == 0 ? " all" : " part")
                            + (fault == null ? "" : " + " + fault), m -> {
                                String id = m.pick(index);
                                Charge charge = m.stored(id);
                                long amount = charge.amount().cents();
                                String body = how == 0 ? null : "{\"amount\":" + Math.max(1, amount / 4) + "}";
                                inject(charge.stage() instanceof ChargeStage.AwaitingCapture
                                        || charge.stage() instanceof ChargeStage.Refundable ? fault : null);
                                m.sendRecorded("DELETE", "/charges/" + id, body, id);
                            }));
        }
    }

    /** Sends an earlier request again under its key: an answered one is replayed, asking the acquirer nothing. */
    static final class Retry implements Action.Dependent<Model> {
        @Override
        public boolean precondition(Model model) {
            return !model.sent.isEmpty();
        }

        @Override
        public Arbitrary<Transformer<Model>> transformer(Model model) {
            return Arbitraries.integers().between(0, 50).map(index -> Transformer.mutate("retry #" + index, m -> {
                Sent s = m.sent.get(Math.floorMod(index, m.sent.size()));
                ChargeMoney before = m.stored(s.chargeId()).money();
                int asked = acquirer.calls.get();
                Reply r = m.send(s.method(), s.path(), s.body(), s.key());
                if (s.status() == 200) {
                    assertEquals(200, r.status(), "a retry of an answered " + s.method() + " " + s.path()
                            + " is answered again: " + r.body());
                    assertEquals(asked, acquirer.calls.get(), "a retry asks the acquirer nothing");
                    assertEquals(before, m.stored(s.chargeId()).money(), "a retry moves no money");
                }
            }));
        }
    }

    /** Pending operations may complete at the acquirer first; then the reconciler asks about what is in doubt. */
    static final class Reconcile implements Action.Independent<Model> {
        @Override
        public Arbitrary<Transformer<Model>> transformer() {
            return Arbitraries.of(true, false).map(complete -> Transformer.mutate(
                    "reconcile" + (complete ? " after pending operations complete" : ""), m -> {
                        if (complete) {
                            acquirer.simulator.completePending();
                        }
                        cofre.wiring().charging().reconcile().reconcile();
                    }));
        }
    }

    /**
     * The simulator, and a ledger of every follow-up sent to it: what the acquirer truly did is what
     * it answers to a query about each operation now, whatever its first answer said.
     */
    static final class LedgerAcquirer implements Acquirer {
        final AcquirerSimulator simulator;
        final AtomicInteger calls = new AtomicInteger();
        final Map<TransactionId, List<Object[]>> followUps = new ConcurrentHashMap<>();

        LedgerAcquirer(AcquirerSimulator simulator) {
            this.simulator = simulator;
        }

        @Override
        public AcquirerAnswer authorize(AuthorizationRequest request) {
            calls.incrementAndGet();
            return simulator.authorize(request);
        }

        @Override
        public AcquirerAnswer capture(FollowUpRequest request) {
            return followUp("capture", request, () -> simulator.capture(request));
        }

        @Override
        public AcquirerAnswer voidAuthorization(FollowUpRequest request) {
            return followUp("void", request, () -> simulator.voidAuthorization(request));
        }

        @Override
        public AcquirerAnswer refund(FollowUpRequest request) {
            return followUp("refund", request, () -> simulator.refund(request));
        }

        private AcquirerAnswer followUp(String kind, FollowUpRequest request,
                                        java.util.function.Supplier<AcquirerAnswer> call) {
            calls.incrementAndGet();
            followUps.computeIfAbsent(request.authorization(), a -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new Object[] {kind, request.operation(), request.amount()});
            return call.get();
        }

        @Override
        public AcquirerAnswer query(TransactionId operation) {
            return simulator.query(operation);
        }

        boolean approved(TransactionId operation) {
            return simulator.query(operation) instanceof AcquirerAnswer.Approved;
        }

        /** What the acquirer truly did of one kind for an authorization. */
        Amount truly(TransactionId authorization, String kind) {
            List<Object[]> sent = followUps.getOrDefault(authorization, List.of());
            synchronized (sent) {
                return sent.stream().filter(f -> f[0].equals(kind) && approved((TransactionId) f[1]))
                        .map(f -> (Amount) f[2]).reduce(Amount.ZERO, Amount::plus);
            }
        }

        @Override
        public String toString() {
            return "LedgerAcquirer" + Arrays.toString(followUps.keySet().toArray()) + followUps.values().stream()
                    .map(List::size).collect(Collectors.toList());
        }
    }

    @net.jqwik.api.Example
    void the_fourteen_statuses_above_are_exactly_the_ones_the_engine_prints() {
        assertEquals(CHARGE_STATUS.keySet(), Arrays.stream(TransactionStatus.values()).map(TransactionStatus::wireName)
                .collect(Collectors.toSet()));
        assertTrue(Arrays.stream(ChargeStatus.values()).map(ChargeStatus::wireName).collect(Collectors.toSet())
                .containsAll(CHARGE_STATUS.values()));
    }
}
