package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Dependencies nothing used were dropped (issue 9): the runnable jar's classpath, which is this
 * module's, must not carry them again unless code starts using them (then delete the line here).
 * jspecify is not declared by Cofre any more either, but vavr brings it, so it stays on the
 * classpath; DependencyRuleTest keeps the domain from depending on it.
 */
class UnusedDependenciesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "org.jdbi.v3.sqlobject.SqlObjectPlugin", // jdbi3-sqlobject: every store writes its SQL by hand
            "org.jdbi.v3.postgres.PostgresPlugin"})  // jdbi3-postgres: never installed
    void a_dropped_dependency_is_not_on_the_classpath(String className) {
        assertThrows(ClassNotFoundException.class, () -> Class.forName(className));
    }
}
