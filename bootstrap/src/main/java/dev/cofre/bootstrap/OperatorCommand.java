package dev.cofre.bootstrap;

import java.io.PrintStream;
import java.util.function.Supplier;

/** What every operator command gets: the settings (read when first needed) and where to print. */
abstract class OperatorCommand {
    Supplier<Settings> settings = Settings::fromEnvironment;
    PrintStream out = System.out;
    PrintStream err = System.err;
}
