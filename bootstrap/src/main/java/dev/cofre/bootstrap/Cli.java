package dev.cofre.bootstrap;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The operator commands of the jar, one class each; with no command it serves. */
@Command(name = "cofre", mixinStandardHelpOptions = true, version = "Cofre 0.1.0",
        description = "A self-hosted card vault. With no command: serve.",
        subcommands = {ServeCommand.class, MerchantsCommand.class, JustClickCommand.class, KeysCommand.class,
                ChargesCommand.class})
final class Cli extends OperatorCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        return handOver(new ServeCommand()).call();
    }

    static int run(String... args) {
        return run(Settings::fromEnvironment, System.out, System.err, args);
    }

    /** Runs a command line with the given settings and output streams (tests pass their own). */
    static int run(Supplier<Settings> settings, PrintStream out, PrintStream err, String... args) {
        var cli = new Cli();
        cli.settings = settings;
        cli.out = out;
        cli.err = err;
        CommandLine.IFactory factory = new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                K command = CommandLine.defaultFactory().create(type);
                if (command instanceof OperatorCommand c) {
                    cli.handOver(c);
                }
                return command;
            }
        };
        return new CommandLine(cli, factory)
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler((e, line, parsed) -> StartupFailure.report(e, err))
                .execute(args);
    }
}
