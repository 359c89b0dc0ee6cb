package dev.cofre.application.merchant;

import dev.cofre.application.Commands;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.Ids;
import dev.cofre.domain.InvalidInput;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.merchant.IpRange;
import dev.cofre.domain.merchant.Merchant;
import dev.cofre.domain.merchant.MerchantCredentials;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.Profile;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;

/**
 * Registers a merchant and hands out its credentials once: an OAuth2 client id and secret, and a
 * JustClick MerchantKey. Only the secrets' hashes are stored.
 */
public final class RegisterMerchant {

    /**
     * {@code clientId} and {@code clientSecret} are normally null (generated); the sandbox
     * merchant fixes them from configuration.
     */
    public record Command(@NotBlank @Size(max = 100) String name,
                          @NotNull java.util.List<String> ipRanges,
                          boolean gateway, boolean preAuth,
                          @Size(min = 1, max = 100) @Pattern(regexp = "[\\x21-\\x7e&&[^:]]+",
                                  message = "must be printable ASCII without ':'") String clientId,
                          @Size(min = 16, max = 200, message = "must have 16 to 200 characters") String clientSecret) {

        public static Command named(String name) {
            return new Command(name, java.util.List.of(), false, false, null, null);
        }

        @Override
        public String toString() {
            return "RegisterMerchant.Command[" + name + "]";
        }
    }

    /** The merchant and its credentials in the clear, to be shown to the operator once. */
    public record Registered(Merchant merchant, String clientId, String clientSecret, String merchantKey) {
        @Override
        public String toString() {
            return "Registered[" + merchant.id() + ", client " + clientId + "]";
        }
    }

    private static final int SECRET_BYTES = 32;

    private final Merchants merchants;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;

    public RegisterMerchant(Merchants merchants, Transactions transactions, Clock clock, Ids ids) {
        this.merchants = merchants;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
    }

    public Either<DomainError, Registered> register(Command command) {
        return Commands.validate(command, c -> parseRanges(c.ipRanges()))
                .<DomainError>mapLeft(e -> e)
                .flatMap(ranges -> transactions.inTransaction(() -> store(command, ranges)));
    }

    private Either<DomainError, Registered> store(Command c, List<IpRange> ranges) {
        String clientId = Option.of(c.clientId()).getOrElse(() -> ids.uuid().toString());
        if (dev.cofre.domain.card.EmbeddedCardNumbers.in(clientId)) {
            return Either.left(InvalidInput.of("clientId", "must not contain a card number"));
        }
        if (merchants.findByClientId(clientId).isDefined()) {
            return Either.left(InvalidInput.of("clientId", "is already registered"));
        }
        String secret = Option.of(c.clientSecret()).getOrElse(() -> ids.secret(SECRET_BYTES));
        String merchantKey = ids.uuid().toString();
        var merchant = new Merchant(new MerchantId(ids.uuid()), c.name().strip(),
                c.gateway() ? Profile.GATEWAY : Profile.PSP, ranges,
                new Merchant.Features(c.preAuth(), false), clock.instant());
        merchants.add(merchant, new MerchantCredentials(merchant.id(), clientId, SecretHash.of(secret),
                SecretHash.of(merchantKey)));
        return Either.right(new Registered(merchant, clientId, secret, merchantKey));
    }

    /** Every range that does not parse, by index; no list at all is the command's constraint to report. */
    private static Either<InvalidInput, List<IpRange>> parseRanges(java.util.List<String> raw) {
        if (raw == null) {
            return Either.right(List.empty());
        }
        return InvalidInput.collect(Validation.sequence(List.ofAll(raw).zipWithIndex()
                        .map(t -> Validation.fromEither(IpRange.parse("ipRanges[" + t._2 + "]", t._1))
                                .mapError(List::of)))
                .map(List::ofAll));
    }
}
