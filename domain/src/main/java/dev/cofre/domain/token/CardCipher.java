package dev.cofre.domain.token;

import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokenSecrets;
import dev.cofre.domain.charge.SealedCardToken;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
import io.vavr.control.Option;

/**
 * Seals card numbers at rest and recognises them again. A sealed number is bound to its merchant
 * and token: moved to another row, it no longer opens.
 */
public interface CardCipher {

    SealedPan seal(Pan pan, MerchantId merchant, TokenReference token);

    /** Opens a sealed number; a tampered or misplaced one is {@link VaultError.SealBroken}. */
    Either<VaultError, Pan> open(SealedPan sealed, MerchantId merchant, TokenReference token);

    /** A keyed hash of the number, under a key of its own. */
    Fingerprint fingerprint(Pan pan);

    /** The version of the key-encryption key that seals now. */
    int currentKeyVersion();

    /**
     * Seals a card token's number, and its security code if it has one, under one fresh data key of
     * the token's own, bound to its merchant and id. Destroying the sealed token destroys both.
     */
    SealedCardToken sealCardToken(Pan pan, Option<SecurityCode> securityCode, MerchantId merchant, CardTokenId token);

    /** Opens what {@link #sealCardToken} sealed; a tampered or misplaced one is {@link VaultError.SealBroken}. */
    Either<VaultError, CardTokenSecrets> openCardToken(SealedCardToken sealed, MerchantId merchant, CardTokenId token);

    /** The same data key wrapped again under the current key-encryption key; the ciphertext is untouched. */
    Either<VaultError, SealedPan> rewrap(SealedPan sealed);

    /** A card token's data key wrapped again under the current key-encryption key; its ciphertexts are untouched. */
    Either<VaultError, SealedCardToken> rewrap(SealedCardToken sealed);
}
