package dev.cofre.bootstrap;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Runs a test class or method only when a PostgreSQL is named by {@code COFRE_TEST_POSTGRES_URL}
 * (as {@code .ci/run} does), and says how to enable it when it is skipped.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@EnabledIfEnvironmentVariable(named = "COFRE_TEST_POSTGRES_URL", matches = ".+",
        disabledReason = "PostgreSQL tests skipped: set "
                + "COFRE_TEST_POSTGRES_URL=jdbc:postgresql://127.0.0.1:5432/test?user=postgres to run them")
@interface OnPostgres {

    /** The JDBC URL of the test PostgreSQL, or null when none is named. */
    String URL = System.getenv("COFRE_TEST_POSTGRES_URL");
}
