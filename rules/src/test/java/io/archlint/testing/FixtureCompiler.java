package io.archlint.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Compiles fixture sources with {@code javac} against small stubs of the frameworks they use
 * ({@code src/test/resources/stubs}), so bytecode rules see real class files offline.
 */
public final class FixtureCompiler {

    private static final Path STUB_CLASSES = Path.of("target", "stub-classes");

    private FixtureCompiler() {}

    public static void compile(Path sources, Path classes) throws IOException {
        Path stubs = stubClasses();
        List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", stubs.toString(),
                "-proc:none", "-g", "--release", "17", "-nowarn"));
        arguments.addAll(javaFiles(sources));
        run(arguments);
    }

    private static synchronized Path stubClasses() throws IOException {
        Path marker = STUB_CLASSES.resolve(".compiled");
        if (Files.exists(marker)) {
            return STUB_CLASSES.toAbsolutePath();
        }
        URL root = FixtureCompiler.class.getResource("/stubs");
        if (root == null) {
            throw new IllegalStateException("stubs not found on the test classpath");
        }
        Path stubSources;
        try {
            stubSources = Path.of(root.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<String> arguments = new ArrayList<>(List.of("-d", STUB_CLASSES.toString(), "-proc:none", "--release", "17",
                "-nowarn"));
        arguments.addAll(javaFiles(stubSources));
        run(arguments);
        Files.writeString(marker, "");
        return STUB_CLASSES.toAbsolutePath();
    }

    private static List<String> javaFiles(Path root) {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void run(List<String> arguments) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int status = javac.run(null, output, output, arguments.toArray(String[]::new));
        if (status != 0) {
            throw new AssertionError("fixture does not compile:\n" + output.toString(StandardCharsets.UTF_8));
        }
    }
}
