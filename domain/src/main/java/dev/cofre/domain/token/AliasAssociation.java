package dev.cofre.domain.token;

import dev.cofre.domain.merchant.MerchantId;
import java.time.Instant;

/**
 * One row of seed 004's alias table: which token an alias was given to, and whether that
 * association is still enabled (the token is not removed).
 */
public record AliasAssociation(MerchantId merchant, Alias alias, TokenReference reference, boolean enabled,
                               Instant associatedAt) {

    public static AliasAssociation of(Token token) {
        return new AliasAssociation(token.merchant(), token.alias().get(), token.reference(),
                token.holdsAlias(), token.createdAt());
    }
}
