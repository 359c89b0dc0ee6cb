package dev.cofre.domain.charge;

import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.card.Brand;
import dev.cofre.domain.merchant.Profile;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * An externally authenticated (3-D Secure) transaction, checked by seed 002's rules:
 * <ul>
 * <li>authentication.type is {@code threed_secure}; only gateway merchants may send it;</li>
 * <li>mpi has at most 11 characters and only {@code third_party} is supported; with it, eci, cavv
 *     and transaction_id are required;</li>
 * <li>maximum lengths: eci 2, cavv 256, transaction_id 256, ds_transaction_id 256, version 6;</li>
 * <li>version 2.1.0, 2.2.0 or a bare 2 (as in the seed's example); 1.x is discontinued;</li>
 * <li>the ECI must be one the brand uses: Mastercard 02, 01, 00; Visa and every other brand 05, 06, 07.
 *     Liability shifts to the issuer on a fully authenticated ECI: Visa-style 05, Mastercard 02.</li>
 * </ul>
 */
public record ThreeDSecure(String mpi, String eci, String cavv, String transactionId, Option<String> dsTransactionId,
                           Option<String> version, boolean liabilityShifted) {

    public static final String TYPE = "threed_secure";
    public static final String THIRD_PARTY = "third_party";
    public static final List<String> ACCEPTED_VERSIONS = List.of("2", "2.1.0", "2.2.0");

    /** The authentication object as sent, unchecked. */
    public record Fields(String type, String mpi, String eci, String cavv, String transactionId,
                         String dsTransactionId, String version) {
        @Override
        public String toString() {
            return "ThreeDSecure.Fields[" + type + ", mpi " + mpi + ", eci " + eci + ", version " + version + "]";
        }
    }

    public static Either<InvalidInput, ThreeDSecure> parse(String field, Fields raw, Profile profile, Brand brand) {
        return parse(field, raw, profile, Option.some(brand));
    }

    /** With no brand (the card itself was invalid and is reported on its own), the ECI is not checked against one. */
    public static Either<InvalidInput, ThreeDSecure> parse(String field, Fields raw, Profile profile,
                                                           Option<Brand> brand) {
        if (!profile.mayAuthenticate()) {
            return Either.left(InvalidInput.of(field, "is available to gateway merchants only"));
        }
        if (!TYPE.equals(raw.type())) {
            return Either.left(InvalidInput.of(field + ".type", "must be threed_secure"));
        }
        String f = field + ".threed_secure.";
        List<InvalidInput> errors = List.of(
                        required(f + "mpi", raw.mpi()).orElse(tooLong(f + "mpi", raw.mpi(), 11))
                                .orElse(raw.mpi() != null && !THIRD_PARTY.equals(raw.mpi())
                                        ? Option.some(InvalidInput.of(f + "mpi", "only third_party is supported"))
                                        : Option.none()),
                        required(f + "eci", raw.eci()).orElse(tooLong(f + "eci", raw.eci(), 2))
                                .orElse(brand.flatMap(b -> eciError(f + "eci", raw.eci(), b))),
                        required(f + "cavv", raw.cavv()).orElse(tooLong(f + "cavv", raw.cavv(), 256)),
                        required(f + "transaction_id", raw.transactionId())
                                .orElse(tooLong(f + "transaction_id", raw.transactionId(), 256))
                                .orElse(cardNumber(f + "transaction_id", raw.transactionId())),
                        tooLong(f + "ds_transaction_id", raw.dsTransactionId(), 256)
                                .orElse(cardNumber(f + "ds_transaction_id", raw.dsTransactionId())),
                        tooLong(f + "version", raw.version(), 6).orElse(versionError(f + "version", raw.version())))
                .flatMap(o -> o);
        if (!errors.isEmpty()) {
            return Either.left(errors.reduce(InvalidInput::and));
        }
        return Either.right(new ThreeDSecure(raw.mpi(), raw.eci(), raw.cavv(), raw.transactionId(),
                Option.of(raw.dsTransactionId()), Option.of(raw.version()), brand.exists(b -> shiftsLiability(b, raw.eci()))));
    }

    /** The ECIs a brand's directory server gives: Mastercard 02/01/00, everyone else Visa-style 05/06/07. */
    public static List<String> ecisOf(Brand brand) {
        return brand == Brand.MASTERCARD ? List.of("02", "01", "00") : List.of("05", "06", "07");
    }

    private static boolean shiftsLiability(Brand brand, String eci) {
        return eci.equals(ecisOf(brand).head());
    }

    private static Option<InvalidInput> required(String field, String value) {
        return value == null || value.isBlank()
                ? Option.some(InvalidInput.of(field, "is required when mpi is third_party"))
                : Option.none();
    }

    private static Option<InvalidInput> tooLong(String field, String value, int max) {
        return value != null && value.length() > max
                ? Option.some(InvalidInput.of(field, "must have at most " + max + " characters"))
                : Option.none();
    }

    /** Ids are stored and echoed: one that looks like a card number was pasted by mistake. */
    private static Option<InvalidInput> cardNumber(String field, String value) {
        return dev.cofre.domain.card.EmbeddedCardNumbers.refuse(field, value).swap().toOption();
    }

    private static Option<InvalidInput> eciError(String field, String eci, Brand brand) {
        return ecisOf(brand).contains(eci)
                ? Option.none()
                : Option.some(InvalidInput.of(field, "must be one of " + ecisOf(brand).mkString(", ")
                + " for " + brand.displayName()));
    }

    private static Option<InvalidInput> versionError(String field, String version) {
        if (version == null || ACCEPTED_VERSIONS.contains(version)) {
            return Option.none();
        }
        if (version.equals("1") || version.startsWith("1.")) {
            return Option.some(InvalidInput.of(field, "3-D Secure 1 is discontinued; use 2.1.0 or 2.2.0"));
        }
        return Option.some(InvalidInput.of(field, "must be 2.1.0 or 2.2.0"));
    }

    @Override
    public String toString() {
        return "ThreeDSecure[eci " + eci + ", version " + version.getOrElse("-")
                + (liabilityShifted ? ", liability shifted" : "") + "]";
    }
}
