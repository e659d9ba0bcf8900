package io.archlint.engine;

import io.archlint.engine.cache.ResultCache.FileState;
import io.archlint.engine.cache.SourceIndex.Names;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which Java files a change reaches, for each {@link Scope}: the files whose findings may change
 * ({@link Reach#affected()}) and the files a rule must see to judge them again ({@link Reach#needed()}).
 *
 * <p>Built from the files' text only: a file refers to another when it holds a name the other
 * declares. Changed and removed files take part with their names before and after the change, so a
 * file that named a type the change renamed or removed is affected as well.
 */
final class ChangeReach {

    /** The files whose findings may change, and the files a rule must see to judge them again. */
    record Reach(Set<String> affected, Set<String> needed) {}

    private final Set<String> current;
    private final Set<String> changed = new TreeSet<>();
    /** File -> the files it refers to (with the old names of changed files). */
    private final Map<String, Set<String>> refers = new HashMap<>();
    /** File -> the files that refer to it. */
    private final Map<String, Set<String>> referrers = new HashMap<>();
    /** File -> the files declaring a subtype of a type it declares. */
    private final Map<String, Set<String>> subtypes = new HashMap<>();
    /** File -> the files declaring a supertype of a type it declares. */
    private final Map<String, Set<String>> supertypes = new HashMap<>();

    /**
     * @param digests  each current Java file's digest, by path
     * @param names    each current Java file's names, by path
     * @param previous each Java file of the last analysis
     */
    ChangeReach(Map<String, String> digests, Map<String, Names> names, Map<String, FileState> previous) {
        this.current = Set.copyOf(digests.keySet());
        digests.forEach((path, digest) -> {
            FileState before = previous.get(path);
            if (before == null || !before.digest().equals(digest)) {
                changed.add(path);
            }
        });
        previous.keySet().stream().filter(path -> !digests.containsKey(path)).forEach(changed::add);

        Map<String, Set<String>> declaredBy = new HashMap<>();
        Map<String, Set<String>> supertypeNames = new HashMap<>();
        for (String path : nodes()) {
            Names now = names.get(path);
            FileState before = changed.contains(path) ? previous.get(path) : null;
            Set<String> declared = new HashSet<>();
            Set<String> supers = new HashSet<>();
            if (now != null) {
                declared.addAll(now.declared());
                supers.addAll(now.supertypes());
            }
            if (before != null) {
                declared.addAll(before.declared());
                supers.addAll(before.supertypes());
            }
            declared.forEach(name -> declaredBy.computeIfAbsent(name, k -> new HashSet<>()).add(path));
            supertypeNames.put(path, supers);
        }
        for (String path : nodes()) {
            Names now = names.get(path);
            FileState before = changed.contains(path) ? previous.get(path) : null;
            Set<String> targets = new HashSet<>();
            if (now != null) {
                addDeclaring(now.mentioned(), declaredBy, targets);
            }
            if (before != null) {
                addDeclaring(before.referenced(), declaredBy, targets);
            }
            refers.put(path, targets);
            targets.forEach(target -> referrers.computeIfAbsent(target, k -> new HashSet<>()).add(path));
            for (String supertype : supertypeNames.get(path)) {
                for (String declaring : declaredBy.getOrDefault(supertype, Set.of())) {
                    subtypes.computeIfAbsent(declaring, k -> new HashSet<>()).add(path);
                    supertypes.computeIfAbsent(path, k -> new HashSet<>()).add(declaring);
                }
            }
        }
    }

    private Set<String> nodes() {
        Set<String> nodes = new TreeSet<>(current);
        nodes.addAll(changed);
        return nodes;
    }

    private static void addDeclaring(Collection<String> mentioned, Map<String, Set<String>> declaredBy,
            Set<String> targets) {
        for (String name : mentioned) {
            Set<String> declaring = declaredBy.get(name);
            if (declaring != null) {
                targets.addAll(declaring);
            }
        }
    }

    /** The files added, changed or removed since the last analysis. */
    Set<String> changed() {
        return changed;
    }

    /** The names each file refers to among those declared in the module: what the next analysis needs. */
    static Set<String> referenced(Names names, Set<String> declaredInModule) {
        Set<String> referenced = new HashSet<>(names.mentioned());
        referenced.retainAll(declaredInModule);
        return referenced;
    }

    Reach reach(Scope scope) {
        return switch (scope) {
            case FILE -> closure(false);
            case FILE_AND_SUBTYPES -> closure(true);
            case FILE_AND_USERS -> withUsers();
            case MODULE -> new Reach(current, current);
        };
    }

    /** Affected: every file that reaches a changed one; needed: everything the affected files reach. */
    private Reach closure(boolean withSubtypes) {
        Set<String> affected = walk(changed, path -> {
            Set<String> back = new HashSet<>(referrers.getOrDefault(path, Set.of()));
            if (withSubtypes) {
                // F -> G when G is a subtype of F's type: walking back goes from G to F, the supertype's file.
                back.addAll(supertypes.getOrDefault(path, Set.of()));
            }
            return back;
        });
        Set<String> needed = walk(affected, path -> {
            Set<String> next = new HashSet<>(refers.getOrDefault(path, Set.of()));
            if (withSubtypes) {
                next.addAll(subtypes.getOrDefault(path, Set.of()));
            }
            return next;
        });
        return new Reach(currentOnly(affected), currentOnly(needed));
    }

    /** As {@link #closure} over references, plus the files a changed file refers to, and the users of each affected file. */
    private Reach withUsers() {
        Set<String> affected = walk(changed, path -> referrers.getOrDefault(path, Set.of()));
        for (String path : changed) {
            affected.addAll(refers.getOrDefault(path, Set.of()));
        }
        Set<String> needed = walk(affected, path -> refers.getOrDefault(path, Set.of()));
        for (String path : affected) {
            needed.addAll(referrers.getOrDefault(path, Set.of()));
        }
        return new Reach(currentOnly(affected), currentOnly(needed));
    }

    private Set<String> currentOnly(Set<String> paths) {
        Set<String> result = new TreeSet<>(paths);
        result.retainAll(current);
        return result;
    }

    private static Set<String> walk(Set<String> start, java.util.function.Function<String, Set<String>> next) {
        Set<String> seen = new HashSet<>(start);
        Deque<String> queue = new ArrayDeque<>(start);
        while (!queue.isEmpty()) {
            for (String following : next.apply(queue.poll())) {
                if (seen.add(following)) {
                    queue.add(following);
                }
            }
        }
        return seen;
    }
}
