package dev.cofre.domain.customer;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.charge.Metadata;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.time.Instant;
import java.util.Map;

/** What a merchant tells Cofre about a customer (seed 000's customer fields, minus ids, dates and cards). */
public record CustomerProfile(Email email, Option<String> firstName, Option<String> lastName, Option<Phone> phone,
                              Option<Identification> identification, Option<Address> address,
                              Option<String> description, Metadata metadata, Option<Instant> registeredAt) {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_DESCRIPTION_LENGTH = 500;

    public CustomerProfile {
        java.util.Objects.requireNonNull(email, "email");
        java.util.Objects.requireNonNull(firstName, "firstName");
        java.util.Objects.requireNonNull(lastName, "lastName");
        java.util.Objects.requireNonNull(phone, "phone");
        java.util.Objects.requireNonNull(identification, "identification");
        java.util.Objects.requireNonNull(address, "address");
        java.util.Objects.requireNonNull(description, "description");
        java.util.Objects.requireNonNull(metadata, "metadata");
        java.util.Objects.requireNonNull(registeredAt, "registeredAt");
    }

    /**
     * The fields as they arrive, unparsed; a null field is absent. Names are the wire's, so that an
     * error names the field the caller sent.
     */
    public record Draft(String email, String firstName, String lastName, String phoneAreaCode, String phoneNumber,
                        String identificationType, String identificationNumber, String zipCode, String streetName,
                        Integer streetNumber, String description, Map<String, String> metadata, Instant registeredAt) {

        /** This draft with every field the other one sends replacing this one's (seed 000's PUT). */
        public Draft overlaidWith(Draft changes) {
            return new Draft(pick(changes.email, email), pick(changes.firstName, firstName),
                    pick(changes.lastName, lastName), pick(changes.phoneAreaCode, phoneAreaCode),
                    pick(changes.phoneNumber, phoneNumber), pick(changes.identificationType, identificationType),
                    pick(changes.identificationNumber, identificationNumber), pick(changes.zipCode, zipCode),
                    pick(changes.streetName, streetName), pick(changes.streetNumber, streetNumber),
                    pick(changes.description, description), pick(changes.metadata, metadata),
                    pick(changes.registeredAt, registeredAt));
        }

        private static <T> T pick(T changed, T current) {
            return changed != null ? changed : current;
        }

        @Override
        public String toString() {
            return "CustomerProfile.Draft[...]";
        }
    }

    /** Every invalid field at once; a missing e-mail never hides an invalid name. */
    public static Either<InvalidInput, CustomerProfile> parse(Draft d) {
        var email = Validation.fromEither(Email.parse("email", d.email()));
        var first = Validation.fromEither(FreeText.parse("first_name", d.firstName(), MAX_NAME_LENGTH));
        var last = Validation.fromEither(FreeText.parse("last_name", d.lastName(), MAX_NAME_LENGTH));
        var phone = Validation.fromEither(Phone.parse("phone", d.phoneAreaCode(), d.phoneNumber()));
        var identification = Validation.fromEither(Identification.parse("identification",
                d.identificationType(), d.identificationNumber()));
        var address = Validation.fromEither(Address.parse("address", d.zipCode(), d.streetName(), d.streetNumber()));
        var description = Validation.fromEither(FreeText.parse("description", d.description(), MAX_DESCRIPTION_LENGTH));
        var metadata = Validation.fromEither(Metadata.parse("metadata", d.metadata()));
        return Validation.combine(email, first, last, phone, identification, address, description, metadata)
                .ap((e, f, l, p, i, a, desc, m) -> new CustomerProfile(e, f, l, p, i, a, desc, m,
                        Option.of(d.registeredAt())))
                .mapError(errors -> errors.reduce(InvalidInput::and))
                .toEither();
    }

    /** This profile as a draft, to lay a partial change over it. */
    public Draft toDraft() {
        return new Draft(email.value(), firstName.getOrNull(), lastName.getOrNull(),
                phone.flatMap(Phone::areaCode).getOrNull(), phone.flatMap(Phone::number).getOrNull(),
                identification.map(Identification::type).getOrNull(), identification.map(Identification::number).getOrNull(),
                address.flatMap(Address::zipCode).getOrNull(), address.flatMap(Address::streetName).getOrNull(),
                address.flatMap(Address::streetNumber).getOrNull(), description.getOrNull(),
                metadata.entries().toJavaMap(), registeredAt.getOrNull());
    }

    /** The name a vault token keeps for its buyer (JustClick's CustomerName): the full name, else the e-mail. */
    public String displayName() {
        String name = (firstName.getOrElse("") + " " + lastName.getOrElse("")).strip();
        return name.isEmpty() ? email.value() : name;
    }
}
