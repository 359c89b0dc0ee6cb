package dev.cofre.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The dependency rule of DESIGN.md, checked over every module's main classes. */
@AnalyzeClasses(packages = "dev.cofre",
        importOptions = {ImportOption.DoNotIncludeTests.class, DependencyRuleTest.NoTestJars.class})
class DependencyRuleTest {

    /** Modules share test fixtures through test-jars; those are tests too. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule the_domain_depends_only_on_java_and_vavr = classes()
            .that().resideInAPackage("dev.cofre.domain..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("java..", "io.vavr..", "dev.cofre.domain..")
            .because("the domain is a pure library: no framework, no JSON, no database");

    @ArchTest
    static final ArchRule the_application_never_depends_on_an_adapter = noClasses()
            .that().resideInAPackage("dev.cofre.application..")
            .should().dependOnClassesThat().resideInAnyPackage("dev.cofre.adapters..", "dev.cofre.bootstrap..");

    @ArchTest
    static final ArchRule adapters_never_depend_on_each_other = slices()
            .matching("dev.cofre.adapters.(*)..")
            .should().notDependOnEachOther();

    @ArchTest
    static final ArchRule nothing_depends_on_bootstrap = noClasses()
            .that().resideOutsideOfPackage("dev.cofre.bootstrap..")
            .should().dependOnClassesThat().resideInAPackage("dev.cofre.bootstrap..");

    @ArchTest
    static final ArchRule jdbi_stays_in_the_persistence_adapter = noClasses()
            .that().resideOutsideOfPackage("dev.cofre.adapters.persistence..")
            .should().dependOnClassesThat().resideInAnyPackage("org.jdbi..", "org.flywaydb..", "com.zaxxer..");

    @ArchTest
    static final ArchRule javalin_and_jackson_stay_in_the_rest_adapter = noClasses()
            .that().resideOutsideOfPackage("dev.cofre.adapters.rest..")
            .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "com.fasterxml.jackson..", "org.eclipse.jetty..");

    @ArchTest
    static final ArchRule jakarta_validation_stays_in_the_application = noClasses()
            .that().resideOutsideOfPackage("dev.cofre.application..")
            .should().dependOnClassesThat().resideInAnyPackage("jakarta.validation..", "org.hibernate.validator..");

    /** The classes allowed to read a card number's digits: the cipher, the acquirer, and the one detokenize response. */
    static final String[] MAY_READ_CARD_NUMBERS = {
            "dev.cofre.adapters.crypto..", "dev.cofre.adapters.acquirer.."};
    static final String DETOKENIZE_RESPONSE = "dev.cofre.adapters.rest.justclick.CardNumberResponse";

    @ArchTest
    static final ArchRule only_the_cipher_the_acquirer_and_detokenize_read_a_card_number = noClasses()
            .that().resideOutsideOfPackages(MAY_READ_CARD_NUMBERS)
            .and().doNotHaveFullyQualifiedName(DETOKENIZE_RESPONSE)
            .should().callMethod(dev.cofre.domain.card.Pan.class, "revealDigits")
            .because("a card number leaves the vault only through the cipher, the acquirer and GetCreditCard");

    @ArchTest
    static final ArchRule every_operator_command_is_a_class_of_its_own = noClasses()
            .that().areAnnotatedWith(picocli.CommandLine.Command.class)
            .should().beMemberClasses()
            .because("the CLI grows one command at a time: one class per command (issue 9)");

    @ArchTest
    static final ArchRule only_the_sqlite_opener_configures_sqlite = noClasses()
            .that().doNotHaveSimpleName("SqliteOpener")
            .should().dependOnClassesThat().resideInAPackage("org.sqlite..")
            .because("each dialect is opened in one place: SqliteOpener, PostgresOpener");

    @ArchTest
    static final ArchRule only_the_sql_dialect_runs_migrations = noClasses()
            .that().doNotHaveSimpleName("SqlDialect")
            .should().dependOnClassesThat().resideInAPackage("org.flywaydb..")
            .because("migrations are located and run per dialect, in one place");

    @ArchTest
    static final ArchRule the_persistence_dialect_has_a_name_of_its_own = noClasses()
            .that().resideInAPackage("dev.cofre.adapters.persistence..")
            .should().haveSimpleName("Dialect")
            .because("the REST adapter's dialects are another thing: SqlDialect is the SQL one");

    @ArchTest
    static final ArchRule only_the_acquirer_and_the_cipher_read_a_security_code = noClasses()
            .that().resideOutsideOfPackages("dev.cofre.adapters.acquirer..", "dev.cofre.adapters.crypto..")
            .should().callMethod(dev.cofre.domain.card.SecurityCode.class, "revealDigits")
            .because("a CVV goes to the acquirer, and to the cipher that seals it inside a card token, and nowhere else");

    /** The classes allowed to read a network token's cryptogram: the acquirer, and the two hashers that keep only a keyed digest of it. */
    static final String[] MAY_READ_CRYPTOGRAMS = {
            "dev.cofre.adapters.crypto.HmacCryptogramHasher", "dev.cofre.application.inmemory.InMemoryCryptogramHasher"};

    @ArchTest
    static final ArchRule only_the_acquirer_and_the_cryptogram_hashers_read_a_cryptogram = noClasses()
            .that().resideOutsideOfPackage("dev.cofre.adapters.acquirer..")
            .and().doNotHaveFullyQualifiedName(MAY_READ_CRYPTOGRAMS[0])
            .and().doNotHaveFullyQualifiedName(MAY_READ_CRYPTOGRAMS[1])
            .should().callMethod(dev.cofre.domain.charge.Cryptogram.class, "revealValue")
            .because("a cryptogram goes to the acquirer, and is otherwise only kept as a keyed hash to refuse its reuse");
}
