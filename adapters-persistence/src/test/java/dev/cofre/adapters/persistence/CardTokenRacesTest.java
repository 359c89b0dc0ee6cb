package dev.cofre.adapters.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cofre.adapters.crypto.AesGcmCardCipher;
import dev.cofre.application.contract.VaultFixtures;
import dev.cofre.application.customer.AddCustomerCard;
import dev.cofre.application.customer.CreateCardToken;
import dev.cofre.application.customer.CreateCustomer;
import dev.cofre.application.customer.CustomerAccounts;
import dev.cofre.application.customer.CustomerStores;
import dev.cofre.application.customer.SealingCardTokens;
import dev.cofre.domain.DomainError;
import dev.cofre.domain.SecureIds;
import dev.cofre.domain.charge.CardTokenError;
import dev.cofre.domain.customer.CustomerProfile;
import dev.cofre.domain.merchant.MerchantId;
import io.vavr.control.Either;
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

/**
 * Eight threads spend one card token: exactly one gets it, through the real use cases and the real
 * cipher. On PostgreSQL the threads are spread over two Database instances sharing one schema and
 * one key file, as two Cofre servers would be.
 */
class CardTokenRacesTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 10;

    @TempDir
    Path keys;
    private List<Database> servers;
    private List<CustomerAccounts> accounts;
    private ExecutorService threads;

    abstract class Races {

        abstract List<Database> openServers();

        abstract void dropServers(List<Database> servers);

        @BeforeEach
        void open() {
            servers = openServers();
            var cipher = AesGcmCardCipher.fromKeyFile(keys.resolve("cofre.keys"));
            accounts = servers.stream().map(db -> CustomerAccounts.create(new CustomerStores(db.customers(),
                    db.savedCards(), db.tokens(), new SealingCardTokens(db.cardTokens(), cipher), db.transactions()),
                    cipher, Clock.systemUTC(), new SecureIds())).toList();
            threads = Executors.newFixedThreadPool(THREADS);
        }

        @AfterEach
        void close() {
            threads.shutdownNow();
            dropServers(servers);
        }

        @Test
        void when_eight_requests_save_a_card_from_one_card_token_exactly_one_does() throws Exception {
            var merchant = givenMerchant();
            for (int round = 0; round < ROUNDS; round++) {
                String customer = accounts.get(0).create().create(merchant, new CreateCustomer.Command(
                        new CustomerProfile.Draft("race" + round + "@example.com", null, null, null, null, null, null,
                                null, null, null, null, null, null))).get().customer().id().value();
                String token = accounts.get(0).createCardToken().create(merchant, new CreateCardToken.Command(
                        "4111111111111111", 11, 2030, "123", "APRO", null, null, null)).get().id().value();

                var outcomes = race(i -> accounts.get(i % accounts.size()).addCard()
                        .add(merchant, customer, new AddCustomerCard.Command(token)));

                long winners = outcomes.stream().filter(Either::isRight).count();
                long spent = outcomes.stream().filter(o -> o.isLeft() && o.getLeft().equals(new CardTokenError.Spent())).count();
                assertEquals(1, winners, "round " + round);
                assertEquals(THREADS - 1, spent, "round " + round);
                assertEquals(1, accounts.get(1 % accounts.size()).listCards().list(merchant, customer).get().size());
            }
        }

        private MerchantId givenMerchant() {
            var merchant = VaultFixtures.merchant();
            servers.get(0).merchants().add(merchant, VaultFixtures.credentialsOf(merchant.id()));
            return merchant.id();
        }

        private <T> List<Either<DomainError, T>> race(IntFunction<Either<DomainError, T>> call) throws Exception {
            var start = new CyclicBarrier(THREADS);
            var futures = new ArrayList<Future<Either<DomainError, T>>>();
            for (int i = 0; i < THREADS; i++) {
                int racer = i;
                futures.add(threads.submit(() -> {
                    start.await();
                    return call.apply(racer);
                }));
            }
            var outcomes = new ArrayList<Either<DomainError, T>>();
            for (var future : futures) {
                outcomes.add(future.get(60, TimeUnit.SECONDS));
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
            return List.of(Database.open(TestDatabases.postgresUrl(), schema),
                    Database.open(TestDatabases.postgresUrl(), schema));
        }

        @Override
        void dropServers(List<Database> servers) {
            servers.forEach(Database::close);
            TestDatabases.dropSchema(schema);
        }
    }
}
