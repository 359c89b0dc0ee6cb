package dev.cofre.application.testing;

import dev.cofre.domain.card.Pan;
import dev.cofre.domain.card.SecurityCode;
import dev.cofre.domain.charge.CardTokenId;
import dev.cofre.domain.charge.CardTokenSecrets;
import dev.cofre.domain.charge.SealedCardToken;
import io.vavr.control.Option;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.CardCipher;
import dev.cofre.domain.token.Fingerprint;
import dev.cofre.domain.token.SealedPan;
import dev.cofre.domain.token.TokenReference;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Try;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A test-only cipher: AES-GCM under one in-memory key, bound to (merchant, token) like the real
 * one, without data keys or rotation. Production code never ships a fake cipher.
 */
public final class TestCardCipher implements CardCipher {

    private final SecretKey key;
    private final SecureRandom random = new SecureRandom();

    public TestCardCipher() {
        this.key = Try.of(() -> {
            var generator = KeyGenerator.getInstance("AES");
            generator.init(256);
            return generator.generateKey();
        }).get();
    }

    @Override
    public SealedPan seal(Pan pan, MerchantId merchant, TokenReference token) {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        byte[] ciphertext = Try.of(() -> {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD((merchant + "/" + token).getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(pan.revealDigits().getBytes(StandardCharsets.US_ASCII));
        }).get();
        return new SealedPan(1, iv, ciphertext);
    }

    @Override
    public Either<VaultError, Pan> open(SealedPan sealed, MerchantId merchant, TokenReference token) {
        return Try.of(() -> {
                    var cipher = Cipher.getInstance("AES/GCM/NoPadding");
                    cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed.wrappedKey()));
                    cipher.updateAAD((merchant + "/" + token).getBytes(StandardCharsets.UTF_8));
                    return new String(cipher.doFinal(sealed.ciphertext()), StandardCharsets.US_ASCII);
                })
                .toEither()
                .<VaultError>mapLeft(e -> new VaultError.SealBroken())
                .flatMap(digits -> Pan.parse(digits).<VaultError>mapLeft(e -> new VaultError.SealBroken()));
    }

    @Override
    public SealedCardToken sealCardToken(Pan pan, Option<SecurityCode> securityCode, MerchantId merchant,
                                         CardTokenId token) {
        byte[] iv = new byte[12];
        random.nextBytes(iv);
        byte[] pans = gcm(Cipher.ENCRYPT_MODE, iv, merchant + "/" + token + "/pan",
                pan.revealDigits().getBytes(StandardCharsets.US_ASCII));
        Option<byte[]> codes = securityCode.map(c -> gcm(Cipher.ENCRYPT_MODE, iv, merchant + "/" + token + "/cvv",
                c.revealDigits().getBytes(StandardCharsets.US_ASCII)));
        return new SealedCardToken(1, iv, pans, codes);
    }

    @Override
    public Either<VaultError, CardTokenSecrets> openCardToken(SealedCardToken sealed, MerchantId merchant,
                                                              CardTokenId token) {
        return Try.of(() -> {
                    var pan = Pan.parse(new String(gcm(Cipher.DECRYPT_MODE, sealed.wrappedKey(),
                            merchant + "/" + token + "/pan", sealed.panCiphertext()), StandardCharsets.US_ASCII)).get();
                    var code = sealed.securityCodeCiphertext().map(c -> SecurityCode.parse("securityCode",
                            new String(gcm(Cipher.DECRYPT_MODE, sealed.wrappedKey(), merchant + "/" + token + "/cvv", c),
                                    StandardCharsets.US_ASCII), pan.brand()).get());
                    return new CardTokenSecrets(pan, code);
                })
                .toEither()
                .mapLeft(e -> (VaultError) new VaultError.SealBroken());
    }

    private byte[] gcm(int mode, byte[] iv, String aad, byte[] input) {
        return Try.of(() -> {
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(128, iv));
            cipher.updateAAD(aad.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        }).get();
    }

    @Override
    public Fingerprint fingerprint(Pan pan) {
        return new Fingerprint(Try.of(() -> {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(pan.revealDigits().getBytes(StandardCharsets.US_ASCII)));
        }).get());
    }

    @Override
    public int currentKeyVersion() {
        return 1;
    }

    @Override
    public Either<VaultError, SealedPan> rewrap(SealedPan sealed) {
        return Either.right(sealed);
    }

    @Override
    public Either<VaultError, dev.cofre.domain.charge.SealedCardToken> rewrap(
            dev.cofre.domain.charge.SealedCardToken sealed) {
        return Either.right(sealed);
    }

    @Override
    public String toString() {
        return "TestCardCipher";
    }
}
