package io.archlint.engine;

import io.archlint.engine.cache.ResultCache.FileState;
import io.archlint.engine.cache.SourceIndex.Names;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
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
    /** File -> the files that write one of its type names before a dot, as uses of its static members do. */
    private final Map<String, Set<String>> qualifiedUsers = new HashMap<>();
    /** File -> the files it writes a type name of before a dot (with the old names of changed files). */
    private final Map<String, Set<String>> qualifiedUses = new HashMap<>();
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

        // Name -> the files declaring it, each with the top-level type a nested one must be named with.
        Map<String, List<Declaration>> declaredBy = new HashMap<>();
        Map<String, Set<String>> supertypeNames = new HashMap<>();
        for (String path : nodes()) {
            Names now = names.get(path);
            FileState before = changed.contains(path) ? previous.get(path) : null;
            Set<String> supers = new HashSet<>();
            if (now != null) {
                now.declared().forEach(name -> declaredBy.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new Declaration(path, now.nestedIn().get(name))));
                supers.addAll(now.supertypes());
            }
            if (before != null) {
                // Names the file declared before the change: whoever named them is affected.
                before.declared().forEach(name -> declaredBy.computeIfAbsent(name, k -> new ArrayList<>())
                        .add(new Declaration(path, before.nestedIn().get(name))));
                supers.addAll(before.supertypes());
            }
            supertypeNames.put(path, supers);
        }
        for (String path : nodes()) {
            Names now = names.get(path);
            FileState before = changed.contains(path) ? previous.get(path) : null;
            Set<String> targets = new HashSet<>();
            if (now != null) {
                addDeclaring(path, now.mentioned(), now.mentioned(), declaredBy, targets);
            }
            if (before != null) {
                // The names it referred to include the top-level names it wrote, so nested ones are judged alike.
                addDeclaring(path, before.referenced(), before.referenced(), declaredBy, targets);
            }
            refers.put(path, targets);
            Set<String> qualified = new HashSet<>();
            if (now != null) {
                addDeclaring(path, now.qualifiers(), now.mentioned(), declaredBy, qualified);
            }
            if (before != null) {
                addDeclaring(path, before.qualified(), before.referenced(), declaredBy, qualified);
            }
            qualifiedUses.put(path, qualified);
            qualified.forEach(target -> qualifiedUsers.computeIfAbsent(target, k -> new HashSet<>()).add(path));
            targets.forEach(target -> referrers.computeIfAbsent(target, k -> new HashSet<>()).add(path));
            for (String supertype : supertypeNames.get(path)) {
                // By name alone: a subtype may name a nested supertype it inherits without its outer type.
                for (Declaration declaring : declaredBy.getOrDefault(supertype, List.of())) {
                    subtypes.computeIfAbsent(declaring.path(), k -> new HashSet<>()).add(path);
                    supertypes.computeIfAbsent(path, k -> new HashSet<>()).add(declaring.path());
                }
            }
        }
    }

    private Set<String> nodes() {
        Set<String> nodes = new TreeSet<>(current);
        nodes.addAll(changed);
        return nodes;
    }

    /** A type name declared in a file; {@code outer} is set for a nested type, named through its top-level type. */
    private record Declaration(String path, String outer) {}

    /**
     * Adds the files declaring a name the file mentions. A nested type counts only when the file
     * also names its top-level type (or is its file): other files reach it through that type, or
     * through a subtype they name, whose file names it in turn.
     */
    private static void addDeclaring(String path, Collection<String> mentioned, Set<String> allMentioned,
            Map<String, List<Declaration>> declaredBy, Set<String> targets) {
        for (String name : mentioned) {
            List<Declaration> declaring = declaredBy.get(name);
            if (declaring == null) {
                continue;
            }
            for (Declaration declaration : declaring) {
                if (declaration.outer() == null || declaration.path().equals(path)
                        || allMentioned.contains(declaration.outer())) {
                    targets.add(declaration.path());
                }
            }
        }
    }

    /** The files added, changed or removed since the last analysis. */
    Set<String> changed() {
        return changed;
    }

    /** What the next analysis needs to know of a file: its names among those declared in the module. */
    static FileState state(String digest, Names names, Set<String> declaredInModule) {
        Set<String> referenced = new HashSet<>(names.mentioned());
        referenced.retainAll(declaredInModule);
        Set<String> qualified = new HashSet<>(names.qualifiers());
        qualified.retainAll(declaredInModule);
        return new FileState(digest, names.declared(), names.nestedIn(), names.supertypes(), referenced, qualified);
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

    /**
     * As {@link #closure} over references, plus the users of a file's static members: the files
     * whose static members a changed file uses are affected, and the files using an affected file's
     * static members are needed.
     */
    private Reach withUsers() {
        Set<String> affected = walk(changed, path -> referrers.getOrDefault(path, Set.of()));
        for (String path : changed) {
            affected.addAll(qualifiedUses.getOrDefault(path, Set.of()));
        }
        Set<String> needed = walk(affected, path -> refers.getOrDefault(path, Set.of()));
        for (String path : affected) {
            needed.addAll(qualifiedUsers.getOrDefault(path, Set.of()));
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
