package dev.cofre.domain.token;

import dev.cofre.domain.merchant.MerchantId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * The token store. Every read is scoped by merchant: another merchant's token is simply absent.
 * The store enforces, for every server that shares it, that at most one non-removed token per
 * (merchant, alias) exists.
 */
public interface Tokens {

    /** Stores a new token with its sealed number; {@link VaultError.AliasInUse} if its alias is held. */
    Either<VaultError, ActiveToken> add(ActiveToken token, SealedPan sealedPan);

    Option<Token> find(MerchantId merchant, TokenReference reference);

    /** The non-removed token that holds this alias, if any. */
    Option<Token> findByAlias(MerchantId merchant, Alias alias);

    /** The sealed number of a token; none once the token is removed. */
    Option<SealedPan> sealedPan(MerchantId merchant, TokenReference reference);

    /** The sealed number of an active token, the one state whose card may be read or charged. */
    default Option<SealedPan> sealedPan(ActiveToken token) {
        return sealedPan(token.merchant(), token.reference());
    }

    /**
     * Saves a changed token if nobody changed it since it was read ({@code changed.version() - 1}
     * is the version read), else {@link VaultError.ConcurrentUpdate}. Saving a REMOVED token
     * destroys its sealed number and wrapped key in the same write.
     */
    Either<VaultError, Token> update(Token changed);

    /** Every token this alias was ever given to, oldest first (seed 004's alias table). */
    List<AliasAssociation> aliasHistory(MerchantId merchant, Alias alias);
}
