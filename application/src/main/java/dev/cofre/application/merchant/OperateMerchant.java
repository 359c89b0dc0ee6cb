package dev.cofre.application.merchant;

import dev.cofre.domain.Ids;
import dev.cofre.domain.Transactions;
import dev.cofre.domain.audit.AuditEvent;
import dev.cofre.domain.audit.AuditTrail;
import dev.cofre.domain.merchant.AccessTokens;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.merchant.Merchants;
import dev.cofre.domain.merchant.SecretHash;
import io.vavr.control.Option;
import java.time.Clock;

/**
 * The operator's answers to a leaked credential: rotate a merchant's client secret or MerchantKey,
 * revoke its access tokens, disable or enable it. Each change and its audit event commit together,
 * and each takes effect on this process's next request and on every other server within
 * {@link AuthenticateMerchant#REVALIDATE_AFTER} (its bearer, MerchantKey and secret key caches ask the database again
 * after that; see {@link Merchants#findEnabled}). Each answers none for an unknown merchant.
 */
public final class OperateMerchant {

    /** A new credential in the clear, to be shown to the operator once. */
    public record NewCredential(MerchantId merchant, String value, int accessTokensRevoked) {
        @Override
        public String toString() {
            return "NewCredential[" + merchant + "]";
        }
    }

    private static final int SECRET_BYTES = 32;
    private static final String BY_OPERATOR = "by the operator";

    private final Merchants merchants;
    private final AccessTokens accessTokens;
    private final AuditTrail auditTrail;
    private final Transactions transactions;
    private final Clock clock;
    private final Ids ids;
    private final AuthenticateMerchant authenticate;

    public OperateMerchant(Merchants merchants, AccessTokens accessTokens, AuditTrail auditTrail,
                           Transactions transactions, Clock clock, Ids ids, AuthenticateMerchant authenticate) {
        this.merchants = merchants;
        this.accessTokens = accessTokens;
        this.auditTrail = auditTrail;
        this.transactions = transactions;
        this.clock = clock;
        this.ids = ids;
        this.authenticate = authenticate;
    }

    /**
     * A new client secret; the old one stops working, and so do the access tokens bought with it
     * (whoever leaked the secret may hold some).
     */
    public Option<NewCredential> rotateClientSecret(MerchantId merchant) {
        String secret = ids.secret(SECRET_BYTES);
        return transactions.<Option<NewCredential>>inTransaction(() -> {
            if (!merchants.replaceClientSecret(merchant, SecretHash.of(secret))) {
                return Option.none();
            }
            int revoked = accessTokens.revokeAllOf(merchant);
            audit(merchant, "merchant.rotate-client-secret", revoked + " access tokens revoked");
            return Option.some(new NewCredential(merchant, secret, revoked));
        }).peek(changed -> authenticate.forget(merchant));
    }

    /** A new JustClick MerchantKey; the old one stops working. */
    public Option<NewCredential> rotateMerchantKey(MerchantId merchant) {
        String key = ids.uuid().toString();
        return transactions.<Option<NewCredential>>inTransaction(() -> {
            if (!merchants.replaceJustClickKey(merchant, SecretHash.of(key))) {
                return Option.none();
            }
            audit(merchant, "merchant.rotate-merchant-key", BY_OPERATOR);
            return Option.some(new NewCredential(merchant, key, 0));
        }).peek(changed -> authenticate.forget(merchant));
    }

    /** Revokes every access token of the merchant; returns how many there were. */
    public Option<Integer> revokeAccessTokens(MerchantId merchant) {
        return transactions.<Option<Integer>>inTransaction(() -> {
            if (merchants.find(merchant).isEmpty()) {
                return Option.none();
            }
            int revoked = accessTokens.revokeAllOf(merchant);
            audit(merchant, "merchant.revoke-access-tokens", revoked + " access tokens revoked");
            return Option.some(revoked);
        }).peek(changed -> authenticate.forget(merchant));
    }

    /** A disabled merchant cannot authenticate with any credential, and its access tokens are revoked. */
    public boolean disable(MerchantId merchant) {
        return forgotten(merchant, transactions.inTransaction(() -> {
            if (!merchants.setDisabled(merchant, true)) {
                return false;
            }
            int revoked = accessTokens.revokeAllOf(merchant);
            audit(merchant, "merchant.disable", revoked + " access tokens revoked");
            return true;
        }));
    }

    public boolean enable(MerchantId merchant) {
        return forgotten(merchant, transactions.inTransaction(() -> {
            if (!merchants.setDisabled(merchant, false)) {
                return false;
            }
            audit(merchant, "merchant.enable", BY_OPERATOR);
            return true;
        }));
    }

    /** Whether the merchant may authenticate now. */
    public boolean isEnabled(MerchantId merchant) {
        return merchants.findEnabled(merchant).isDefined();
    }

    /**
     * After a committed change, this process's cached bearers, MerchantKey and secret keys of the merchant go
     * at once.
     */
    private boolean forgotten(MerchantId merchant, boolean changed) {
        if (changed) {
            authenticate.forget(merchant);
        }
        return changed;
    }

    private void audit(MerchantId merchant, String action, String detail) {
        auditTrail.record(new AuditEvent(clock.instant(), merchant, action, Option.none(),
                AuditEvent.Outcome.SUCCEEDED, Option.none(), detail));
    }
}
