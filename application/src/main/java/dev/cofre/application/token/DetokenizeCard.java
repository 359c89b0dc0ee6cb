// STAND-IN written on branch rest so the REST adapter can be built and tested before the lead's
// vault use cases land on main; main's version replaces this file on merge.
package dev.cofre.application.token;

import dev.cofre.domain.DomainError;
import dev.cofre.domain.audit.AuditEvent;
import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.net.InetAddress;
import java.time.Clock;

public final class DetokenizeCard {

    public record Command(String reference, String alias, InetAddress source) {
    }

    public record Detokenized(Token token, Pan pan) {
    }

    private final VaultStores stores;
    private final CardCipher cipher;
    private final Clock clock;

    DetokenizeCard(VaultStores stores, CardCipher cipher, Clock clock) {
        this.stores = stores;
        this.cipher = cipher;
        this.clock = clock;
    }

    public Either<DomainError, Detokenized> detokenize(MerchantId merchant, Command c) {
        Either<DomainError, Detokenized> result = TokenReference.parse("reference", c.reference())
                .<DomainError>mapLeft(e -> e)
                .flatMap(ref -> stores.tokens().find(merchant, ref).toEither(new VaultError.TokenNotFound()))
                .flatMap(t -> t.requireActive().<DomainError>mapLeft(e -> e))
                .flatMap(t -> stores.tokens().sealedPan(merchant, t.reference())
                        .toEither((DomainError) new VaultError.TokenNotFound())
                        .flatMap(s -> cipher.open(s, merchant, t.reference()).<DomainError>mapLeft(e -> e))
                        .map(pan -> new Detokenized(t, pan)));
        stores.audit().record(new AuditEvent(clock.instant(), merchant, "detokenize", Option.of(c.reference()),
                result.isRight() ? AuditEvent.Outcome.SUCCEEDED : AuditEvent.Outcome.REFUSED,
                Option.of(c.source()).map(InetAddress::getHostAddress),
                result.fold(e -> String.valueOf(e.code()), d -> "ok")));
        return result;
    }
}
