package dev.cofre.bootstrap;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.adapters.crypto.KeyRing;
import dev.cofre.adapters.persistence.Database;
import dev.cofre.domain.key.ExpectedKeys;
import java.nio.file.Files;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The vault's keys, agreed with the database before anything is served. Several servers may share
 * one database; each must hold the keys its sealed cards were sealed with, or it would seal cards
 * the others cannot open (and fail to open theirs). So the database records a check value per key,
 * and a server whose keys disagree refuses to start, saying what to do.
 *
 * <p>A development key (a new key file next to the data) is created only for an empty database, and
 * on PostgreSQL, which is meant to be shared, only when COFRE_ALLOW_DEVELOPMENT_KEY=true.
 */
final class VaultKeys {

    private static final Logger LOG = LoggerFactory.getLogger(VaultKeys.class);

    private VaultKeys() {
    }

    static AesGcmCardCipher agreedWith(Database database, Settings settings) {
        var expected = database.expectedKeys();
        var cipher = settings.configuredKeys()
                .map(keys -> new AesGcmCardCipher(KeyRing.fromConfiguration(keys)))
                .getOrElse(() -> {
                    if (!Files.exists(settings.keyFile())) {
                        refuseDevelopmentKey(database, expected, settings);
                    }
                    return AesGcmCardCipher.fromKeyFile(settings.keyFile());
                });
        String source = settings.configuredKeys().isDefined() ? "COFRE_KEYS" : "key file " + settings.keyFile();
        var before = expected.recorded();
        var mine = cipher.keyChecks();
        if (before.isEmpty() && expected.holdsSealedCards()) {
            // A database from before key checks: the keys to record are the ones that open its cards.
            var sample = database.sealedPans().wrappedBefore(Integer.MAX_VALUE, 1).headOption();
            if (sample.exists(stored -> cipher.rewrap(stored.sealed()).isLeft())) {
                throw new StartupFailure("the keys of " + source + " do not open the cards this database holds:"
                        + " start this server with the key file the cards were sealed with (COFRE_KEY_FILE,"
                        + " chmod 600) or with COFRE_KEYS");
            }
            LOG.warn("This database holds sealed cards but recorded no key checks yet (it predates them):"
                    + " recording the keys of {}, which open its cards, as the ones every server must hold", source);
        }
        expected.record(mine.toRecordOver(before));
        var disagreeing = mine.disagreeWith(expected.recorded());
        if (!disagreeing.isEmpty()) {
            throw new StartupFailure("the keys of " + source + " are not the ones this database's cards are sealed"
                    + " with (" + disagreeing.mkString(", ") + " differ): start this server with the key file every"
                    + " other server uses (COFRE_KEY_FILE, chmod 600) or with COFRE_KEYS; do not serve with these keys");
        }
        return cipher;
    }

    /** After a completed rotation to {@code version}, older key-encryption keys are no longer needed. */
    static void retireOlderThan(int version, ExpectedKeys expected) {
        expected.forget(expected.recorded().keksOlderThan(version));
    }

    private static void refuseDevelopmentKey(Database database, ExpectedKeys expected, Settings settings) {
        String copyIt = "copy the key file of the servers that share this database to " + settings.keyFile()
                + " (chmod 600), or set COFRE_KEYS";
        if (!expected.recorded().isEmpty() || expected.holdsSealedCards()) {
            throw new StartupFailure("no key file at " + settings.keyFile() + ", and this database already holds"
                    + " cards sealed under other keys: " + copyIt);
        }
        boolean allowed = settings.allowDevelopmentKey().getOrElse(!database.isShared());
        if (!allowed) {
            throw new StartupFailure("no key file at " + settings.keyFile() + ": " + copyIt
                    + (database.isShared() ? "; to create a development key on PostgreSQL anyway, set"
                    + " COFRE_ALLOW_DEVELOPMENT_KEY=true" : ""));
        }
    }
}
