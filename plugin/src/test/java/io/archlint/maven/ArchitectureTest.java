package io.archlint.maven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The plugin and the engine together (this test's class path holds both): modules are analysed in
 * parallel under {@code mvn -T}, so nothing may be shared through static state.
 */
class ArchitectureTest {

    private static final JavaClasses ARCHLINT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.archlint");

    /** JDK types whose instances change after construction. */
    private static final Set<String> MUTABLE = Set.of(
            "java.util.HashMap", "java.util.LinkedHashMap", "java.util.TreeMap", "java.util.WeakHashMap",
            "java.util.IdentityHashMap", "java.util.EnumMap", "java.util.HashSet", "java.util.LinkedHashSet",
            "java.util.TreeSet", "java.util.ArrayList", "java.util.LinkedList", "java.util.ArrayDeque",
            "java.util.PriorityQueue", "java.util.Vector", "java.util.Stack", "java.util.Hashtable",
            "java.util.concurrent.ConcurrentHashMap", "java.util.concurrent.ConcurrentLinkedQueue",
            "java.util.concurrent.CopyOnWriteArrayList", "java.util.concurrent.CopyOnWriteArraySet",
            "java.util.concurrent.atomic.AtomicInteger", "java.util.concurrent.atomic.AtomicLong",
            "java.util.concurrent.atomic.AtomicBoolean", "java.util.concurrent.atomic.AtomicReference",
            "java.lang.StringBuilder", "java.lang.ThreadLocal");

    @Test
    void staticFieldsAreFinal() {
        fields().that().areStatic().and().areDeclaredInClassesThat().areNotEnums()
                .and(DescribedPredicate.describe("not compiler-generated", (JavaField f) -> !f.getName().startsWith("$")))
                .should().beFinal()
                .because("a static field that can be reassigned is state shared between parallel module builds")
                .check(ARCHLINT);
    }

    @Test
    void staticFieldsHoldNoMutableObjects() {
        fields().that().areStatic()
                .should(new ArchCondition<JavaField>("not hold a mutable collection, atomic or builder") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        boolean mutableType = MUTABLE.contains(field.getRawType().getName());
                        boolean mutableValue = field.getAccessesToSelf().stream()
                                .filter(a -> a.getAccessType() == com.tngtech.archunit.core.domain.JavaFieldAccess.AccessType.SET)
                                .anyMatch(a -> storesNewMutable(a.getOrigin(), a.getLineNumber(), field));
                        if (mutableType || mutableValue) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                    + " holds a mutable object shared by every module built in the JVM"));
                        }
                    }
                })
                .check(ARCHLINT);
    }

    @Test
    void noClassKeepsAThreadLocal() {
        noClasses().should().dependOnClassesThat().areAssignableTo(ThreadLocal.class)
                .because("builds reuse threads across modules")
                .check(ARCHLINT);
    }

    /**
     * Whether the statement that sets the field (its line) builds one of the mutable types and does not
     * wrap it in an unmodifiable view or copy before storing it.
     */
    private static boolean storesNewMutable(com.tngtech.archunit.core.domain.JavaCodeUnit origin, int line,
            JavaField field) {
        boolean buildsMutable = origin.getConstructorCallsFromSelf().stream()
                .filter(c -> c.getLineNumber() == line)
                .map(c -> c.getTargetOwner().getName())
                .anyMatch(MUTABLE::contains);
        boolean freezes = origin.getMethodCallsFromSelf().stream()
                .filter(c -> c.getLineNumber() == line)
                .anyMatch(c -> c.getName().startsWith("unmodifiable") || c.getName().equals("copyOf")
                        || c.getName().equals("of") || c.getName().equals("ofEntries")
                        || c.getName().equals("toUnmodifiableList") || c.getName().equals("toUnmodifiableMap")
                        || c.getName().equals("toUnmodifiableSet"));
        return buildsMutable && !freezes && !isEnumValuesArray(field);
    }

    private static boolean isEnumValuesArray(JavaField field) {
        JavaClass owner = field.getOwner();
        return owner.isEnum() && field.getModifiers().contains(JavaModifier.SYNTHETIC);
    }
}
