/**
 * Card numbers at rest: {@link dev.cofre.adapters.crypto.AesGcmCardCipher} (AES-256-GCM envelope
 * encryption and HMAC-SHA256 fingerprints) over a {@link dev.cofre.adapters.crypto.KeyRing} read
 * from a {@link dev.cofre.adapters.crypto.KeyFile} or from configuration.
 *
 * <p>Rotating the key-encryption key, without downtime:
 * <ol>
 * <li>{@code KeyFile.addVersion(path)} adds version n+1 and makes it current; versions 1..n stay.</li>
 * <li>Servers built with {@code AesGcmCardCipher.fromKeyFile} on that same file read it again the
 *     first time they meet version n+1, so they need nothing. Servers that got their keys any
 *     other way (configured keys, a copy of the file) must be given the new ring and restarted
 *     one by one before the next step: until then they cannot open anything re-wrapped under n+1.</li>
 * <li>Run {@code dev.cofre.application.token.RotateKeys} on one server. It may be interrupted and
 *     run again; a second run after it is DONE finds nothing to do.</li>
 * <li>Only once a run ends DONE with no unreadable rows may an old version be deleted from the
 *     file by hand; a sealed number whose version is gone can never be opened again.</li>
 * </ol>
 */
package dev.cofre.adapters.crypto;
