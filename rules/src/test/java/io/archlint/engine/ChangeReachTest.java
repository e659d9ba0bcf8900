package io.archlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.archlint.engine.cache.ResultCache.FileState;
import io.archlint.engine.cache.SourceIndex;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangeReachTest {

    private static final Map<String, String> SERVICE = Map.of(
            "Controller.java", "class Controller { Service service; Response r; }",
            "Service.java", "class Service { Repository repository; Notifier notifier; }",
            "Repository.java", "class Repository { Entity find() { return null; } }",
            "Entity.java", "class Entity {}",
            "Response.java", "record Response(String id) {}",
            "Notifier.java", "interface Notifier { void send(); }",
            "MailNotifier.java", "class MailNotifier implements Notifier { public void send() {} }",
            "Registry.java", "class Registry { static java.util.Map<String, String> SEEN; }",
            "Cleaner.java", "class Cleaner { void run() { Registry.SEEN.clear(); } }",
            "Unrelated.java", "class Unrelated {}");

    @Test
    void aChangeReachesItsReferrersAndTheRuleSeesWhatTheyReferTo() {
        ChangeReach.Reach reach = reach(SERVICE, Map.of("Repository.java", "class Repository { }")).reach(Scope.FILE);

        assertThat(reach.affected()).containsExactlyInAnyOrder("Repository.java", "Service.java", "Controller.java");
        assertThat(reach.needed()).containsExactlyInAnyOrder("Repository.java", "Service.java", "Controller.java",
                "Entity.java", "Response.java", "Notifier.java");
    }

    @Test
    void aChangedImplementationReachesTheCallersOfItsInterfaceOnlyForSubtypeScopedRules() {
        ChangeReach change = reach(SERVICE, Map.of("MailNotifier.java",
                "class MailNotifier implements Notifier { public void send() { System.out.println(); } }"));

        assertThat(change.reach(Scope.FILE).affected()).containsExactly("MailNotifier.java");
        assertThat(change.reach(Scope.FILE_AND_SUBTYPES).affected())
                .containsExactlyInAnyOrder("MailNotifier.java", "Notifier.java", "Service.java", "Controller.java");
        assertThat(change.reach(Scope.FILE_AND_SUBTYPES).needed()).contains("MailNotifier.java", "Entity.java");
    }

    @Test
    void aChangedUserOfStaticMembersReachesTheirOwnerForUserScopedRules() {
        ChangeReach change = reach(SERVICE, Map.of("Cleaner.java", "class Cleaner { void run() { } }"));

        assertThat(change.reach(Scope.FILE).affected()).containsExactly("Cleaner.java");
        assertThat(change.reach(Scope.FILE_AND_USERS).affected()).containsExactlyInAnyOrder("Cleaner.java",
                "Registry.java");
        assertThat(change.reach(Scope.FILE_AND_USERS).needed()).containsExactlyInAnyOrder("Cleaner.java",
                "Registry.java");
    }

    @Test
    void aNestedTypeIsReachedOnlyThroughItsOuterType() {
        Map<String, String> files = new HashMap<>(SERVICE);
        files.put("OrderQueries.java", "class OrderQueries { record Row(long id) {} }");
        files.put("InvoiceQueries.java", "class InvoiceQueries { record Row(long id) {} }");
        files.put("OrderReport.java", "class OrderReport { OrderQueries.Row row; }");

        ChangeReach change = reach(files, Map.of("InvoiceQueries.java", "class InvoiceQueries { record Row(int id) {} }"));

        assertThat(change.reach(Scope.FILE).affected()).containsExactly("InvoiceQueries.java");
    }

    @Test
    void removingOrRenamingATypeReachesTheFilesThatNamedIt() {
        Map<String, String> renamed = new HashMap<>(SERVICE);
        renamed.remove("Entity.java");
        renamed.put("Entity2.java", "class Entity2 {}");

        ChangeReach change = reach(SERVICE, renamed);

        assertThat(change.changed()).containsExactlyInAnyOrder("Entity.java", "Entity2.java");
        assertThat(change.reach(Scope.FILE).affected())
                .containsExactlyInAnyOrder("Entity2.java", "Repository.java", "Service.java", "Controller.java");
        assertThat(change.reach(Scope.FILE).needed()).doesNotContain("Entity.java");
    }

    @Test
    void theWholeModuleScopeReachesEveryFile() {
        ChangeReach.Reach reach = reach(SERVICE, Map.of("Entity.java", "class Entity { int id; }")).reach(Scope.MODULE);

        assertThat(reach.affected()).hasSize(SERVICE.size());
        assertThat(reach.needed()).hasSize(SERVICE.size());
    }

    /** The reach of going from {@code before} to {@code before} with {@code changes} applied (or to {@code changes} when it holds every file). */
    private static ChangeReach reach(Map<String, String> before, Map<String, String> changes) {
        Map<String, String> after = new LinkedHashMap<>(changes.size() >= before.size() - 1 ? Map.of() : before);
        after.putAll(changes);
        Set<String> declared = new HashSet<>();
        before.values().forEach(text -> declared.addAll(SourceIndex.names(text).declared()));
        Map<String, FileState> previous = new HashMap<>();
        before.forEach((path, text) -> previous.put(path, ChangeReach.state(text, SourceIndex.names(text), declared)));
        Map<String, String> digests = new HashMap<>();
        Map<String, SourceIndex.Names> names = new HashMap<>();
        after.forEach((path, text) -> {
            digests.put(path, text);
            names.put(path, SourceIndex.names(text));
        });
        return new ChangeReach(digests, names, previous);
    }
}
