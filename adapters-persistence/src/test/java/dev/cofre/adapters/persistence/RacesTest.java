package dev.cofre.adapters.persistence;

import static dev.cofre.application.contract.VaultFixtures.NOW;
import static dev.cofre.application.contract.VaultFixtures.alias;
import static dev.cofre.application.contract.VaultFixtures.sealedPan;
import static dev.cofre.application.contract.VaultFixtures.token;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.application.customer.AddCustomerCard;
import dev.cofre.application.customer.CreateCardToken;
import dev.cofre.application.customer.CreateCustomer;
import dev.cofre.application.customer.CustomerAccounts;
import dev.cofre.application.customer.CustomerStores;
import dev.cofre.application.customer.SealingCardTokens;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.application.Idempotent;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.idempotency.IdempotencyKey;
import dev.cofre.domain.idempotency.IdempotentRequest;
import dev.cofre.domain.idempotency.RequestFingerprint;
import dev.cofre.domain.merchant.MerchantId;
import dev.cofre.domain.token.ChangeReason;
import dev.cofre.domain.token.ChangedBy;
import dev.cofre.domain.token.Token;
import dev.cofre.domain.token.VaultError;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Races the database must settle: sixteen requests claim one alias, a token is changed from
 * several stale copies at once, one idempotency key is used by several retries at once, eight
 * requests save a card from one card token (through the real use cases and cipher). On
 * PostgreSQL the racers are spread over two Database instances, as two Cofre servers would be.
 */
class RacesTest {

    private static final Logger log = LoggerFactory.getLogger(RacesTest.class);
    private static final int THREADS = 16;
    private static final int ROUNDS = 50;
    /** Issue 10: eight threads spend one card token. */
    private static final int CARD_TOKEN_RACERS = 8;

    /** The databases the racers use, in turn; all share one store. */
    private List<Database> servers;
    private ExecutorService threads;

    abstract class Races {

        abstract List<Database> openServers();

        abstract void dropServers(List<Database> servers);

        @BeforeEach
        void open() {
            servers = openServers();
            threads = Executors.newFixedThreadPool(THREADS);
        }

        @AfterEach
        void close() {
            threads.shutdownNow();
            dropServers(servers);
        }

        @Test
        void when_sixteen_requests_claim_one_alias_exactly_one_wins_and_the_rest_hear_alias_in_use() throws Exception {
            var merchant = givenMerchant();
            int totalWinners = 0;
            for (int round = 0; round < ROUNDS; round++) {
                var contested = alias("contested-" + round);
                var outcomes = race(i -> {
                    var db = servers.get(i % servers.size());
                    return db.transactions().inTransaction(() -> db.tokens().add(token(merchant, Option.some(contested)), sealedPan(1)));
                });
                long winners = outcomes.stream().filter(Either::isRight).count();
                long refused = outcomes.stream().filter(o -> o.isLeft() && o.getLeft() instanceof VaultError.AliasInUse).count();
                assertEquals(1, winners, "round " + round);
                assertEquals(THREADS - 1, refused, "round " + round);
                assertEquals(1, servers.get(0).tokens().aliasHistory(merchant, contested).size());
                totalWinners += (int) winners;
            }
            log.info("alias race on {} server(s): {} rounds x {} threads, {} winners", servers.size(), ROUNDS, THREADS, totalWinners);
        }

        @Test
        void when_several_requests_change_one_token_from_the_same_copy_exactly_one_wins() throws Exception {
            var merchant = givenMerchant();
            for (int round = 0; round < ROUNDS / 5; round++) {
                var token = token(merchant, Option.none());
                servers.get(0).tokens().add(token, sealedPan(1));
                var outcomes = race(i -> {
                    var db = servers.get(i % servers.size());
                    var changed = i % 2 == 0
                            ? token.suspend(ChangedBy.MERCHANT, ChangeReason.OTHER, NOW.plusSeconds(i))
                            : token.remove(ChangedBy.CARD_HOLDER, ChangeReason.FRAUD_SUSPICION, NOW.plusSeconds(i));
                    return db.transactions().inTransaction(() -> db.tokens().update(changed));
                });
                long winners = outcomes.stream().filter(Either::isRight).count();
                long conflicts = outcomes.stream().filter(o -> o.isLeft() && o.getLeft() instanceof VaultError.ConcurrentUpdate).count();
                assertEquals(1, winners, "round " + round);
                assertEquals(THREADS - 1, conflicts, "round " + round);
                var stored = servers.get(0).tokens().find(merchant, token.reference()).get();
                assertEquals(outcomes.stream().filter(Either::isRight).findFirst().get().get(), stored);
            }
        }

        @Test
        void when_retries_race_under_one_idempotency_key_on_several_servers_the_work_runs_once() throws Exception {
            var merchant = givenMerchant();
            for (int round = 0; round < ROUNDS / 5; round++) {
                var request = new IdempotentRequest(merchant, "tokenize", new IdempotencyKey("key-" + round),
                        RequestFingerprint.of("the same card"));
                var runs = new java.util.concurrent.atomic.AtomicInteger();
                var outcomes = race(i -> {
                    var db = servers.get(i % servers.size());
                    return Either.<VaultError, Either<DomainError, String>>right(Idempotent.run(db.transactions(),
                            db.idempotencyKeys(), Option.some(request), new Idempotent.Memory<String>(o -> o, Either::right),
                            () -> {
                                runs.incrementAndGet();
                                return Either.right("outcome-" + i);
                            }));
                });
                assertEquals(1, runs.get(), "round " + round);
                assertEquals(1, outcomes.stream().map(Either::get).distinct().count(), "round " + round);
            }
        }

        @Test
        void when_eight_requests_save_a_card_from_one_card_token_exactly_one_does(@TempDir Path keys) throws Exception {
            var merchant = givenMerchant();
            // Every server seals and opens with the same keys, as servers sharing one database must.
            var cipher = AesGcmCardCipher.fromKeyFile(keys.resolve("cofre.keys"));
            var accounts = servers.stream().map(db -> CustomerAccounts.create(new CustomerStores(db.customers(),
                    db.savedCards(), db.tokens(), new SealingCardTokens(db.cardTokens(), cipher), db.idempotencyKeys(),
                    db.transactions(), db.auditTrail()),
                    cipher, Clock.systemUTC(), new SecureIds())).toList();
            for (int round = 0; round < ROUNDS / 5; round++) {
                String customer = accounts.get(0).create().create(merchant, new CreateCustomer.Command(
                        new CustomerProfile.Draft("race" + round + "@example.com", null, null, null, null, null, null,
                                null, null, null, null, null, null), null)).get().customer().id().value();
                String cardToken = accounts.get(0).createCardToken().create(merchant, new CreateCardToken.Command(
                        "4111111111111111", 11, 2030, "123", "APRO", null, null, null, null, null)).get().id().value();

                var outcomes = race(CARD_TOKEN_RACERS, i -> accounts.get(i % accounts.size()).addCard()
                        .add(merchant, customer, new AddCustomerCard.Command(cardToken, null)));

                long winners = outcomes.stream().filter(Either::isRight).count();
                long spent = outcomes.stream().filter(o -> o.isLeft() && o.getLeft().equals(new CardTokenError.Spent())).count();
                assertEquals(1, winners, "round " + round);
                assertEquals(CARD_TOKEN_RACERS - 1, spent, "round " + round);
                assertEquals(1, accounts.get(accounts.size() - 1).listCards().list(merchant, customer).get().size());
            }
        }

        private MerchantId givenMerchant() {
            var merchant = VaultFixtures.merchant();
            servers.get(0).merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
            return merchant.id();
        }

        /** Starts {@link #THREADS} calls at once; any exception fails the test. */
        private <T> List<Either<VaultError, T>> race(IntFunction<Either<VaultError, T>> call) throws Exception {
            return race(THREADS, call);
        }

        /** Starts {@code racers} calls at once; any exception fails the test. */
        private <E, T> List<Either<E, T>> race(int racers, IntFunction<Either<E, T>> call) throws Exception {
            var start = new CyclicBarrier(racers);
            var futures = new ArrayList<Future<Either<E, T>>>();
            for (int i = 0; i < racers; i++) {
                int racer = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.apply(racer);
                }));
            }
            var outcomes = new ArrayList<Either<E, T>>();
            for (var future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        }
    }

    @Nested
    class OnSqlite extends Races {
        @Override
        List<Database> openServers() {
            return List.of(TestDatabases.sqlite());
        }

        @Override
        void dropServers(List<Database> servers) {
            servers.forEach(db -> {
                db.close();
                TestDatabases.deleteSqlite(db);
            });
        }
    }

    @Nested
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.POSTGRES_DISABLED)
    class OnPostgresqlWithTwoServers extends Races {
        private String schema;

        @Override
        List<Database> openServers() {
            schema = TestDatabases.randomSchema();
            return List.of(Database.open(url(), schema), Database.open(url(), schema));
        }

        String url() {
            return TestDatabases.postgresUrl();
        }

        @Override
        void dropServers(List<Database> servers) {
            servers.forEach(Database::close);
            TestDatabases.dropSchema(schema);
        }
    }

    /** The same races with every transaction SERIALIZABLE: the losers' serialization failures are retried. */
    @Nested
    @EnabledIfEnvironmentVariable(named = TestDatabases.POSTGRES_URL_VARIABLE, matches = ".+",
            disabledReason = TestDatabases.POSTGRES_DISABLED)
    class OnSerializablePostgresqlWithTwoServers extends OnPostgresqlWithTwoServers {
        @Override
        String url() {
            return TestDatabases.serializablePostgresUrl();
        }
    }
}
