package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A vendor's npm SDK installed by {@code npm ci} from a lockfile committed under
 * {@code src/test/resources}, and a Node script run against the server with it.
 */
final class NodeSdk {

    private NodeSdk() {
    }

    static boolean nodeInstalled() {
        try {
            return new ProcessBuilder("node", "--version").redirectErrorStream(true).start().waitFor() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** What .ci/run does first; done here too when the folder has not been installed yet. */
    static void install(Path folder, String module) throws Exception {
        if (Files.isDirectory(folder.resolve("node_modules").resolve(module))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(folder.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(npm.waitFor(300, TimeUnit.SECONDS), "npm ci took too long");
        assertEquals(0, npm.exitValue(), "npm ci: " + output);
    }

    /** Runs {@code node script} in the folder with the environment added; its exit code must be 0. Returns its output. */
    static String run(Path folder, String script, Map<String, String> env) throws Exception {
        var builder = new ProcessBuilder("node", script).directory(folder.toFile());
        builder.environment().putAll(env);
        Process node = builder.redirectErrorStream(true).start();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(120, TimeUnit.SECONDS), "the SDK run took too long: " + output);
        assertEquals(0, node.exitValue(), output);
        return output;
    }
}
