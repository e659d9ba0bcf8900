package io.archlint.engine.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import io.archlint.engine.Skipped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;

/** Parses a module's main source roots in parallel on a bounded pool. */
public final class SourceParser {

    private final LanguageLevel languageLevel;
    private final Charset encoding;
    private final int parallelism;
    private final Function<Path, String> relativizer;
    private final Consumer<Skipped> skipped;

    public SourceParser(int javaRelease, Charset encoding, int parallelism,
            Function<Path, String> relativizer, Consumer<Skipped> skipped) {
        this.languageLevel = languageLevel(javaRelease);
        this.encoding = encoding;
        this.parallelism = Math.max(1, parallelism);
        this.relativizer = relativizer;
        this.skipped = skipped;
    }

    /** The parser's language level for a {@code release}; newer releases get the newest level known. */
    static LanguageLevel languageLevel(int release) {
        if (release <= 0) {
            return LanguageLevel.BLEEDING_EDGE;
        }
        LanguageLevel best = LanguageLevel.JAVA_8;
        for (LanguageLevel level : LanguageLevel.values()) {
            String name = level.name();
            if (!name.matches("JAVA_\\d+")) {
                continue;
            }
            int version = Integer.parseInt(name.substring("JAVA_".length()));
            int bestVersion = Integer.parseInt(best.name().substring("JAVA_".length()));
            if (version <= Math.max(release, 8) && version > bestVersion) {
                best = level;
            }
        }
        return best;
    }

    public SourceFacet parse(List<Path> roots) {
        List<Path> files = new ArrayList<>();
        for (Path root : roots.stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList()) {
            files.addAll(javaFiles(root));
        }
        List<Optional<SourceFile>> parsed;
        if (files.size() < 2 || parallelism == 1) {
            parsed = files.stream().map(this::parseOne).toList();
        } else {
            ForkJoinPool pool = new ForkJoinPool(parallelism);
            try {
                parsed = pool.submit(() -> files.parallelStream().map(this::parseOne).toList()).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while parsing sources", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("parsing sources failed", e.getCause());
            } finally {
                pool.shutdown();
            }
        }
        return new SourceFacet(parsed.stream().flatMap(Optional::stream).toList());
    }

    private List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
            return walk.filter(p -> p.getFileName().toString().endsWith(".java"))
                    .filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().equals("module-info.java"))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            skipped.accept(new Skipped(relativizer.apply(root), "source root not fully read: " + e.getMessage()));
            return List.of();
        }
    }

    private Optional<SourceFile> parseOne(Path file) {
        String path = relativizer.apply(file);
        try {
            ParserConfiguration configuration = new ParserConfiguration()
                    .setLanguageLevel(languageLevel)
                    .setCharacterEncoding(encoding);
            String text = Files.readString(file, encoding);
            ParseResult<CompilationUnit> result = new JavaParser(configuration).parse(text);
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                Problem problem = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
                String where = problem == null ? "" : problem.getLocation()
                        .flatMap(l -> l.getBegin().getRange())
                        .map(r -> " at line " + r.begin.line)
                        .orElse("");
                String what = problem == null ? "unknown problem" : problem.getMessage().lines().findFirst().orElse("");
                skipped.accept(new Skipped(path, "does not parse" + where + ": " + what));
                return Optional.empty();
            }
            CompilationUnit unit = result.getResult().get();
            // Node.toString() would install a printer lazily, a write to the unit's data map that
            // races when rules print nodes of the same file on different threads.
            unit.printer(new DefaultPrettyPrinter());
            return Optional.of(new SourceFile(path, unit));
        } catch (IOException | RuntimeException | StackOverflowError e) {
            skipped.accept(new Skipped(path, "not read: " + e));
            return Optional.empty();
        }
    }
}
