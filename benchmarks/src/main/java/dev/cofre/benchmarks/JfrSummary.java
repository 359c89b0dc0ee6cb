package dev.cofre.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * What a JFR recording of the server under load says, as Markdown: where CPU samples land (the
 * leaf frame, and the application frames they pass through) and which sites allocate the most.
 */
final class JfrSummary {

    private JfrSummary() {
    }

    /** The packages whose frames say which part of Cofre (or its libraries) a sample belongs to. */
    private static final List<String> LAYERS = List.of("dev.cofre.", "org.jdbi.", "org.sqlite.", "com.zaxxer.",
            "io.javalin.", "com.fasterxml.jackson.", "ch.qos.logback.", "org.eclipse.jetty.", "javax.crypto.",
            "com.sun.crypto.", "sun.security.", "java.security.", "org.postgresql.");

    static String summarize(Path recording, int top) throws IOException {
        var self = new HashMap<String, Long>();
        var inclusive = new HashMap<String, Long>();
        var layerOf = new HashMap<String, Long>();
        var allocBySite = new HashMap<String, Long>();
        var allocByClass = new HashMap<String, Long>();
        long samples = 0;
        long allocTotal = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(recording)) {
            String type = e.getEventType().getName();
            RecordedStackTrace stack = e.getStackTrace();
            if (stack == null || stack.getFrames().isEmpty()) {
                continue;
            }
            List<RecordedFrame> frames = stack.getFrames();
            if (type.equals("jdk.ExecutionSample")) {
                samples++;
                self.merge(name(frames.get(0)), 1L, Long::sum);
                Set<String> seen = new HashSet<>();
                String layer = null;
                for (RecordedFrame f : frames) {
                    String n = name(f);
                    if (n.startsWith("dev.cofre.") && seen.add(n)) {
                        inclusive.merge(n, 1L, Long::sum);
                    }
                    if (layer == null) {
                        layer = LAYERS.stream().filter(n::startsWith).findFirst().orElse(null);
                    }
                }
                layerOf.merge(layer == null ? "(JDK / other)" : layer + "*", 1L, Long::sum);
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                long weight = e.getLong("weight");
                allocTotal += weight;
                String cls = e.getClass("objectClass").getName();
                allocByClass.merge(cls, weight, Long::sum);
                String site = frames.stream().map(JfrSummary::name).filter(interesting()).findFirst()
                        .orElse(name(frames.get(0)));
                allocBySite.merge(site, weight, Long::sum);
            }
        }
        var out = new StringBuilder();
        out.append(String.format("%,d CPU samples; allocation shares are of the sampled allocation weight "
                + "(jdk.ObjectAllocationSample: an estimate, not a byte count).%n%n", samples));
        out.append("| CPU: leaf frame (self) | share |\n|---|---:|\n");
        table(out, self, samples, top, "%.1f%%");
        out.append("\n| CPU: first library layer under the leaf | share |\n|---|---:|\n");
        table(out, layerOf, samples, top, "%.1f%%");
        out.append("\n| CPU: Cofre frames on the stack (inclusive) | share |\n|---|---:|\n");
        table(out, inclusive, samples, top, "%.1f%%");
        out.append("\n| allocation: first Cofre/library frame | share of bytes |\n|---|---:|\n");
        table(out, allocBySite, allocTotal, top, "%.1f%%");
        out.append("\n| allocation: class | share of bytes |\n|---|---:|\n");
        table(out, allocByClass, allocTotal, Math.min(top, 8), "%.1f%%");
        return out.toString();
    }

    private static Predicate<String> interesting() {
        return n -> !n.startsWith("java.") && !n.startsWith("jdk.") && !n.startsWith("sun.");
    }

    private static void table(StringBuilder out, Map<String, Long> counts, long total, int top, String format) {
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(top)
                .forEach(en -> out.append("| `").append(en.getKey()).append("` | ")
                        .append(String.format(format, total == 0 ? 0.0 : 100.0 * en.getValue() / total)).append(" |\n"));
    }

    private static String name(RecordedFrame f) {
        var method = f.getMethod();
        return method.getType().getName() + "." + method.getName();
    }
}
