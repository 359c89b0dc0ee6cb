package dev.cofre.adapters.crypto;

import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokenSecrets;
import dev.cofre.domain.charge.SealedCardToken;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.Fingerprint;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Envelope encryption of card numbers with the JCE: each seal draws a fresh AES-256 data key that
 * encrypts the digits with AES-GCM, and the data key is itself encrypted ("wrapped") with AES-GCM
 * under the current key-encryption key of the {@link KeyRing}.
 *
 * <p>Layout of both byte strings of a {@link SealedPan}: {@code format(1) | iv(12) | ciphertext |
 * tag(16)}, a fresh random 96-bit IV each time. Associated data, authenticated but not stored:
 * <ul>
 * <li>card number: format, {@code "cofre/pan"}, merchant id and token reference (16 bytes each),
 *     so a sealed number copied into another merchant's or token's row does not open;</li>
 * <li>wrapped key: format, {@code "cofre/kek"} and the key version, so a wrapped key relabelled
 *     with another version does not unwrap even if two versions were given the same key.</li>
 * </ul>
 * The wrap is AES-GCM rather than AES key wrap (RFC 3394/5649) because GCM takes associated data
 * (the version binding above), has a 128-bit tag instead of a 64-bit check, and is one primitive
 * to review instead of two. The cost, 29 bytes per wrapped key, is nothing. Random IVs keep GCM
 * safe for 2^32 encryptions per key; each key-encryption key wraps once per seal or re-wrap, and
 * a data key encrypts once.
 *
 * <p>Every failure to open (wrong or missing key, tampered byte, moved row) is the same
 * {@link VaultError.SealBroken}, which says nothing about the card or the cause. The ciphertext
 * length gives away the number of digits, which the stored {@link dev.cofre.domain.card.MaskedPan}
 * shows anyway.
 */
public final class AesGcmCardCipher implements CardCipher {

    private static final Logger LOG = LoggerFactory.getLogger(AesGcmCardCipher.class);
    private static final byte FORMAT = 1;
    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final int HEADER_BYTES = 1 + IV_BYTES;
    private static final String AES_GCM = "AES/GCM/NoPadding";
    /**
     * One AES-GCM {@code Cipher} per thread, initialised with the key and IV of each call:
     * {@code Cipher.getInstance} looks the provider up every time (5% of a POST /v1/Token's CPU).
     * {@code init} resets it, and GCM refuses to encrypt twice with the same key and IV.
     */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(AES_GCM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM: " + e.getClass().getSimpleName());
        }
    });
    private static final byte[] PAN_LABEL = "cofre/pan".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] KEK_LABEL = "cofre/kek".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CARD_TOKEN_PAN_LABEL = "cofre/card-token/pan".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CARD_TOKEN_CVV_LABEL = "cofre/card-token/cvv".getBytes(StandardCharsets.US_ASCII);

    /** How often, at most, an unknown key version makes a file-backed cipher read its key file again. */
    private static final long RELOAD_INTERVAL_NANOS = 1_000_000_000L;

    private volatile KeyRing keys;
    private final Optional<Path> keyFile;
    private final SecureRandom random;
    private long lastReload = System.nanoTime() - RELOAD_INTERVAL_NANOS;

    public AesGcmCardCipher(KeyRing keys) {
        this(keys, Optional.empty(), new SecureRandom());
    }

    AesGcmCardCipher(KeyRing keys, SecureRandom random) {
        this(keys, Optional.empty(), random);
    }

    private AesGcmCardCipher(KeyRing keys, Optional<Path> keyFile, SecureRandom random) {
        this.keys = keys;
        this.keyFile = keyFile;
        this.random = random;
    }

    /**
     * A cipher over a key file (created on first use, see {@link KeyFile#loadOrCreate}). When it
     * meets a key version it does not hold, because {@code keys rotate} added one while this
     * server was running, it reads the file again, so rotation needs no restart.
     */
    public static AesGcmCardCipher fromKeyFile(Path file) {
        return new AesGcmCardCipher(KeyFile.loadOrCreate(file), Optional.of(file), new SecureRandom());
    }

    @Override
    public SealedPan seal(Pan pan, MerchantId merchant, TokenReference token) {
        byte[] dataKey = new byte[KeyRing.KEY_BYTES];
        random.nextBytes(dataKey);
        byte[] digits = digitsOf(pan);
        try {
            byte[] ciphertext = encrypt(new SecretKeySpec(dataKey, "AES"), digits, panAad(merchant, token));
            int version = keys.currentVersion();
            byte[] wrapped = encrypt(keys.currentKek(), dataKey, kekAad(version));
            return new SealedPan(version, wrapped, ciphertext);
        } catch (GeneralSecurityException e) {
            // AES-GCM is in every Java 17 runtime; without it nothing can be sealed at all.
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(digits, (byte) 0);
        }
    }

    @Override
    public Either<VaultError, Pan> open(SealedPan sealed, MerchantId merchant, TokenReference token) {
        byte[] dataKey = null;
        byte[] digits = null;
        try {
            dataKey = unwrap(sealed);
            digits = decrypt(new SecretKeySpec(dataKey, "AES"), sealed.ciphertext(), panAad(merchant, token));
            // Authenticated, so these are the digits that were sealed; parsing cannot fail, but if
            // it did the answer would still be a broken seal, never the digits.
            return Pan.parse(new String(digits, StandardCharsets.US_ASCII))
                    .<VaultError>mapLeft(invalid -> new VaultError.SealBroken());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            // Wrong key (a server started with other keys), or altered data: either way an
            // operator must look. The reference and version only, never the data.
            LOG.error("The card number of token {} (merchant {}) failed its integrity check under key version {}:"
                    + " this server's keys are not the ones it was sealed with, or the stored data was altered",
                    token, merchant, sealed.kekVersion());
            return Either.left(new VaultError.SealBroken());
        } finally {
            if (dataKey != null) {
                Arrays.fill(dataKey, (byte) 0);
            }
            if (digits != null) {
                Arrays.fill(digits, (byte) 0);
            }
        }
    }

    /**
     * A card token: one fresh data key encrypts the number and the security code, each bound by its
     * associated data to its label, the merchant and the card token id; the data key is wrapped
     * like a vault card's.
     */
    @Override
    public SealedCardToken sealCardToken(Pan pan, Option<SecurityCode> securityCode, MerchantId merchant,
                                         CardTokenId token) {
        byte[] dataKey = new byte[KeyRing.KEY_BYTES];
        random.nextBytes(dataKey);
        byte[] digits = digitsOf(pan);
        byte[] code = securityCode.map(AesGcmCardCipher::digitsOf).getOrElse(new byte[0]);
        try {
            var key = new SecretKeySpec(dataKey, "AES");
            byte[] panCiphertext = encrypt(key, digits, cardTokenAad(CARD_TOKEN_PAN_LABEL, merchant, token));
            Option<byte[]> codeCiphertext = securityCode.isDefined()
                    ? Option.some(encrypt(key, code, cardTokenAad(CARD_TOKEN_CVV_LABEL, merchant, token)))
                    : Option.none();
            int version = keys.currentVersion();
            return new SealedCardToken(version, encrypt(keys.currentKek(), dataKey, kekAad(version)), panCiphertext,
                    codeCiphertext);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed: " + e.getClass().getSimpleName());
        } finally {
            Arrays.fill(dataKey, (byte) 0);
            Arrays.fill(digits, (byte) 0);
            Arrays.fill(code, (byte) 0);
        }
    }

    @Override
    public Either<VaultError, CardTokenSecrets> openCardToken(SealedCardToken sealed, MerchantId merchant,
                                                              CardTokenId token) {
        byte[] dataKey = null;
        byte[] digits = null;
        byte[] code = null;
        try {
            dataKey = unwrap(sealed.kekVersion(), sealed.wrappedKey());
            var key = new SecretKeySpec(dataKey, "AES");
            digits = decrypt(key, sealed.panCiphertext(), cardTokenAad(CARD_TOKEN_PAN_LABEL, merchant, token));
            Pan pan = Pan.parse(new String(digits, StandardCharsets.US_ASCII)).getOrElseThrow(
                    invalid -> new IllegalArgumentException("not a card number"));
            Option<SecurityCode> securityCode = Option.none();
            if (sealed.securityCodeCiphertext().isDefined()) {
                code = decrypt(key, sealed.securityCodeCiphertext().get(),
                        cardTokenAad(CARD_TOKEN_CVV_LABEL, merchant, token));
                securityCode = Option.some(SecurityCode.parse("securityCode", new String(code, StandardCharsets.US_ASCII),
                        pan.brand()).getOrElseThrow(invalid -> new IllegalArgumentException("not a security code")));
            }
            return Either.right(new CardTokenSecrets(pan, securityCode));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return Either.left(new VaultError.SealBroken());
        } finally {
            for (byte[] secret : new byte[][] {dataKey, digits, code}) {
                if (secret != null) {
                    Arrays.fill(secret, (byte) 0);
                }
            }
        }
    }

    @Override
    public Either<VaultError, SealedPan> rewrap(SealedPan sealed) {
        int version = keys.currentVersion();
        return rewrapKey(sealed.kekVersion(), sealed.wrappedKey(), version)
                .map(wrapped -> new SealedPan(version, wrapped, sealed.ciphertext()));
    }

    @Override
    public Either<VaultError, SealedCardToken> rewrap(SealedCardToken sealed) {
        int version = keys.currentVersion();
        return rewrapKey(sealed.kekVersion(), sealed.wrappedKey(), version)
                .map(wrapped -> new SealedCardToken(version, wrapped, sealed.panCiphertext(),
                        sealed.securityCodeCiphertext()));
    }

    /** A data key wrapped under key version {@code from}, wrapped again under {@code to}. */
    private Either<VaultError, byte[]> rewrapKey(int from, byte[] wrappedKey, int to) {
        byte[] dataKey = null;
        try {
            dataKey = unwrap(from, wrappedKey);
            return Either.right(encrypt(keys.kek(to).orElseThrow(), dataKey, kekAad(to)));
        } catch (GeneralSecurityException | IllegalArgumentException | java.util.NoSuchElementException e) {
            return Either.left(new VaultError.SealBroken());
        } finally {
            if (dataKey != null) {
                Arrays.fill(dataKey, (byte) 0);
            }
        }
    }

    @Override
    public Fingerprint fingerprint(Pan pan) {
        byte[] digits = digitsOf(pan);
        try {
            return new Fingerprint(HmacSha256.hex(keys.fingerprintKey(), digits));
        } finally {
            Arrays.fill(digits, (byte) 0);
        }
    }

    /** The check values of the keys this cipher holds now (see {@link KeyRing#checks()}). */
    public dev.cofre.domain.key.KeyChecks keyChecks() {
        return keys.checks();
    }

    @Override
    public int currentKeyVersion() {
        return keys.currentVersion();
    }

    @Override
    public String toString() {
        return "AesGcmCardCipher[" + keys + "]";
    }

    private byte[] unwrap(SealedPan sealed) throws GeneralSecurityException {
        return unwrap(sealed.kekVersion(), sealed.wrappedKey());
    }

    private byte[] unwrap(int version, byte[] wrappedKey) throws GeneralSecurityException {
        SecretKey kek = keys.kek(version).or(() -> reloadFor(version).kek(version)).orElse(null);
        if (kek == null) {
            // Not tampering as such: an old key was dropped from the ring before rotation was done.
            LOG.warn("A sealed card number is wrapped under key version {}, which the key ring does not hold"
                    + " (it holds {})", version, keys.versions());
            throw new GeneralSecurityException("unknown key version");
        }
        byte[] dataKey = decrypt(kek, wrappedKey, kekAad(version));
        if (dataKey.length != KeyRing.KEY_BYTES) {
            Arrays.fill(dataKey, (byte) 0);
            throw new GeneralSecurityException("wrong data key length");
        }
        return dataKey;
    }

    /** Reads the key file again if it may hold {@code version}; at most once a second. */
    private synchronized KeyRing reloadFor(int version) {
        if (keyFile.isEmpty() || version <= 0 || keys.kek(version).isPresent()
                || System.nanoTime() - lastReload < RELOAD_INTERVAL_NANOS) {
            return keys;
        }
        lastReload = System.nanoTime();
        try {
            KeyRing fresh = KeyFile.load(keyFile.get());
            if (fresh.versions().containsAll(keys.versions())) {
                keys = fresh;
                LOG.info("Key file read again: key versions {}, sealing under {}", fresh.versions(), fresh.currentVersion());
            }
        } catch (KeyFileException e) {
            LOG.warn("Key file could not be read again: {}", e.getMessage());
        }
        return keys;
    }

    private byte[] encrypt(SecretKey key, byte[] plaintext, byte[] aad) throws GeneralSecurityException {
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        Cipher cipher = GCM.get();
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, iv));
        cipher.updateAAD(new byte[] {FORMAT});
        cipher.updateAAD(aad);
        byte[] out = new byte[HEADER_BYTES + cipher.getOutputSize(plaintext.length)];
        out[0] = FORMAT;
        System.arraycopy(iv, 0, out, 1, IV_BYTES);
        cipher.doFinal(plaintext, 0, plaintext.length, out, HEADER_BYTES);
        return out;
    }

    private static byte[] decrypt(SecretKey key, byte[] sealed, byte[] aad) throws GeneralSecurityException {
        if (sealed.length < HEADER_BYTES + TAG_BITS / 8 || sealed[0] != FORMAT) {
            throw new GeneralSecurityException("not a sealed value");
        }
        Cipher cipher = GCM.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, IV_BYTES));
        cipher.updateAAD(new byte[] {FORMAT});
        cipher.updateAAD(aad);
        // GCM releases nothing before the tag checks out.
        return cipher.doFinal(sealed, HEADER_BYTES, sealed.length - HEADER_BYTES);
    }

    /** The ASCII digits, in an array the caller zeroes; no intermediate copies. */
    private static byte[] digitsOf(Pan pan) {
        return ascii(pan.revealDigits());
    }

    private static byte[] digitsOf(SecurityCode code) {
        return ascii(code.revealDigits());
    }

    private static byte[] ascii(String digits) {
        byte[] bytes = new byte[digits.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) digits.charAt(i);
        }
        return bytes;
    }

    private static byte[] panAad(MerchantId merchant, TokenReference token) {
        return ByteBuffer.allocate(PAN_LABEL.length + 32)
                .put(PAN_LABEL).put(uuid(merchant.value())).put(uuid(token.value()))
                .array();
    }

    private static byte[] cardTokenAad(byte[] label, MerchantId merchant, CardTokenId token) {
        return ByteBuffer.allocate(label.length + 32).put(label).put(uuid(merchant.value())).put(token.bytes()).array();
    }

    private static byte[] kekAad(int version) {
        return ByteBuffer.allocate(KEK_LABEL.length + 4).put(KEK_LABEL).putInt(version).array();
    }

    private static byte[] uuid(UUID id) {
        return ByteBuffer.allocate(16).putLong(id.getMostSignificantBits()).putLong(id.getLeastSignificantBits()).array();
    }
}
