package dev.cofre.bootstrap;

import dev.cofre.adapters.crypto.KeyFile;
import dev.cofre.application.token.RotateKeys;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code cofre keys rotate}: a new key-encryption key version, and every data key re-wrapped under it. */
@Command(name = "rotate", description = "Add a new key-encryption key version to the key file and re-wrap"
        + " every stored data key under it, while servers keep serving (they read the key file again"
        + " when they meet the new version). With --resume, only finish re-wrapping under the current"
        + " version, e.g. after an interrupted run.")
final class RotateKeysCommand extends OperatorCommand implements Callable<Integer> {

    @Option(names = "--resume", description = "re-wrap under the current version; add none")
    boolean resume;

    @Override
    public Integer call() {
        var config = settings.get();
        if (!resume) {
            if (config.configuredKeys().isDefined()) {
                err.println("COFRE_KEYS is set, so there is no key file to add a version to: add one to a"
                        + " copy of it (COFRE_KEY_FILE=copy keys rotate), configure every server with the new"
                        + " keys (base64 -w0 copy), restart them, then run keys rotate --resume.");
                return 2;
            }
            var ring = KeyFile.addVersion(config.keyFile());
            out.println("Key version " + ring.currentVersion() + " added to " + config.keyFile());
        }
        try (var wiring = Wiring.open(config, Clock.systemUTC())) {
            RotateKeys.Rotation r = wiring.rotateKeys().rotate(p ->
                    out.println("  re-wrapped " + p.done() + " of " + p.total()));
            out.println("Rotation to key version " + r.toVersion() + ": " + r.ending() + ", "
                    + r.rewrapped() + " re-wrapped, " + r.skipped() + " skipped, " + r.unreadable()
                    + " unreadable, in " + r.took().toMillis() + " ms");
            if (r.ending() != RotateKeys.Ending.DONE || r.unreadable() > 0) {
                return 1;
            }
            wiring.retireKeysOlderThan(r.toVersion());
            return 0;
        }
    }
}
