package dev.cofre.application.charge;

import dev.cofre.application.token.NewToken;
import dev.cofre.domain.Ids;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.CryptogramHasher;
import dev.cofre.domain.token.CardCipher;
import java.time.Clock;
import java.time.Duration;

/** The charge engine's use cases, built once over the same stores, acquirer, clock and id source. */
public record Charging(AuthorizeCharge authorize, CaptureCharge capture, VoidCharge voids, RefundCharge refund,
                       ReconcileCharges reconcile, GetCharge get,
                       JustClickShop justClickShop, SaveCardOnAuthorization saveCard,
                       OrderCustomers customers) {

    /**
     * @param cipher  opens vaulted cards (card_id) and fingerprints cards for idempotency
     * @param hasher  the keyed hash under which spent cryptograms are remembered; every server sharing
     *                the stores must use the same key
     * @param acquirer the acquirer, usually behind an {@link AcquirerWithDeadline}
     * @param reconcileGrace how long reconciliation leaves an in-doubt transaction alone: its own call
     *                       may still be waiting for its answer
     */
    public static Charging create(ChargeStores stores, CardCipher cipher, CryptogramHasher hasher, Acquirer acquirer,
                                  Clock clock, Ids ids, Duration reconcileGrace) {
        var cards = new CardSources(stores.tokens(), cipher, stores.cardTokens(), hasher, stores.spentCryptograms(),
                clock);
        var followUps = new FollowUps(stores, acquirer, ids, clock);
        var customers = new OrderCustomers(stores, new NewToken(cipher, clock, ids), clock, ids);
        var authorize = new AuthorizeCharge(stores, cards, customers, acquirer, ids, clock);
        return new Charging(
                authorize,
                new CaptureCharge(followUps),
                new VoidCharge(followUps),
                new RefundCharge(followUps),
                new ReconcileCharges(stores.charges(), stores.leases(), acquirer, stores.transactions(), clock,
                        reconcileGrace, "reconciler-" + ids.uuid()),
                new GetCharge(stores.charges()),
                new JustClickShop(stores.tokens(), authorize),
                new SaveCardOnAuthorization(authorize, stores.charges()),
                customers);
    }
}
