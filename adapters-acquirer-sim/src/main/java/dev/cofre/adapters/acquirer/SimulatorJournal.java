package dev.cofre.adapters.acquirer;

import dev.cofre.domain.charge.AcquirerAnswer;
import dev.cofre.domain.charge.AcquirerFields;
import dev.cofre.domain.charge.TransactionId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;

/**
 * What a simulator did with each operation, appended to a file that every simulator on the same data
 * directory reads: a real acquirer remembers its operations whichever client asks, so an operator's
 * {@code charges reconcile}, run in a process of its own, must hear what the server's simulator did.
 * One line per outcome, tab-separated; a later line for the same operation wins. Holds no card data:
 * operation ids, answer kinds and the acquirer's own fields only.
 */
final class SimulatorJournal {

    /** What query answers about one operation: its answer now, and whether it is still pending. */
    record Entry(AcquirerAnswer truth, boolean pending, AcquirerAnswer whenCompleted) {
    }

    private final Path file;

    SimulatorJournal(Path file) {
        this.file = file;
    }

    synchronized void append(TransactionId operation, Entry entry) {
        String line = operation.value() + "\t" + (entry.pending() ? "1" : "0") + "\t" + encode(entry.truth())
                + "\t" + encode(entry.whenCompleted()) + "\n";
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the simulator's journal", e);
        }
    }

    synchronized Optional<Entry> find(TransactionId operation) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the simulator's journal", e);
        }
        Entry found = null;
        String prefix = operation.value() + "\t";
        for (String line : lines) {
            if (line.startsWith(prefix)) {
                String[] parts = line.split("\t", -1);
                if (parts.length == 16) {
                    found = new Entry(decode(parts, 2), parts[1].equals("1"), decode(parts, 9));
                }
            }
        }
        return Optional.ofNullable(found);
    }

    private static String encode(AcquirerAnswer answer) {
        AcquirerFields f = answer.receipt().getOrElseThrow(() -> new IllegalArgumentException("no receipt"));
        return String.join("\t", answer.kind().name(), f.name(), f.tid(), f.nsu(), f.authCode(), f.returnCode(),
                clean(f.message()));
    }

    private static AcquirerAnswer decode(String[] parts, int at) {
        var fields = new AcquirerFields(parts[at + 1], parts[at + 2], parts[at + 3], parts[at + 4], parts[at + 5],
                parts[at + 6]);
        return switch (AcquirerAnswer.Kind.valueOf(parts[at])) {
            case APPROVED -> new AcquirerAnswer.Approved(fields);
            case DECLINED -> new AcquirerAnswer.Declined(fields.returnCode(), fields.message(), fields);
            case PENDING -> new AcquirerAnswer.Pending(fields);
            case UNKNOWN -> new AcquirerAnswer.Unknown("journal");
        };
    }

    private static String clean(String text) {
        return text.replace('\t', ' ').replace('\n', ' ');
    }
}
