package dev.cofre.bootstrap;

import dev.cofre.adapters.crypto.KeyFileException;
import java.io.PrintStream;

/**
 * A setting or file the operator must fix (a key file others may read, keys the database does not
 * expect): one line saying what to do, and a non-zero exit, rather than a stack trace.
 */
final class StartupFailure extends RuntimeException {

    /** The exit code of a refusal to start. */
    static final int EXIT_CODE = 78; // EX_CONFIG of sysexits.h

    StartupFailure(String message) {
        super(message);
    }

    /** Prints one line for a failure the operator can fix, and rethrows anything else. */
    static int report(Exception e, PrintStream err) throws Exception {
        if (e instanceof StartupFailure || e instanceof KeyFileException) {
            err.println("cofre: " + e.getMessage());
            return EXIT_CODE;
        }
        throw e;
    }
}
