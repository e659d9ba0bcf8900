package io.archlint.maven;

import io.archlint.engine.Stereotypes;
import java.util.ArrayList;
import java.util.List;

/** The user's additions to the stereotype tables, by fully qualified name or word. */
public class StereotypesConfiguration {

    private List<String> controllerAnnotations = new ArrayList<>();
    private List<String> handlerAnnotations = new ArrayList<>();
    private List<String> dataAccessTypes = new ArrayList<>();
    private List<String> dataAccessAnnotations = new ArrayList<>();
    private List<String> listenerAnnotations = new ArrayList<>();
    private List<String> idempotencyHeaders = new ArrayList<>();
    private List<String> idempotencyAnnotations = new ArrayList<>();
    private List<String> moneyWords = new ArrayList<>();

    /** The defaults plus these additions. */
    Stereotypes applyTo(Stereotypes defaults) {
        return defaults.plus(new Stereotypes(set(controllerAnnotations), set(handlerAnnotations), set(dataAccessTypes),
                java.util.Set.of(), set(dataAccessAnnotations), set(listenerAnnotations), set(idempotencyHeaders),
                set(idempotencyAnnotations), set(moneyWords)));
    }

    private static java.util.Set<String> set(List<String> values) {
        return values == null ? java.util.Set.of()
                : values.stream().map(String::strip).filter(v -> !v.isEmpty())
                        .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
