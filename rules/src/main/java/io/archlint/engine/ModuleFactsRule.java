package io.archlint.engine;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A rule that judges the whole module (its {@link Scope} is {@link Scope#MODULE}) from a few facts
 * it reads in each Java file: the controllers it declares, whether it configures a cache... An
 * incremental analysis reads the facts again only in the files a change reaches (as for
 * {@link Scope#FILE}) and keeps the other files' facts from the last analysis, so the module-wide
 * judgement needs no other file parsed.
 */
public interface ModuleFactsRule extends Rule {

    /**
     * The facts of the codebase's Java files, by file path; files with nothing to say may be left
     * out. A file's facts must depend only on that file and the files it refers to, as for
     * {@link Scope#FILE}: facts are kept per file between analyses.
     */
    Map<String, List<String>> facts(Codebase codebase);

    /**
     * Reports what the facts of every Java file of the module say, in path order. Reads the module's
     * configuration, dependencies and parameters, never its sources: in an incremental analysis
     * only some files are parsed.
     */
    void judge(Codebase codebase, SortedMap<String, List<String>> facts, FindingCollector findings);

    @Override
    default void check(Codebase codebase, FindingCollector findings) {
        judge(codebase, new TreeMap<>(facts(codebase)), findings);
    }
}
