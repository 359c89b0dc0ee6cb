package dev.cofre.bootstrap;

import java.io.PrintStream;
import java.util.function.Supplier;

/** What every operator command gets: the settings (read when first needed) and where to print. */
abstract class OperatorCommand {
    Supplier<Settings> settings = Settings::fromEnvironment;
    PrintStream out = System.out;
    PrintStream err = System.err;

    /** Gives {@code command} this command's settings and streams. */
    final <C extends OperatorCommand> C handOver(C command) {
        command.settings = settings;
        command.out = out;
        command.err = err;
        return command;
    }
}
