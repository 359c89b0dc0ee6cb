package dev.cofre.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's embedding example compiles against the real modules and does what it says. */
class EmbeddingExampleTest {

    @TempDir
    Path work;

    @Test
    void the_readme_embedding_example_vaults_and_detokenizes_a_card() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Embedding"));
        var block = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "the Embedding section has a java example");
        Path source = work.resolve("Embedding.java");
        Files.writeString(source, block.group(1));

        var compiler = ToolProvider.getSystemJavaCompiler();
        var errors = new ByteArrayOutputStream();
        int status = compiler.run(null, null, errors, "-d", work.toString(),
                "-classpath", System.getProperty("java.class.path"), source.toString());
        assertEquals(0, status, errors.toString(StandardCharsets.UTF_8));

        var out = new ByteArrayOutputStream();
        PrintStream original = System.out;
        try (var loader = new URLClassLoader(new java.net.URL[] {work.toUri().toURL()}, getClass().getClassLoader())) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            loader.loadClass("Embedding").getMethod("main", String[].class)
                    .invoke(null, (Object) new String[] {work.resolve("keys/cofre.keys").toString()});
        } finally {
            System.setOut(original);
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> !line.matches("\\d{2}:\\d{2}:\\d{2}.*")) // log lines, e.g. the development-key warning
                .toList();
        assertEquals(2, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("[0-9a-f-]{36} \\*{12}0183 Active"), lines.get(0));
        assertEquals("detokenized 455187******0183 expiring 2030-12-31", lines.get(1));
        assertTrue(Files.exists(work.resolve("keys/cofre.keys")));
    }
}
