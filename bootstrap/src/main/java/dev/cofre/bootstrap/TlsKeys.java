package dev.cofre.bootstrap;

import dev.cofre.adapters.rest.Transport;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The server's TLS key and certificate chain, from a key store ({@code COFRE_TLS_KEYSTORE},
 * PKCS#12 or JKS, with {@code COFRE_TLS_KEYSTORE_PASSWORD}) or a PEM pair ({@code COFRE_TLS_CERT},
 * the chain, and {@code COFRE_TLS_KEY}, an unencrypted PKCS#8 key). None configured: plain HTTP.
 */
final class TlsKeys {

    private static final Pattern PKCS8 =
            Pattern.compile("-----BEGIN PRIVATE KEY-----([A-Za-z0-9+/=\\s]+)-----END PRIVATE KEY-----");

    private TlsKeys() {
    }

    static Option<Transport.Tls> from(Map<String, String> values) {
        String store = values.get("COFRE_TLS_KEYSTORE");
        String cert = values.get("COFRE_TLS_CERT");
        String key = values.get("COFRE_TLS_KEY");
        if (store != null && (cert != null || key != null)) {
            throw new StartupFailure("set either COFRE_TLS_KEYSTORE or COFRE_TLS_CERT and COFRE_TLS_KEY, not both");
        }
        if (store != null) {
            return Option.of(keyStore(Path.of(store), values.getOrDefault("COFRE_TLS_KEYSTORE_PASSWORD", "")));
        }
        if (cert != null || key != null) {
            if (cert == null || key == null) {
                throw new StartupFailure("COFRE_TLS_CERT and COFRE_TLS_KEY go together: the certificate chain and its key");
            }
            return Option.of(pemPair(Path.of(cert), Path.of(key)));
        }
        return Option.none();
    }

    private static Transport.Tls keyStore(Path file, String password) {
        try {
            return new Transport.Tls(KeyStore.getInstance(file.toFile(), password.toCharArray()), password.toCharArray());
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupFailure("cannot open COFRE_TLS_KEYSTORE " + file + " (" + e.getClass().getSimpleName()
                    + "): check the file and COFRE_TLS_KEYSTORE_PASSWORD");
        }
    }

    private static Transport.Tls pemPair(Path certFile, Path keyFile) {
        Certificate[] chain;
        try (InputStream in = Files.newInputStream(certFile)) {
            chain = CertificateFactory.getInstance("X.509").generateCertificates(in).toArray(Certificate[]::new);
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupFailure("cannot read the certificates in COFRE_TLS_CERT " + certFile);
        }
        if (chain.length == 0) {
            throw new StartupFailure("COFRE_TLS_CERT " + certFile + " holds no certificate");
        }
        PrivateKey key = privateKey(keyFile, chain[0].getPublicKey().getAlgorithm());
        try {
            char[] password = new char[24];
            var random = new SecureRandom();
            for (int i = 0; i < password.length; i++) {
                password[i] = (char) ('a' + random.nextInt(26));
            }
            var store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("cofre", key, password, chain);
            return new Transport.Tls(store, password);
        } catch (IOException | GeneralSecurityException e) {
            throw new StartupFailure("COFRE_TLS_KEY " + keyFile + " is not the key of the certificate in COFRE_TLS_CERT");
        }
    }

    private static PrivateKey privateKey(Path keyFile, String algorithm) {
        String pem;
        try {
            pem = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new StartupFailure("cannot read COFRE_TLS_KEY " + keyFile);
        }
        var match = PKCS8.matcher(pem);
        if (!match.find()) {
            throw new StartupFailure("COFRE_TLS_KEY " + keyFile + " must be an unencrypted PKCS#8 key (BEGIN PRIVATE KEY); "
                    + "convert it with: openssl pkcs8 -topk8 -nocrypt -in old.key -out new.key");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(match.group(1));
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new StartupFailure("COFRE_TLS_KEY " + keyFile + " is not a " + algorithm + " key for COFRE_TLS_CERT");
        }
    }
}
