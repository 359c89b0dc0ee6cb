package dev.cofre.domain.charge;

/** Turns a cryptogram into a keyed hash (HMAC), so that spent ones can be recognised without keeping them. */
public interface CryptogramHasher {

    CryptogramDigest digest(Cryptogram cryptogram);
}
