package dev.cofre.adapters.persistence;

import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.SaveRequests;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.util.UUID;

/** SaveCreditCard RequestIds; the primary key (merchant, request id) makes each usable once. */
final class JdbiSaveRequests implements SaveRequests {

    private final Sessions sessions;
    private final SqlDialect dialect;

    JdbiSaveRequests(Sessions sessions) {
        this.sessions = sessions;
        this.dialect = sessions.dialect();
    }

    @Override
    public Either<VaultError, TokenReference> remember(MerchantId merchant, UUID requestId, TokenReference token) {
        return sessions.write(h -> h.createUpdate("INSERT INTO save_requests (merchant_id, request_id, token_reference)"
                        + " VALUES (:merchant, :request_id, :token) ON CONFLICT (merchant_id, request_id) DO NOTHING")
                .bind("merchant", dialect.uuid(merchant.value()))
                .bind("request_id", dialect.uuid(requestId))
                .bind("token", dialect.uuid(token.value()))
                .execute() == 1
                ? Either.<VaultError, TokenReference>right(token)
                : Either.<VaultError, TokenReference>left(new VaultError.RequestIdAlreadyUsed()));
    }

    @Override
    public Option<TokenReference> tokenFor(MerchantId merchant, UUID requestId) {
        return sessions.read(h -> Option.ofOptional(
                h.createQuery("SELECT token_reference FROM save_requests WHERE merchant_id = :merchant AND request_id = :request_id")
                        .bind("merchant", dialect.uuid(merchant.value()))
                        .bind("request_id", dialect.uuid(requestId))
                        .map((rs, ctx) -> new TokenReference(SqlDialect.uuid(rs, "token_reference")))
                        .findOne()));
    }
}
