package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/** One run of the jar's command line in this process, with its exit code and what it printed. */
record CommandLineRun(int exit, String out, String err) {

    static CommandLineRun of(Supplier<Settings> settings, String... args) {
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();
        int exit = Cli.run(settings, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new CommandLineRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The value printed after {@code label:} (a credential, an id). */
    String field(String label) {
        var m = Pattern.compile(label + ":\\s+(\\S+)").matcher(out);
        assertTrue(m.find(), label + " in " + out);
        return m.group(1);
    }
}
