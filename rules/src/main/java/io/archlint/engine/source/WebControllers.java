package io.archlint.engine.source;

import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.ArrayInitializerExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MemberValuePair;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.expr.NormalAnnotationExpr;
import com.github.javaparser.ast.expr.SingleMemberAnnotationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import io.archlint.engine.Stereotypes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Finds web entry points in sources: Spring MVC and WebFlux controllers, JAX-RS resources and
 * Micronaut controllers, including controller meta-annotations declared in the module.
 */
public final class WebControllers {

    private static final Set<String> HTTP_METHODS = Set.of("GET", "POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS");
    /** Annotations whose value is a path; Spring's {@code @RestController} value is a bean name instead. */
    private static final Set<String> PATH_ANNOTATIONS = Set.of(
            "org.springframework.web.bind.annotation.RequestMapping",
            "jakarta.ws.rs.Path", "javax.ws.rs.Path",
            "io.micronaut.http.annotation.Controller");

    private final SourceFacet sources;
    private final Set<String> controllerAnnotations;
    private final Set<String> handlerAnnotations;

    public WebControllers(SourceFacet sources, Stereotypes stereotypes) {
        this.sources = sources;
        this.handlerAnnotations = stereotypes.handlerAnnotations();
        Set<String> annotations = new LinkedHashSet<>(stereotypes.controllerAnnotations());
        // Meta-annotations: @ApiController annotated with @RestController is a controller annotation too.
        for (SourceFile file : sources.files()) {
            for (AnnotationDeclaration declaration : file.findAll(AnnotationDeclaration.class)) {
                if (file.isAnnotated(declaration, stereotypes.controllerAnnotations())) {
                    annotations.add(file.qualifiedName(declaration));
                }
            }
        }
        this.controllerAnnotations = Set.copyOf(annotations);
    }

    public boolean isController(SourceFile file, ClassOrInterfaceDeclaration type) {
        return !type.isInterface() && file.isAnnotated(type, controllerAnnotations);
    }

    /** Controllers in file order. */
    public List<Controller> controllers() {
        List<Controller> result = new ArrayList<>();
        for (SourceFile file : sources.files()) {
            for (ClassOrInterfaceDeclaration type : file.findAll(ClassOrInterfaceDeclaration.class)) {
                if (isController(file, type)) {
                    result.add(new Controller(file, type));
                }
            }
        }
        return result;
    }

    /** Request handlers of every controller, in file order. */
    public List<Endpoint> endpoints() {
        List<Endpoint> result = new ArrayList<>();
        for (Controller controller : controllers()) {
            result.addAll(controller.endpoints());
        }
        return result;
    }

    /** A controller class and its file. */
    public final class Controller {
        private final SourceFile file;
        private final ClassOrInterfaceDeclaration type;

        Controller(SourceFile file, ClassOrInterfaceDeclaration type) {
            this.file = file;
            this.type = type;
        }

        public SourceFile file() {
            return file;
        }

        public ClassOrInterfaceDeclaration type() {
            return type;
        }

        public String qualifiedName() {
            return file.qualifiedName(type);
        }

        public List<Endpoint> endpoints() {
            String classPath = type.getAnnotations().stream()
                    .filter(a -> file.refersToAny(a.getNameAsString(), PATH_ANNOTATIONS))
                    .map(WebControllers::path)
                    .filter(p -> !p.isEmpty())
                    .findFirst()
                    .orElse("");
            List<Endpoint> result = new ArrayList<>();
            for (MethodDeclaration method : type.getMethods()) {
                Optional<AnnotationExpr> mapping = file.annotation(method, handlerAnnotations);
                if (mapping.isEmpty()) {
                    continue;
                }
                AnnotationExpr annotation = mapping.get();
                String methodPath = path(annotation);
                if (methodPath.isEmpty()) {
                    methodPath = file.annotation(method, PATH_ANNOTATIONS).map(WebControllers::path).orElse("");
                }
                result.add(new Endpoint(file, type, method, httpMethods(annotation), join(classPath, methodPath)));
            }
            return result;
        }
    }

    private static Set<String> httpMethods(AnnotationExpr annotation) {
        String simple = annotation.getName().getIdentifier();
        String upper = simple.toUpperCase(Locale.ROOT);
        if (HTTP_METHODS.contains(upper)) {
            return Set.of(upper); // JAX-RS @POST, Micronaut @Post
        }
        if (simple.endsWith("Mapping") && !simple.equals("RequestMapping")) {
            return Set.of(simple.substring(0, simple.length() - "Mapping".length()).toUpperCase(Locale.ROOT));
        }
        Set<String> methods = new LinkedHashSet<>();
        attribute(annotation, "method").ifPresent(value -> {
            List<Expression> values = value instanceof ArrayInitializerExpr array ? array.getValues() : List.of(value);
            for (Expression expression : values) {
                String name = expression instanceof FieldAccessExpr field ? field.getNameAsString()
                        : expression instanceof NameExpr n ? n.getNameAsString() : expression.toString();
                methods.add(name.toUpperCase(Locale.ROOT));
            }
        });
        return Set.copyOf(methods);
    }

    /** The first path of a mapping annotation ({@code value}, {@code path}, {@code uri} or its single member). */
    static String path(AnnotationExpr annotation) {
        Optional<Expression> value = annotation instanceof SingleMemberAnnotationExpr single
                ? Optional.of(single.getMemberValue())
                : attribute(annotation, "value").or(() -> attribute(annotation, "path"))
                        .or(() -> attribute(annotation, "uri"));
        return value.map(v -> v instanceof ArrayInitializerExpr array && !array.getValues().isEmpty()
                        ? array.getValues().get(0) : v)
                .filter(StringLiteralExpr.class::isInstance)
                .map(v -> ((StringLiteralExpr) v).getValue())
                .orElse("");
    }

    private static Optional<Expression> attribute(AnnotationExpr annotation, String name) {
        if (annotation instanceof NormalAnnotationExpr normal) {
            for (MemberValuePair pair : normal.getPairs()) {
                if (pair.getNameAsString().equals(name)) {
                    return Optional.of(pair.getValue());
                }
            }
        }
        return Optional.empty();
    }

    private static String join(String classPath, String methodPath) {
        if (classPath.isEmpty()) {
            return methodPath;
        }
        if (methodPath.isEmpty()) {
            return classPath;
        }
        return classPath.replaceAll("/+$", "") + "/" + methodPath.replaceAll("^/+", "");
    }
}
