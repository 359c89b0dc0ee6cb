package dev.cofre.bootstrap;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.adapters.crypto.HmacCryptogramHasher;
import dev.cofre.adapters.crypto.KeyRing;
import dev.cofre.adapters.persistence.Database;
import dev.cofre.application.charge.AcquirerWithDeadline;
import dev.cofre.application.charge.ChargeStores;
import dev.cofre.application.charge.Charging;
import dev.cofre.application.charge.NumberedPayments;
import dev.cofre.application.customer.CustomerAccounts;
import dev.cofre.application.customer.CustomerStores;
import dev.cofre.application.customer.SealingCardTokens;
import dev.cofre.application.merchant.MerchantAccounts;
import dev.cofre.application.merchant.PublishableKeyAccess;
import dev.cofre.application.merchant.SecretKeyAccess;
import dev.cofre.application.token.RotateKeys;
import dev.cofre.application.token.Vault;
import dev.cofre.application.token.VaultStores;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.charge.Acquirer;
import dev.cofre.domain.charge.CryptogramHasher;
import dev.cofre.domain.merchant.TrustedProxies;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that picks the adapters: the database from the JDBC URL, the cipher from the key
 * file, the acquirer from {@code COFRE_ACQUIRER}, and the use cases over them. The server and every operator command start from here.
 */
public final class Wiring implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Wiring.class);

    /** How often each server deletes expired card tokens (any server may: the deletion is idempotent). */
    static final Duration CARD_TOKEN_SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Database database;
    private final AesGcmCardCipher cipher;
    private final Vault vault;
    private final MerchantAccounts accounts;
    private final AcquirerWithDeadline acquirer;
    private final Charging charging;
    private final SecretKeyAccess secretKeys;
    private final SecretKeyAccess accessTokens;
    private final PublishableKeyAccess publishableKeys;
    private final CustomerAccounts customers;
    private final NumberedPayments payments;
    private final ScheduledExecutorService sweeper;
    private final Clock clock;

    private Wiring(Database database, AesGcmCardCipher cipher, CryptogramHasher hasher, Acquirer acquirer,
                   Settings settings, Clock clock, Duration sweepInterval) {
        this.database = database;
        this.cipher = cipher;
        this.clock = clock;
        var ids = new SecureIds();
        var stores = new VaultStores(database.tokens(), database.saveRequests(), database.keyRecoveries(),
                database.auditTrail(), database.idempotencyKeys(), database.merchants(), database.transactions());
        this.vault = Vault.create(stores, cipher, clock, ids);
        this.accounts = MerchantAccounts.create(new MerchantAccounts.Stores(database.merchants(),
                database.accessTokens(), database.loginFailures(), database.auditTrail(), database.transactions()),
                settings.trustedProxies(), clock, ids);
        this.acquirer = new AcquirerWithDeadline(acquirer, settings.charges().acquirerDeadline());
        // One store of card tokens, sealed in the database: customers make them, charges spend them.
        var cardTokens = new SealingCardTokens(database.cardTokens(), cipher, database.auditTrail(), clock);
        var chargeStores = new ChargeStores(database.charges(), database.tokens(), cardTokens,
                database.spentCryptograms(), database.idempotencyKeys(), database.reconcileLeases(),
                database.transactions(), database.customers(), database.savedCards());
        this.secretKeys = new SecretKeyAccess(database.secretKeys(), accounts, clock, ids);
        this.accessTokens = new SecretKeyAccess(database.secretKeys(), accounts, clock, ids,
                SecretKeyAccess.ACCESS_TOKEN_PREFIX);
        this.publishableKeys = new PublishableKeyAccess(database.publishableKeys(), database.merchants(), clock, ids);
        this.charging = Charging.create(chargeStores, cipher, hasher, this.acquirer, clock, ids,
                settings.charges().reconcileGrace());
        this.customers = CustomerAccounts.create(new CustomerStores(database.customers(), database.savedCards(),
                database.tokens(), cardTokens, database.idempotencyKeys(), database.transactions(), database.auditTrail()),
                cipher, clock, ids, settings.cardTokenLifetime());
        this.payments = new NumberedPayments(charging, database.numberedCharges(), database.customers(), clock, ids);
        this.sweeper = Executors.newSingleThreadScheduledExecutor(work -> {
            var thread = new Thread(work, "cofre-card-token-sweeper");
            thread.setDaemon(true);
            return thread;
        });
        long every = sweepInterval.toMillis();
        sweeper.scheduleWithFixedDelay(this::sweepCardTokens, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweepCardTokens() {
        try {
            int swept = customers.sweepCardTokens().sweep();
            if (swept > 0) {
                LOG.debug("Deleted {} expired card tokens", swept);
            }
        } catch (RuntimeException e) {
            // the next run tries again; a failed sweep must not stop the schedule
            LOG.warn("Sweeping expired card tokens failed: {}", e.getClass().getSimpleName());
        }
    }

    public static Wiring open(Settings settings, Clock clock) {
        return open(settings, clock, Acquirers.of(settings.charges().acquirer(), settings.dataDir()));
    }

    /** As {@link #open(Settings, Clock)}, charging through {@code acquirer} (tests give one they can steer). */
    static Wiring open(Settings settings, Clock clock, Acquirer acquirer) {
        return open(settings, clock, acquirer, CARD_TOKEN_SWEEP_INTERVAL);
    }

    /** As {@link #open(Settings, Clock)}, sweeping expired card tokens every {@code sweepInterval}. */
    static Wiring open(Settings settings, Clock clock, Duration sweepInterval) {
        return open(settings, clock, Acquirers.of(settings.charges().acquirer(), settings.dataDir()), sweepInterval);
    }

    private static Wiring open(Settings settings, Clock clock, Acquirer acquirer, Duration sweepInterval) {
        var database = settings.dbUrl().startsWith("jdbc:sqlite:")
                ? Database.open(settings.dbUrl())
                : Database.open(settings.dbUrl(), settings.dbSchema());
        try {
            var cipher = VaultKeys.agreedWith(database, settings);
            // the same keys the cipher agreed on: the fingerprint key derives the cryptogram digests' key
            CryptogramHasher hasher = settings.configuredKeys()
                    .map(keys -> new HmacCryptogramHasher(KeyRing.fromConfiguration(keys)))
                    .getOrElse(() -> HmacCryptogramHasher.fromKeyFile(settings.keyFile()));
            return new Wiring(database, cipher, hasher, acquirer, settings, clock, sweepInterval);
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

    /** The orders API's secret keys: issued by merchants add, recognised by the orders dialect. */
    public SecretKeyAccess secretKeys() {
        return secretKeys;
    }

    /** The clock every use case reads. */
    public Clock clock() {
        return clock;
    }

    /** The Mercado Pago dialect's static access tokens ({@code APP_USR-}): issued by merchants add. */
    public SecretKeyAccess accessTokens() {
        return accessTokens;
    }

    /** Publishable keys (create card tokens from browsers, nothing else) and the origins allowed to use them. */
    public PublishableKeyAccess publishableKeys() {
        return publishableKeys;
    }

    /** The charge engine over the database and the configured acquirer. */
    public Charging charging() {
        return charging;
    }

    /** Seed 000's customers, saved cards and card tokens. */
    public CustomerAccounts customers() {
        return customers;
    }

    /** Charges as numbered payments (Mercado Pago's {@code /v1/payments}). */
    public NumberedPayments payments() {
        return payments;
    }

    /** The audit trail, for operators and tests. */
    public dev.cofre.domain.audit.AuditTrail auditTrail() {
        return database.auditTrail();
    }

    public RotateKeys rotateKeys() {
        return new RotateKeys(cipher, database.sealedPans(), database.cardTokens(), clock);
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
        sweeper.shutdownNow();
        acquirer.close();
        database.close();
    }
}
