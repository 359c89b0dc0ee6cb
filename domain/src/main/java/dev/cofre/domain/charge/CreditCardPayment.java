package dev.cofre.domain.charge;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.WireName;
import dev.cofre.domain.card.Brand;
import dev.cofre.domain.merchant.Merchant;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;

/**
 * seed 002's credit_card options for one charge, checked against the merchant (profile, features)
 * and the card's brand. The card itself is a {@link CardSource}.
 */
public record CreditCardPayment(OperationType operationType, int installments,
                                Option<StatementDescriptor> statementDescriptor,
                                Option<RecurrenceCycle> recurrenceCycle, Option<RecurrenceModel> recurrenceModel,
                                Option<InitiatedType> initiatedType, FundingSource fundingSource,
                                Metadata metadata, Option<ThreeDSecure> authentication) {

    /** The options as sent, unchecked; null means absent. */
    public record Fields(String operationType, Integer installments, String statementDescriptor,
                         String recurrenceCycle, String recurrenceModel, String initiatedType,
                         String fundingSource, java.util.Map<String, String> metadata,
                         ThreeDSecure.Fields authentication) {
    }

    public static Either<InvalidInput, CreditCardPayment> parse(Fields raw, Merchant merchant, Brand brand) {
        return parse(raw, merchant, Option.some(brand));
    }

    /**
     * Every invalid option at once. With no brand (the card was invalid or not found, and that is
     * reported on its own) the brand's rules (installments maximum, 3-D Secure ECIs) are skipped.
     */
    public static Either<InvalidInput, CreditCardPayment> parse(Fields raw, Merchant merchant, Option<Brand> brand) {
        Either<InvalidInput, FundingSource> funding = raw.fundingSource() == null
                ? Either.right(FundingSource.CREDIT)
                : WireName.parse(FundingSource.class, "funding_source", raw.fundingSource());
        var first = Validation.combine(
                Validation.fromEither(OperationType.parse("operation_type", raw.operationType(), merchant)),
                Validation.fromEither(funding.flatMap(f -> Installments.parse("installments", raw.installments(), brand, f))),
                Validation.fromEither(StatementDescriptor.parse("statement_descriptor", raw.statementDescriptor(),
                        merchant.profile())),
                Validation.fromEither(optional(RecurrenceCycle.class, "recurrence_cycle", raw.recurrenceCycle())),
                Validation.fromEither(optional(RecurrenceModel.class, "recurrence_model", raw.recurrenceModel())),
                Validation.fromEither(optional(InitiatedType.class, "initiated_type", raw.initiatedType())),
                Validation.fromEither(funding),
                Validation.fromEither(Metadata.parse("metadata", raw.metadata())));
        var authentication = raw.authentication() == null
                ? Validation.<InvalidInput, Option<ThreeDSecure>>valid(Option.none())
                : Validation.fromEither(ThreeDSecure.parse("authentication", raw.authentication(),
                merchant.profile(), brand).map(Option::some));
        return Validation.combine(
                        first.ap((op, n, sd, rc, rm, it, fs, md) -> new CreditCardPayment(op, n, sd, rc, rm, it, fs, md,
                                Option.none())),
                        authentication.mapError(io.vavr.collection.List::of))
                .ap((payment, auth) -> payment.withAuthentication(auth))
                .mapError(errors -> errors.flatMap(e -> e).reduce(InvalidInput::and))
                .toEither();
    }

    private CreditCardPayment withAuthentication(Option<ThreeDSecure> auth) {
        return new CreditCardPayment(operationType, installments, statementDescriptor, recurrenceCycle,
                recurrenceModel, initiatedType, fundingSource, metadata, auth);
    }

    private static <E extends Enum<E> & WireName> Either<InvalidInput, Option<E>> optional(Class<E> type, String field, String raw) {
        return raw == null ? Either.right(Option.none()) : WireName.parse(type, field, raw).map(Option::some);
    }

    /** Options only: 3-D Secure values (CAVV, ids) are summarised by ThreeDSecure's own toString(). */
    @Override
    public String toString() {
        return "CreditCardPayment[" + operationType + ", " + installments + "x, " + fundingSource
                + ", authentication=" + authentication + "]";
    }
}
