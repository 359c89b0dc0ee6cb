package dev.cofre.bootstrap;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.adapters.persistence.Database;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.token.RotateKeys;
import dev.cofre.application.token.Vault;
import dev.cofre.application.token.VaultStores;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.merchant.TrustedProxies;
import java.time.Clock;

/**
 * The one place that picks the adapters: the database from the JDBC URL, the cipher from the key
 * file, and the use cases over them. The server and every operator command start from here.
 */
public final class Wiring implements AutoCloseable {

    private final Database database;
    private final AesGcmCardCipher cipher;
    private final Vault vault;
    private final MerchantAccounts accounts;
    private final Clock clock;

    private Wiring(Database database, AesGcmCardCipher cipher, TrustedProxies trustedProxies, Clock clock) {
        this.database = database;
        this.cipher = cipher;
        this.clock = clock;
        var ids = new SecureIds();
        var stores = new VaultStores(database.tokens(), database.saveRequests(), database.keyRecoveries(),
                database.auditTrail(), database.idempotencyKeys(), database.merchants(), database.transactions());
        this.vault = Vault.create(stores, cipher, clock, ids);
        this.accounts = MerchantAccounts.create(new MerchantAccounts.Stores(database.merchants(),
                database.accessTokens(), database.loginFailures(), database.auditTrail(), database.transactions()),
                trustedProxies, clock, ids);
    }

    public static Wiring open(Settings settings, Clock clock) {
        var database = settings.dbUrl().startsWith("jdbc:sqlite:")
                ? Database.open(settings.dbUrl())
                : Database.open(settings.dbUrl(), settings.dbSchema());
        try {
            return new Wiring(database, VaultKeys.agreedWith(database, settings), settings.trustedProxies(), clock);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
    }

    public Vault vault() {
        return vault;
    }

    public MerchantAccounts accounts() {
        return accounts;
    }

    /** The audit trail, for operators and tests. */
    public dev.cofre.domain.audit.AuditTrail auditTrail() {
        return database.auditTrail();
    }

    public RotateKeys rotateKeys() {
        return new RotateKeys(cipher, database.sealedPans(), clock);
    }

    /** The names of the keys the database expects (never their check values), for operators and tests. */
    java.util.List<String> expectedKeyNames() {
        return database.expectedKeys().recorded().byName().keySet().toJavaList();
    }

    /** After a completed rotation to {@code version}: the database stops expecting older keys. */
    void retireKeysOlderThan(int version) {
        VaultKeys.retireOlderThan(version, database.expectedKeys());
    }

    /** Whether the database answers: the readiness probe. */
    public boolean ready() {
        try {
            database.merchants().isEmpty();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
