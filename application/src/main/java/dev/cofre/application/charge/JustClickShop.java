package dev.cofre.application.charge;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.CreditCardPayment;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.token.Alias;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.Tokens;
import dev.cofre.domain.token.VaultError;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * JustClick JustClickShop (seed 004): charges a vaulted card, named by its JustClickKey or its
 * JustClickAlias, through the same engine as every other charge ({@link AuthorizeCharge}), captured
 * at once. The RequestId is the idempotency key: the same RequestId with the same request answers
 * the first charge as it stands now (after reconciliation, if it was in doubt) and never charges twice;
 * with another request it is refused (765).
 */
public final class JustClickShop {

    /**
     * The request as JustClick sends it, every field as text and unchecked (numbers as the wire's
     * digits): every invalid field is reported at once.
     *
     * @param reference the JustClickKey; {@code alias} the JustClickAlias: one of them at least
     * @param paymentMethod the acquirer's code at the vendor (997 is its simulator): checked to be a
     *                      number and otherwise not used, since Cofre's acquirer comes from its settings
     * @param paymentType 0 (in full), 1 (installments by the store) or 2 (by the issuer)
     */
    public record Command(String requestId, String reference, String alias, String orderId, String customerName,
                          String amount, String paymentMethod, String installments, String paymentType,
                          String securityCode) {
        @Override
        public String toString() {
            return "JustClickShop.Command[" + requestId + ", " + reference + "]"; // never the security code
        }
    }

    /** Command field names, for adapters that print them in their own spelling. */
    public static final String AMOUNT = "items[0].amount";
    public static final String INSTALLMENTS = "installments";
    public static final String SECURITY_CODE = "card.cvv";

    /** The idempotency keys of JustClickShop, apart from the ones the orders API's clients choose. */
    private static final String KEY_PREFIX = "JustClickShop ";
    private static final int MAX_ORDER_ID = 50;
    private static final String NO_CARD = "00000000-0000-0000-0000-000000000000";

    private final Tokens tokens;
    private final AuthorizeCharge authorize;

    JustClickShop(Tokens tokens, AuthorizeCharge authorize) {
        this.tokens = tokens;
        this.authorize = authorize;
    }

    public Either<DomainError, Charge> shop(Merchant merchant, Command sent) {
        // an empty element (<JustClickAlias></JustClickAlias>, "") is an absent value, as ASP.NET binds it
        Command command = new Command(blankless(sent.requestId()), blankless(sent.reference()),
                blankless(sent.alias()), sent.orderId(), sent.customerName(), sent.amount(), sent.paymentMethod(),
                sent.installments(), sent.paymentType(), blankless(sent.securityCode()));
        Either<InvalidInput, AuthorizeCharge.Command> parsed = parse(merchant, command);
        if (parsed.isLeft()) {
            return Either.left(parsed.getLeft());
        }
        return card(merchant, command).flatMap(token -> authorize.authorize(merchant, withCard(parsed.get(),
                new CardInput.VaultedCard(token.reference().toString(), command.securityCode()))));
    }

    /** Every field at once: this method's own (RequestId, the card's names, the numbers' text) and the charge's. */
    private Either<InvalidInput, AuthorizeCharge.Command> parse(Merchant merchant, Command c) {
        Either<InvalidInput, Option<Long>> amount = number(AMOUNT, c.amount());
        Either<InvalidInput, Option<Long>> installments = number(INSTALLMENTS, c.installments());
        Either<InvalidInput, Option<Long>> paymentType = number("paymentType", c.paymentType());
        var own = List.of(
                        TokenReference.parse("requestId", c.requestId()).swap().toOption(),
                        c.reference() == null && c.alias() == null
                                ? Option.some(InvalidInput.missing("reference"))
                                : Option.of(c.reference()).flatMap(r -> TokenReference.parse("reference", r).swap().toOption()),
                        Option.of(c.alias()).flatMap(a -> Alias.parse("alias", a).swap().toOption()),
                        Option.of(c.orderId()).filter(o -> o.length() > MAX_ORDER_ID)
                                .map(o -> InvalidInput.invalid("orderId", "must have at most " + MAX_ORDER_ID + " characters")),
                        Option.of(c.customerName()).filter(n -> n.length() > 255)
                                .map(n -> InvalidInput.invalid("customerName", "must have at most 255 characters")),
                        amount.isRight() && amount.get().isEmpty() ? Option.some(InvalidInput.missing(AMOUNT))
                                : amount.swap().toOption(),
                        installments.swap().toOption(),
                        number("paymentMethod", c.paymentMethod()).swap().toOption(),
                        paymentType.fold(Option::some, type -> paymentType(type, installments.getOrElse(Option.none()))))
                .flatMap(o -> o);
        var command = new AuthorizeCharge.Command(
                KEY_PREFIX + (c.requestId() == null ? "" : c.requestId().trim().toLowerCase(java.util.Locale.ROOT)),
                java.util.List.of(new AuthorizeCharge.Item(c.orderId() == null || c.orderId().isBlank()
                        ? "JustClickShop" : c.orderId(), amount.getOrElse(Option.none()).getOrElse(1L), 1)),
                // the card's own reference is only known after the lookup, which needs valid names: a stand-in
                new CardInput.VaultedCard(NO_CARD, c.securityCode()),
                new CreditCardPayment.Fields("auth_and_capture",
                        installments.getOrElse(Option.none()).map(Long::intValue).getOrElse(1),
                        null, null, null, null, null, null, null));
        List<InvalidInput> all = own.appendAll(authorize.check(merchant, command));
        return all.isEmpty() ? Either.right(command) : Either.left(InvalidInput.all(all));
    }

    private static String blankless(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    /** PaymentType 0 is a payment in full, 1 and 2 in installments (by the store, by the issuer). */
    private static Option<InvalidInput> paymentType(Option<Long> type, Option<Long> installments) {
        if (type.isEmpty()) {
            return Option.none();
        }
        if (type.get() < 0 || type.get() > 2) {
            return Option.some(InvalidInput.invalid("paymentType", "must be 0 (in full), 1 or 2 (installments)"));
        }
        return type.get() == 0 && installments.getOrElse(1L) > 1
                ? Option.some(InvalidInput.invalid("paymentType", "0 (in full) cannot have more than one installment"))
                : Option.none();
    }

    /** A whole number as text (what a SOAP element holds), or none when absent. */
    private static Either<InvalidInput, Option<Long>> number(String field, String raw) {
        if (raw == null || raw.isBlank()) {
            return Either.right(Option.none());
        }
        String digits = raw.trim();
        if (!digits.matches("-?[0-9]{1,9}")) {
            return Either.left(InvalidInput.invalid(field, "must be a whole number"
                    + (field.equals(AMOUNT) ? " of cents (4567 is R$ 45,67)" : "")));
        }
        return Either.right(Option.some(Long.parseLong(digits)));
    }

    /** The card by its JustClickKey (and the alias sent with it, if any) or by its JustClickAlias alone. */
    private Either<DomainError, Token> card(Merchant merchant, Command c) {
        if (c.reference() != null) {
            return tokens.find(merchant.id(), TokenReference.parse("reference", c.reference()).get())
                    .toEither((VaultError) new VaultError.TokenNotFound())
                    .flatMap(token -> token.identifiedBy(Option.of(c.alias())))
                    .mapLeft(e -> e);
        }
        return tokens.findByAlias(merchant.id(), Alias.parse("alias", c.alias()).get())
                .<DomainError>toEither(VaultError.TokenNotFound::new);
    }

    private static AuthorizeCharge.Command withCard(AuthorizeCharge.Command command, CardInput card) {
        return new AuthorizeCharge.Command(command.idempotencyKey(), command.items(), card, command.payment());
    }
}
