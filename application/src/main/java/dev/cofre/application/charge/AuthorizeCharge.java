package dev.cofre.application.charge;

import dev.cofre.application.Idempotent;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.CardSource;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.ChargeId;
import dev.cofre.domain.charge.Charges;
import dev.cofre.domain.charge.CreditCardPayment;
import dev.cofre.domain.charge.Order;
import dev.cofre.domain.charge.OrderId;
import dev.cofre.domain.charge.OrderItem;
import dev.cofre.domain.charge.ThreeDSecure;
import dev.cofre.domain.charge.TransactionId;
import dev.cofre.domain.customer.FreeText;
import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.idempotency.IdempotencyKeys;
import dev.cofre.domain.idempotency.IdempotentRequest;
import dev.cofre.domain.idempotency.RequestFingerprint;
import dev.cofre.domain.merchant.Merchant;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Clock;
import java.time.Instant;

/**
 * Creates an order and charges it to one card. The charge is written before the acquirer is
 * asked, in the status "no answer" means, so a crash or timeout leaves it with_error for
 * reconciliation, never lost. The same idempotency key with the same order gets the first charge
 * back, and the acquirer is asked once.
 */
public final class AuthorizeCharge {

    /**
     * An order and how to charge it, unchecked: every invalid field is reported at once.
     *
     * @param payment the charge's options (operation type, installments, 3-D Secure, ...); null means all defaults
     * @param code    the merchant's own code for the order; may be null
     * @param payer   the customer who pays, to whom a card that authorizes successfully is saved; may be null
     */
    public record Command(String idempotencyKey, java.util.List<Item> items, CardInput card,
                          CreditCardPayment.Fields payment, String code, OrderCustomers.Payer payer) {

        /** An order without a code or a customer. */
        public Command(String idempotencyKey, java.util.List<Item> items, CardInput card,
                       CreditCardPayment.Fields payment) {
            this(idempotencyKey, items, card, payment, null, null);
        }
    }

    /** One line of the order: amount in cents per unit. */
    public record Item(String description, Long amount, Integer quantity) {
    }

    private static final CreditCardPayment.Fields DEFAULTS = new CreditCardPayment.Fields(null, null, null, null,
            null, null, null, null, null);

    private final Charges charges;
    private final IdempotencyKeys idempotency;
    private final CardSources cards;
    private final Acquirer acquirer;
    private final Transactions transactions;
    private final OrderCustomers customers;
    private final Ids ids;
    private final Clock clock;

    AuthorizeCharge(ChargeStores stores, CardSources cards, OrderCustomers customers, Acquirer acquirer, Ids ids,
                    Clock clock) {
        this.customers = customers;
        this.charges = stores.charges();
        this.idempotency = stores.idempotency();
        this.transactions = stores.transactions();
        this.cards = cards;
        this.acquirer = acquirer;
        this.ids = ids;
        this.clock = clock;
    }

    /** What the command asks, checked; the payment options wait for the card's brand when only a lookup tells it. */
    private record Parsed(IdempotencyKey key, Order order, CardSource source, CreditCardPayment.Fields payment,
                          Option<OrderCustomers.Checked> payer) {
    }

    /** A charge just written, and the card to send to the acquirer (none: refused before it, or a replay). */
    private record Opened(Charge charge, Option<CardSources.Ready> send) {
    }

    public Either<DomainError, Charge> authorize(Merchant merchant, Command command) {
        Instant now = clock.instant();
        Either<InvalidInput, Parsed> parsed = parse(merchant, command, now);
        if (parsed.isLeft()) {
            return Either.left(parsed.getLeft());
        }
        Parsed p = parsed.get();
        var request = new IdempotentRequest(merchant.id(), ChargeStores.IDEMPOTENCY_SCOPE, p.key(), fingerprint(p));
        Either<DomainError, Opened> opened = Idempotent.run(transactions, idempotency, Option.some(request),
                new Idempotent.Memory<Opened>(o -> o.charge().id().value(), first -> charges.find(merchant.id(),
                        new ChargeId(first)).<DomainError>toEither(ChargeError.ChargeNotFound::new)
                        .map(c -> new Opened(c, Option.none()))),
                () -> open(merchant, p, now));
        return opened.flatMap(o -> o.send().isEmpty() ? Either.right(o.charge())
                : send(o.charge(), o.send().get()).map(answered -> customers.saveCard(answered, o.send().get().card())));
    }

    /**
     * What {@link #authorize} would refuse in the command itself, without looking anything up or
     * writing anything: for an adapter that found fields of the wrong type and must still name every
     * other invalid field in the same answer.
     */
    public Option<InvalidInput> check(Merchant merchant, Command command) {
        return parse(merchant, command, clock.instant()).swap().toOption();
    }

    /** Every field at once: the key, the items, the card, and the options the card's own brand can check. */
    private Either<InvalidInput, Parsed> parse(Merchant merchant, Command command, Instant now) {
        CreditCardPayment.Fields payment = command.payment() == null ? DEFAULTS : command.payment();
        Either<InvalidInput, CardSource> source = CardSources.parse(command.card());
        return Validation.combine(
                        Validation.fromEither(IdempotencyKey.parse("idempotencyKey", command.idempotencyKey())),
                        Validation.fromEither(order(merchant, command.items(), now, command.code())),
                        Validation.fromEither(source),
                        Validation.fromEither(CreditCardPayment.parse(payment, merchant,
                                source.toOption().flatMap(CardSources::brandOf))),
                        Validation.fromEither(OrderCustomers.check(command.payer())))
                .ap((key, order, card, checked, payer) -> new Parsed(key, order, card, payment, payer))
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither();
    }

    private Either<InvalidInput, Order> order(Merchant merchant, java.util.List<Item> items, Instant now,
                                              String code) {
        var checkedCode = Validation.<InvalidInput, Option<String>>fromEither(
                FreeText.parse("code", code, Order.MAX_CODE_LENGTH));
        if (items == null || items.isEmpty()) {
            InvalidInput none = InvalidInput.of("items", "must have at least one item");
            return Either.left(checkedCode.fold(none::and, fine -> none));
        }
        var checkedItems = Validation.sequence(List.ofAll(items).zipWithIndex().map(t -> Validation.fromEither(
                        item(t._1, t._2)).mapError(List::of)))
                .mapError(errors -> errors.reduce(InvalidInput::and));
        return Validation.combine(checkedItems, checkedCode.mapError(List::of)
                        .mapError(errors -> errors.reduce(InvalidInput::and)))
                .ap((parsed, orderCode) -> Order.of(new OrderId(ids.prefixed("or_", 16)), merchant.id(),
                        List.ofAll(parsed), now, orderCode, Option.none()))
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither()
                .flatMap(o -> o);
    }

    private static Either<InvalidInput, OrderItem> item(Item item, int index) {
        String field = "items[" + index + "]";
        if (item == null) {
            return Either.left(InvalidInput.missing(field));
        }
        if (item.amount() == null || item.quantity() == null) {
            return Either.left(new InvalidInput(List.of(
                            Option.when(item.amount() == null, field + ".amount"),
                            Option.when(item.quantity() == null, field + ".quantity"))
                    .flatMap(o -> o).map(f -> new InvalidInput.FieldError(f, InvalidInput.Kind.MISSING, "is required"))));
        }
        return OrderItem.parse(field, item.description(), item.amount(), item.quantity());
    }

    /** What a retry must ask again: the same items, the same card, the same options. */
    private RequestFingerprint fingerprint(Parsed p) {
        CreditCardPayment.Fields f = p.payment();
        ThreeDSecure.Fields a = f.authentication();
        var parts = List.of("authorize", cards.identity(p.source()),
                        String.valueOf(f.operationType()), String.valueOf(f.installments()),
                        String.valueOf(f.statementDescriptor()), String.valueOf(f.recurrenceCycle()),
                        String.valueOf(f.recurrenceModel()), String.valueOf(f.initiatedType()),
                        String.valueOf(f.fundingSource()),
                        f.metadata() == null ? "-" : new java.util.TreeMap<>(f.metadata()).toString(),
                        a == null ? "-" : String.join("|", String.valueOf(a.type()), String.valueOf(a.mpi()),
                                String.valueOf(a.eci()), String.valueOf(a.cavv()), String.valueOf(a.transactionId()),
                                String.valueOf(a.dsTransactionId()), String.valueOf(a.version())))
                .appendAll(p.order().items().map(i -> i.description() + "|" + i.amount().cents() + "|" + i.quantity()))
                .append("code " + p.order().code().getOrElse("-"))
                .append("payer " + p.payer().map(c -> c.id().getOrElse(() -> "profile "
                        + c.profile().get().email().value())).getOrElse("-"));
        return RequestFingerprint.of(parts.toJavaArray(String[]::new));
    }

    /**
     * In the claiming transaction: looks the card up, checks the options against its brand, takes
     * it (a card token redeemed, a cryptogram spent) and writes the charge: in doubt, or failed if
     * it was refused before the acquirer.
     */
    private Either<DomainError, Opened> open(Merchant merchant, Parsed p, Instant now) {
        Either<DomainError, Order> paid = p.payer().isEmpty() ? Either.right(p.order())
                : customers.resolve(merchant.id(), p.payer().get(), now).map(p.order()::paidBy);
        return paid.flatMap(order -> open(merchant, p, order, now));
    }

    private Either<DomainError, Opened> open(Merchant merchant, Parsed p, Order order, Instant now) {
        return cards.find(merchant.id(), p.source(), now).flatMap(found ->
                CreditCardPayment.parse(p.payment(), merchant, found.summary().brand()).<DomainError>mapLeft(e -> e)
                        .flatMap(payment -> found.take().at(now).flatMap(card -> {
                            ChargeId id = new ChargeId(ids.prefixed("ch_", 16));
                            TransactionId tx = new TransactionId(ids.prefixed("tran_", 16));
                            Charge charge = card.fold(
                                    why -> Charge.rejected(id, order, payment, found.summary(), tx, why, now),
                                    ready -> Charge.authorizing(id, order, payment, found.summary(), tx, now));
                            return charges.add(charge).<DomainError>mapLeft(e -> e)
                                    .map(added -> new Opened(added, card.toOption()));
                        })));
    }

    /** Outside any transaction: asks the acquirer, then records its answer. */
    private Either<DomainError, Charge> send(Charge charge, CardSources.Ready ready) {
        CreditCardPayment payment = charge.payment();
        AcquirerAnswer answer = acquirer.authorize(new Acquirer.AuthorizationRequest(charge.authorization().id(),
                charge.merchant(), charge.amount(), payment.operationType(), charge.card().paymentType(), ready.card(),
                payment.installments(), payment.statementDescriptor(), payment.authentication(), ready.cryptogram()));
        return FollowUps.record(charges, transactions, charge.merchant(), charge.id(), charge.authorization().id(),
                answer, clock);
    }
}
