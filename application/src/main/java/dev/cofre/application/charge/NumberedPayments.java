package dev.cofre.application.charge;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.Charge;
import dev.cofre.domain.charge.ChargeError;
import dev.cofre.domain.charge.NumberedCharge;
import dev.cofre.domain.charge.NumberedCharges;
import dev.cofre.domain.customer.CustomerId;
import dev.cofre.domain.customer.Customers;
import dev.cofre.domain.customer.Email;
import dev.cofre.domain.customer.FreeText;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.Locale;
import java.util.Set;

/**
 * Charges as payments known by a 64-bit number (Mercado Pago's payments): the charge engine does the
 * work, and this gives each charge its number, with the payer and the merchant's reference the
 * payments API keeps beside it. A retried creation (same idempotency key) gets the charge back from the
 * engine and then the number it already has, so a crash between the two is healed by the retry.
 */
public final class NumberedPayments {

    /** {@code payer.type} values the payments API knows. */
    public static final Set<String> PAYER_TYPES = Set.of("customer", "registered", "guest");
    /** {@code payment_method_id} values for the brands the engine knows. */
    public static final Set<String> PAYMENT_METHODS = Set.of("visa", "master", "amex", "elo", "hipercard", "diners",
            "discover", "jcb", "aura");
    private static final int MAX_REFERENCE = 256;
    private static final int MAX_DESCRIPTION = 600;
    private static final int NUMBER_ATTEMPTS = 5;

    /** A charge with what the payments API keeps beside it, unchecked; null means absent. */
    public record Command(AuthorizeCharge.Command charge, String payerType, String payerId, String payerEmail,
                          String externalReference, String paymentMethod) {
    }

    /** A numbered charge and the charge as it stands. */
    public record Payment(NumberedCharge numbered, Charge charge) {
    }

    private final Charging charging;
    private final NumberedCharges numbers;
    private final Customers customers;
    private final Clock clock;
    private final Ids ids;

    public NumberedPayments(Charging charging, NumberedCharges numbers, Customers customers, Clock clock, Ids ids) {
        this.charging = charging;
        this.numbers = numbers;
        this.customers = customers;
        this.clock = clock;
        this.ids = ids;
    }

    /** Authorizes (and, unless the command says auth_only, captures) the charge, then numbers it. */
    public Either<DomainError, Payment> create(Merchant merchant, Command command) {
        Either<InvalidInput, NumberedCharge.Payer> payer = payer(merchant.id(), command);
        Option<InvalidInput> invalid = own(command, payer);
        if (invalid.isDefined()) {
            return Either.left(charging.authorize().check(merchant, command.charge())
                    .fold(invalid::get, engine -> invalid.get().and(engine)));
        }
        return charging.authorize().authorize(merchant, command.charge())
                .flatMap(charge -> number(merchant.id(), charge, payer.get(), command));
    }

    /**
     * Every invalid field of the command, its own and the engine's, without writing anything: for an
     * adapter that found fields of the wrong type and must still name every other one.
     */
    public Option<InvalidInput> check(Merchant merchant, Command command) {
        Option<InvalidInput> own = own(command, payer(merchant.id(), command));
        Option<InvalidInput> engine = charging.authorize().check(merchant, command.charge());
        return own.isEmpty() ? engine : Option.some(engine.fold(own::get, e -> own.get().and(e)));
    }

    public Either<DomainError, Payment> get(MerchantId merchant, long number) {
        return numbers.find(merchant, number).<DomainError>toEither(ChargeError.ChargeNotFound::new)
                .flatMap(n -> charging.get().get(merchant, n.charge().value()).map(c -> new Payment(n, c)));
    }

    /** Captures all the authorization ({@code amount} null) or part of it. */
    public Either<DomainError, Payment> capture(MerchantId merchant, long number, Long amount, String key) {
        return then(merchant, number, n -> charging.capture().capture(merchant,
                new CaptureCharge.Command(n.charge().value(), amount, key)));
    }

    /** Voids an authorization that was not captured. */
    public Either<DomainError, Payment> cancel(MerchantId merchant, long number, String key) {
        return then(merchant, number, n -> charging.voids().voidAuthorization(merchant,
                new VoidCharge.Command(n.charge().value(), null, key)));
    }

    /** Refunds what is left of the capture ({@code amount} null) or part of it. */
    public Either<DomainError, Payment> refund(MerchantId merchant, long number, Long amount, String key) {
        return then(merchant, number, n -> charging.refund().refund(merchant,
                new RefundCharge.Command(n.charge().value(), amount, key)));
    }

    private Either<DomainError, Payment> then(MerchantId merchant, long number,
                                              java.util.function.Function<NumberedCharge, Either<DomainError, Charge>> work) {
        return numbers.find(merchant, number).<DomainError>toEither(ChargeError.ChargeNotFound::new)
                .flatMap(n -> work.apply(n).map(c -> new Payment(n, c)));
    }

    /** The charge's number: the one it has, or a new random one (another if that one is taken). */
    private Either<DomainError, Payment> number(MerchantId merchant, Charge charge, NumberedCharge.Payer payer,
                                                Command command) {
        for (int attempt = 0; attempt < NUMBER_ATTEMPTS; attempt++) {
            var numbered = new NumberedCharge(randomNumber(), merchant, charge.id(), payer,
                    Option.of(command.externalReference()).filter(r -> !r.isBlank()).map(String::strip),
                    Option.of(command.paymentMethod()).map(m -> m.strip().toLowerCase(Locale.ROOT)), clock.instant());
            Option<NumberedCharge> stored = numbers.add(numbered);
            if (stored.isDefined()) {
                return Either.right(new Payment(stored.get(), charge));
            }
        }
        throw new IllegalStateException("no free charge number after " + NUMBER_ATTEMPTS + " attempts");
    }

    /** Ten to sixteen digits, as the vendor's ids look, below 2^53. */
    private long randomNumber() {
        long floor = 1_000_000_000L;
        return floor + Math.floorMod(ids.uuid().getMostSignificantBits(), NumberedCharge.MAX_NUMBER - floor);
    }

    private Either<InvalidInput, NumberedCharge.Payer> payer(MerchantId merchant, Command command) {
        List<InvalidInput> errors = List.empty();
        String type = blankToNull(command.payerType());
        if (type != null && !PAYER_TYPES.contains(type.toLowerCase(Locale.ROOT))) {
            errors = errors.append(InvalidInput.of("payer.type", "must be one of customer, registered, guest"));
        }
        String id = blankToNull(command.payerId());
        if ("customer".equalsIgnoreCase(type) && id == null) {
            errors = errors.append(InvalidInput.missing("payer.id"));
        }
        if (id != null) {
            Either<InvalidInput, CustomerId> customer = CustomerId.parse("payer.id", id);
            if (customer.isLeft() || customers.find(merchant, customer.get()).isEmpty()) {
                errors = errors.append(InvalidInput.of("payer.id", "must be one of the merchant's customers"));
            }
        }
        String email = blankToNull(command.payerEmail());
        if (email != null) {
            var parsed = Email.parse("payer.email", email);
            if (parsed.isLeft()) {
                errors = errors.append(parsed.getLeft());
            }
        }
        if (!errors.isEmpty()) {
            return Either.left(errors.reduce(InvalidInput::and));
        }
        return Either.right(new NumberedCharge.Payer(Option.of(type).map(t -> t.toLowerCase(Locale.ROOT)),
                Option.of(id), Option.of(email)));
    }

    /** The fields only payments have: the payer, the reference, the payment method. */
    private static Option<InvalidInput> own(Command command,
                                            Either<InvalidInput, NumberedCharge.Payer> payer) {
        List<InvalidInput> errors = List.empty();
        if (payer.isLeft()) {
            errors = errors.append(payer.getLeft());
        }
        if (command.externalReference() != null) {
            var reference = FreeText.parse("external_reference", command.externalReference(), MAX_REFERENCE);
            if (reference.isLeft()) {
                errors = errors.append(reference.getLeft());
            }
        }
        // the payment's description is its order's one item: free text, kept in the clear
        if (command.charge() != null && command.charge().items() != null && !command.charge().items().isEmpty()
                && command.charge().items().get(0) != null) {
            var description = FreeText.parse("description", command.charge().items().get(0).description(),
                    MAX_DESCRIPTION);
            if (description.isLeft()) {
                errors = errors.append(description.getLeft());
            }
        }
        String method = blankToNull(command.paymentMethod());
        if (command.paymentMethod() != null && (method == null
                || !PAYMENT_METHODS.contains(method.toLowerCase(Locale.ROOT)))) {
            errors = errors.append(InvalidInput.of("payment_method_id",
                    "must be a credit card brand: " + String.join(", ", new java.util.TreeSet<>(PAYMENT_METHODS))));
        }
        return errors.isEmpty() ? Option.none() : Option.some(errors.reduce(InvalidInput::and));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
