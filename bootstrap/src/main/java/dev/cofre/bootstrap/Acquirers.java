package dev.cofre.bootstrap;

import dev.cofre.adapters.acquirer.AcquirerSimulator;
import dev.cofre.domain.charge.Acquirer;
import java.nio.file.Path;
import java.util.Locale;

/** The acquirers Cofre can charge through, chosen by {@code COFRE_ACQUIRER}. */
final class Acquirers {

    enum Kind {
        /** The deterministic simulator of the README's test cards: the default, for development and tests. */
        SIMULATOR;

        static Kind parse(String raw) {
            for (Kind kind : values()) {
                if (kind.name().toLowerCase(Locale.ROOT).equals(raw.trim().toLowerCase(Locale.ROOT))) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("COFRE_ACQUIRER must be one of: simulator");
        }
    }

    private Acquirers() {
    }

    /** The simulator keeps a journal in the data directory, so an operator command hears what the server did. */
    static Acquirer of(Kind kind, Path dataDir) {
        return switch (kind) {
            case SIMULATOR -> AcquirerSimulator.journaledIn(dataDir.resolve("simulator.journal"));
        };
    }
}
