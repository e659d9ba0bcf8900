package io.archlint.engine;

import com.github.javaparser.Position;
import com.github.javaparser.ast.Node;
import io.archlint.engine.source.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Where a rule reports what it finds; one per rule run, so not shared between threads. */
public final class FindingCollector {

    /** A finding before severity, fingerprint and status are settled. */
    public record Reported(String file, int line, int column, String symbol, String message, String evidence) {}

    private final List<Reported> reported = new ArrayList<>();

    /**
     * Reports a finding at a place.
     *
     * @param evidence the offending code or value that the fingerprint hashes; never shown to
     *                 users, so it may hold a secret
     */
    public void report(String file, int line, int column, String symbol, String message, String evidence) {
        reported.add(new Reported(file, Math.max(0, line), Math.max(0, column), symbol == null ? "" : symbol,
                message, evidence == null ? "" : evidence));
    }

    /** Reports a finding at a source node, with the node's text as evidence. */
    public void report(SourceFile source, Node node, String symbol, String message) {
        Position begin = node.getBegin().orElse(new Position(0, 0));
        report(source.path(), begin.line, begin.column, symbol, message, node.toString());
    }

    public List<Reported> reported() {
        return List.copyOf(reported);
    }
}
