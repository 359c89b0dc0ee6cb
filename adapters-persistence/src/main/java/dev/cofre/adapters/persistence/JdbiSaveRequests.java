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

    /** Plain JDBC (Sessions.writePrepared): every JustClick SaveCreditCard with a RequestId runs it. */
    private static final String REMEMBER = "INSERT INTO save_requests (merchant_id, request_id, token_reference)"
            + " VALUES (?, ?, ?) ON CONFLICT (merchant_id, request_id) DO NOTHING";

    @Override
    public Either<VaultError, TokenReference> remember(MerchantId merchant, UUID requestId, TokenReference token) {
        int inserted = sessions.writePrepared(REMEMBER, insert -> {
            Statements.bind(insert, dialect.uuid(merchant.value()), dialect.uuid(requestId), dialect.uuid(token.value()));
            return insert.executeUpdate();
        });
        return inserted == 1
                ? Either.right(token)
                : Either.left(new VaultError.RequestIdAlreadyUsed());
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
