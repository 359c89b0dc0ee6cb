package dev.cofre.domain.token;

import dev.cofre.domain.card.Pan;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;

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

    /** The same data key wrapped again under the current key-encryption key; the ciphertext is untouched. */
    Either<VaultError, SealedPan> rewrap(SealedPan sealed);
}
