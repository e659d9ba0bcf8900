package io.archlint.engine.migrations;

import io.archlint.engine.migrations.DdlRecognizer.Action;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.statement.Statement;

/**
 * Reads the DDL of one SQL statement: JSqlParser first, the token recogniser for what JSqlParser
 * does not parse or models loosely. Statements of other kinds (DML, functions, extensions, grants)
 * are passed over.
 */
final class SqlDdl implements AutoCloseable {

    /** What became of a statement. */
    enum Outcome { NOT_DDL, UNDERSTOOD, NOT_UNDERSTOOD }

    /** Flyway and Liquibase placeholders: {@code ${schema}.orders}. */
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}\\n]*}");
    private static final long TIMEOUT_MILLIS = 3000;

    private ExecutorService executor;

    /** Applies the statement's changes to the recorder (positioned by the caller). */
    Outcome apply(String statement, ChangeRecorder recorder) {
        String sql = PLACEHOLDER.matcher(statement).replaceAll("placeholder");
        List<SqlTokens.Token> tokens = SqlTokens.of(sql);
        if (!DdlRecognizer.isRelevant(tokens)) {
            return Outcome.NOT_DDL;
        }
        Optional<List<Action>> actions = guarded(() -> jsqlParser(sql).flatMap(JsqlDdl::read));
        if (actions.isEmpty()) {
            actions = guarded(() -> DdlRecognizer.recognize(tokens));
        }
        if (actions.isEmpty()) {
            return Outcome.NOT_UNDERSTOOD;
        }
        actions.get().forEach(a -> a.accept(recorder));
        return Outcome.UNDERSTOOD;
    }

    /**
     * A reading that fails on an odd statement (a parser's incomplete tree, found by fuzzing) is a
     * statement not understood, never the end of the whole migrations read.
     */
    private static Optional<List<Action>> guarded(java.util.function.Supplier<Optional<List<Action>>> reading) {
        try {
            return reading.get();
        } catch (RuntimeException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    private Optional<Statement> jsqlParser(String sql) {
        if (executor == null) {
            executor = Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "archlint-sql-parser");
                thread.setDaemon(true);
                return thread;
            });
        }
        try {
            return Optional.ofNullable(CCJSqlParserUtil.parse(sql, executor,
                    parser -> parser.withTimeOut(TIMEOUT_MILLIS).withAllowComplexParsing(false)));
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            if (e.getCause() instanceof java.util.concurrent.TimeoutException) {
                // The parser thread may still be busy: start afresh for the next statement.
                executor.shutdownNow();
                executor = null;
            }
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }
}
