package dev.cofre.application.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.customer.CustomerCard;
import dev.cofre.domain.customer.CustomerError;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Option;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.state.Action;
import net.jqwik.api.state.ActionChain;
import net.jqwik.api.state.Transformer;

/**
 * Random sequences of saving, deleting and choosing the default card, for two customers of one
 * merchant and one of another, through the use cases: the same card is never saved twice for a
 * customer, the first card becomes the default, deleting the default moves it to the most recently
 * saved remaining card or to none, and another customer's or merchant's card is never touched.
 */
class SavedCardRulesProperties {

    /** Five cards; the same number twice is the same card (same fingerprint). */
    static final List<String> PANS = List.of("4111111111111111", "5555555555554444", "378282246310005",
            "6011111111111117", "4012888888881881");

    /** The model of one customer: its cards (id and number), oldest first, and its default. */
    record Modelled(List<String> ids, List<String> pans, Option<String> defaultCard) {
        static final Modelled EMPTY = new Modelled(List.empty(), List.empty(), Option.none());
    }

    static final class World {
        final CustomerWorld system = new CustomerWorld();
        final MerchantId shop = system.merchant();
        final MerchantId otherShop = system.merchant();
        /** Two customers of {@code shop}, one of {@code otherShop}. */
        final List<MerchantId> owners = List.of(shop, shop, otherShop);
        final List<String> customers = owners.zipWithIndex()
                .map(t -> system.customer(t._1, "customer" + t._2 + "@example.com").customer().id().value());
        List<Modelled> model = List.fill(3, Modelled.EMPTY);

        List<CustomerCard> stored(int c) {
            return system.accounts.listCards().list(owners.get(c), customers.get(c)).get();
        }

        Option<String> storedDefault(int c) {
            return system.accounts.get().get(owners.get(c), customers.get(c)).get().customer().defaultCard()
                    .map(Object::toString);
        }

        @Override
        public String toString() {
            return "World" + model;
        }
    }

    @Property(tries = 200)
    void saved_cards_keep_the_dedup_and_default_card_rules(@ForAll("chains") ActionChain<World> chain) {
        chain.withInvariant("the stores agree with the model", SavedCardRulesProperties::storesMatchModel)
                .withInvariant("the default is none exactly when there is no card, else one of the cards",
                        SavedCardRulesProperties::defaultIsOneOfTheCards)
                .withInvariant("no card is saved twice for one customer", SavedCardRulesProperties::noDuplicates)
                .run();
    }

    @Provide
    Arbitrary<ActionChain<World>> chains() {
        return ActionChain.startWith(World::new)
                .withAction(4, new Save())
                .withAction(3, new Delete())
                .withAction(2, new MakeDefault())
                .withMaxTransformations(25);
    }

    static Arbitrary<Integer> customerIndex() {
        return Arbitraries.integers().between(0, 2);
    }

    static final class Save implements Action.Independent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer() {
            return Combinators.combine(customerIndex(), Arbitraries.of(PANS.toJavaList()))
                    .as((c, pan) -> Transformer.mutate("save " + pan.substring(12) + " for customer " + c, w -> {
                        var shop = w.owners.get(c);
                        var result = w.system.accounts.addCard().add(shop, w.customers.get(c),
                                new AddCustomerCard.Command(w.system.cardToken(shop, pan).id().value(), null));
                        String id = result.get().id().value();
                        Modelled m = w.model.get(c);
                        int existing = m.pans().indexOf(pan);
                        if (existing >= 0) {
                            assertEquals(m.ids().get(existing), id, "the same card saved again is the card saved");
                        } else {
                            m = new Modelled(m.ids().append(id), m.pans().append(pan),
                                    m.defaultCard().orElse(Option.some(id)));
                        }
                        w.model = w.model.update(c, m);
                    }));
        }
    }

    /** A card of the customer, of another customer, or of nobody. */
    static Arbitrary<String> cardIds(World w, int c) {
        var mine = w.model.get(c).ids();
        var others = w.model.removeAt(c).flatMap(Modelled::ids);
        var nobody = Arbitraries.just("1000000000000");
        return Arbitraries.frequencyOf(
                Tuple.of(mine.isEmpty() ? 0 : 8, mine.isEmpty() ? nobody : Arbitraries.of(mine.toJavaList())),
                Tuple.of(others.isEmpty() ? 0 : 2, others.isEmpty() ? nobody : Arbitraries.of(others.toJavaList())),
                Tuple.of(1, nobody));
    }

    static final class Delete implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return customerIndex().flatMap(c -> cardIds(state, c)
                    .map(id -> Transformer.mutate("delete " + id + " of customer " + c, w -> {
                        var result = w.system.accounts.deleteCard().delete(w.owners.get(c), w.customers.get(c), id);
                        Modelled m = w.model.get(c);
                        int at = m.ids().indexOf(id);
                        if (at < 0) {
                            assertEquals(new CustomerError.CardNotFound(), result.getLeft());
                            return;
                        }
                        assertEquals(id, result.get().id().value());
                        var ids = m.ids().removeAt(at);
                        var pans = m.pans().removeAt(at);
                        var defaultCard = m.defaultCard().contains(id) ? ids.lastOption() : m.defaultCard();
                        w.model = w.model.update(c, new Modelled(ids, pans, defaultCard));
                    })));
        }
    }

    static final class MakeDefault implements Action.Dependent<World> {
        @Override
        public Arbitrary<Transformer<World>> transformer(World state) {
            return customerIndex().flatMap(c -> cardIds(state, c)
                    .map(id -> Transformer.mutate("make " + id + " the default of customer " + c, w -> {
                        var result = w.system.accounts.update().update(w.owners.get(c), w.customers.get(c),
                                new UpdateCustomer.Command(CustomerWorld.email("customer" + c + "@example.com"), id, null));
                        Modelled m = w.model.get(c);
                        if (!m.ids().contains(id)) {
                            assertInstanceOf(InvalidInput.class, result.getLeft(), "only one's own card can be the default");
                            return;
                        }
                        assertEquals(Option.some(id), result.get().customer().defaultCard().map(Object::toString));
                        w.model = w.model.update(c, new Modelled(m.ids(), m.pans(), Option.some(id)));
                    })));
        }
    }

    static void storesMatchModel(World w) {
        for (int c = 0; c < 3; c++) {
            var stored = w.stored(c);
            assertEquals(w.model.get(c).ids(), stored.map(card -> card.id().value()), "cards of customer " + c);
            assertEquals(w.model.get(c).pans().map(p -> p.substring(p.length() - 4)),
                    stored.map(card -> card.token().card().lastFour()));
            assertEquals(w.model.get(c).defaultCard(), w.storedDefault(c), "default of customer " + c);
        }
    }

    static void defaultIsOneOfTheCards(World w) {
        for (int c = 0; c < 3; c++) {
            var ids = w.stored(c).map(card -> card.id().value());
            var defaultCard = w.storedDefault(c);
            assertEquals(ids.isEmpty(), defaultCard.isEmpty());
            assertTrue(defaultCard.forAll(ids::contains));
        }
    }

    static void noDuplicates(World w) {
        for (int c = 0; c < 3; c++) {
            var fingerprints = w.stored(c).map(card -> card.token().fingerprint());
            assertEquals(fingerprints.size(), fingerprints.distinct().size());
        }
    }

}
