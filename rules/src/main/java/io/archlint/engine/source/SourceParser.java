package io.archlint.engine.source;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ParserConfiguration.LanguageLevel;
import com.github.javaparser.Processor;
import com.github.javaparser.Problem;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.expr.SwitchExpr;
import com.github.javaparser.ast.validator.postprocessors.Java10PostProcessor;
import com.github.javaparser.printer.DefaultPrettyPrinter;
import io.archlint.engine.Skipped;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Consumer;
import java.util.function.Function;

/** Parses a module's main source roots in parallel on a bounded pool. */
public final class SourceParser {

    /** Larger sources are generated code in practice; parsing 10 MB takes seconds and gigabytes. */
    static final long MAX_SOURCE_BYTES = 2L * 1024 * 1024;
    private static final int MAX_REASON_CHARS = 200;
    private static final LanguageLevel NEWEST = languageLevel(Integer.MAX_VALUE);

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
        return parse(roots, path -> true);
    }

    /**
     * Parses the {@code .java} files under the roots whose path relative to the module (as
     * {@link SourceFile#path()} gives it) the filter accepts: an incremental analysis parses only
     * the files a change reaches.
     */
    public SourceFacet parse(List<Path> roots, java.util.function.Predicate<String> paths) {
        List<Path> files = javaFiles(roots).stream().filter(f -> paths.test(relativizer.apply(f))).toList();
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

    /**
     * The {@code .java} files under the roots, in the order they are parsed; a file reached twice (a
     * symbolic link into the same tree, roots nested in each other) is listed once.
     */
    public List<Path> javaFiles(List<Path> roots) {
        return JavaFiles.list(roots, new ArrayList<>(), relativizer, skipped);
    }

    private Optional<SourceFile> parseOne(Path file) {
        String path = relativizer.apply(file);
        try {
            long size = Files.size(file);
            if (size > MAX_SOURCE_BYTES) {
                skipped.accept(new Skipped(path, String.format(Locale.ROOT,
                        "%.1f MB, over the %d MB analysed per source file (most likely generated code); not analysed",
                        size / (1024.0 * 1024.0), MAX_SOURCE_BYTES / (1024 * 1024))));
                return Optional.empty();
            }
            return parse(path, Files.readAllBytes(file));
        } catch (IOException | RuntimeException e) {
            skipped.accept(new Skipped(path, "not read: " + describe(e)));
            return Optional.empty();
        }
    }

    /**
     * Parses one file's content; what cannot be parsed is reported to the skipped consumer, and
     * nothing is thrown.
     */
    Optional<SourceFile> parse(String path, byte[] bytes) {
        try {
            String text = decode(bytes);
            ParseResult<CompilationUnit> result = parse(text, false);
            if (!result.isSuccessful() || newerThanGrammar(result)) {
                // Newer syntax than the declared release (a toolchain, a profile, --enable-preview):
                // the newest level decides, with its checks; a file broken at every level keeps the
                // first report.
                ParseResult<CompilationUnit> newest = parse(text, NEWEST, false);
                if (newest.isSuccessful()) {
                    result = newest;
                }
            }
            if (!result.isSuccessful() && text.contains("\\u")) {
                // Unicode escapes outside literals (an escaped letter in a keyword) need the escape
                // pass; only then, so that other files keep their literal text and their fingerprints.
                ParseResult<CompilationUnit> unescaped = parse(text, true);
                if (unescaped.isSuccessful()) {
                    result = unescaped;
                }
            }
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                skipped.accept(new Skipped(path, parseProblem(result)));
                return Optional.empty();
            }
            CompilationUnit unit = result.getResult().get();
            // Node.toString() would install a printer lazily, a write to the unit's data map that
            // races when rules print nodes of the same file on different threads.
            unit.printer(new DefaultPrettyPrinter());
            return Optional.of(new SourceFile(path, unit));
        } catch (IOException | RuntimeException e) {
            skipped.accept(new Skipped(path, "not read: " + describe(e)));
            return Optional.empty();
        } catch (StackOverflowError e) {
            skipped.accept(new Skipped(path, "nested too deeply to parse; not analysed"));
            return Optional.empty();
        }
    }

    /**
     * The usual parse: the grammar of the release's language level without the level's checks.
     * The sources compiled, so the checks (dozens of walks of every tree, about a quarter of the
     * parse time) could only refuse code {@code javac} accepted. What the level changes in the
     * tree is kept: {@code yield} statements are read as such, and from Java 10 on {@code var} is
     * a {@link com.github.javaparser.ast.type.VarType}.
     */
    private ParseResult<CompilationUnit> parse(String text, boolean unicodeEscapes) {
        UncheckedConfiguration configuration = new UncheckedConfiguration();
        configuration.setLanguageLevel(languageLevel)
                .setCharacterEncoding(encoding)
                .setPreprocessUnicodeEscapes(unicodeEscapes);
        // A file without the letters has no `var` to turn into a type, and is not walked for one.
        boolean varTypes = languageLevel.ordinal() >= LanguageLevel.JAVA_10.ordinal() && text.contains("var");
        // First of the processors, so that the level's own processor, which runs the checks, finds no level.
        configuration.getProcessors().add(0, () -> new Processor() {
            @Override
            public void postProcess(ParseResult<? extends Node> result, ParserConfiguration config) {
                configuration.parsed = true;
                if (varTypes) {
                    new Java10PostProcessor().postProcess(result, config);
                }
            }
        });
        return new JavaParser(configuration).parse(text);
    }

    /**
     * Whether a file parsed at a level without {@code yield} statements has switch expressions,
     * whose {@code yield}s that level reads as something else: the declared release is older
     * than the code.
     */
    private boolean newerThanGrammar(ParseResult<CompilationUnit> result) {
        return !languageLevel.isYieldSupported()
                && result.getResult().flatMap(unit -> unit.findFirst(SwitchExpr.class)).isPresent();
    }

    /**
     * A configuration that gives the grammar its language level while the text is parsed and no
     * level afterwards; one per parse.
     */
    private static final class UncheckedConfiguration extends ParserConfiguration {
        private boolean parsed;

        @Override
        public LanguageLevel getLanguageLevel() {
            return parsed ? null : super.getLanguageLevel();
        }
    }

    /** A parse at a language level, with its checks. */
    private ParseResult<CompilationUnit> parse(String text, LanguageLevel level, boolean unicodeEscapes) {
        return new JavaParser(configuration(level, unicodeEscapes)).parse(text);
    }

    private ParserConfiguration configuration(LanguageLevel level, boolean unicodeEscapes) {
        return new ParserConfiguration()
                .setLanguageLevel(level)
                .setCharacterEncoding(encoding)
                .setPreprocessUnicodeEscapes(unicodeEscapes);
    }

    /**
     * The text in the build's encoding; bytes that are not valid in it become U+FFFD instead of
     * losing the file (javac would have refused it, so only comments and literals are affected).
     */
    private String decode(byte[] bytes) throws IOException {
        try {
            return encoding.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not " + encoding.name() + " text", e);
        }
    }

    private static String parseProblem(ParseResult<CompilationUnit> result) {
        Problem problem = result.getProblems().isEmpty() ? null : result.getProblems().get(0);
        if (problem == null) {
            return "does not parse: unknown problem";
        }
        String where = problem.getLocation()
                .flatMap(l -> l.getBegin().getRange())
                .map(r -> " at line " + r.begin.line)
                .orElse("");
        // JavaParser lists every token it expected; the token it found says enough.
        String what = problem.getMessage().lines().findFirst().orElse("").strip()
                .replaceFirst(", expected one of .*", "");
        if (what.length() > MAX_REASON_CHARS) {
            what = what.substring(0, MAX_REASON_CHARS) + "...";
        }
        return "does not parse" + where + ": " + what;
    }

    /** An exception as a short reason, without the machine's absolute paths that some messages carry. */
    public static String describe(Throwable e) {
        String kind = e.getClass().getSimpleName();
        String message = e.getMessage();
        if (e instanceof java.nio.file.FileSystemException || message == null || message.isBlank()) {
            return switch (kind) {
                case "AccessDeniedException" -> "permission denied";
                case "NoSuchFileException" -> "no such file";
                case "FileSystemLoopException" -> "symbolic link loop";
                default -> kind;
            };
        }
        String first = message.lines().findFirst().orElse(message).strip();
        return kind + ": " + (first.length() > MAX_REASON_CHARS ? first.substring(0, MAX_REASON_CHARS) + "..." : first);
    }
}
