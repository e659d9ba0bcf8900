package io.archlint.rules.security;

import com.github.javaparser.ast.body.AnnotationDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.Parameter;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.type.ArrayType;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import com.github.javaparser.ast.type.Type;
import io.archlint.engine.Category;
import io.archlint.engine.Codebase;
import io.archlint.engine.Facet;
import io.archlint.engine.FindingCollector;
import io.archlint.engine.Rule;
import io.archlint.engine.RuleInfo;
import io.archlint.engine.Scope;
import io.archlint.engine.Severity;
import io.archlint.engine.source.Endpoint;
import io.archlint.engine.source.SourceFacet;
import io.archlint.engine.source.SourceFile;
import io.archlint.engine.source.WebControllers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** See {@code missing-input-validation.md}. */
@RuleInfo(
        id = "missing-input-validation",
        title = "Request body is bound without Bean Validation",
        category = Category.SECURITY,
        severity = Severity.WARNING,
        facets = Facet.SOURCES,
        scope = Scope.FILE,
        since = "0.1.0",
        reason = "A request body that is bound but never validated lets malformed, oversized or malicious input "
                + "into the service; the backend articles list input validation among the security foundations, "
                + "the first line of defence against injection")
public final class MissingInputValidationRule implements Rule {

    /** Spring's request body annotation. */
    private static final List<String> SPRING_BODY = List.of("org.springframework.web.bind.annotation.RequestBody");
    /** Micronaut's request body annotation. */
    private static final List<String> MICRONAUT_BODY = List.of("io.micronaut.http.annotation.Body");
    /** JAX-RS methods whose one unannotated parameter is the request entity. */
    private static final List<String> JAX_RS_ENTITY_METHODS = List.of(
            "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.PATCH",
            "javax.ws.rs.POST", "javax.ws.rs.PUT", "javax.ws.rs.PATCH");
    /** Spring's class-level method validation; it validates constrained parameters but does not cascade. */
    private static final List<String> SPRING_VALIDATED = List.of("org.springframework.validation.annotation.Validated");
    /** Bean Validation's meta-annotation of constraint annotations. */
    private static final List<String> CONSTRAINT = List.of("jakarta.validation.Constraint", "javax.validation.Constraint");
    /** The standard and Hibernate Validator constraints and {@code @Valid}, by simple name. */
    private static final Set<String> CONSTRAINT_NAMES = Set.of("NotNull", "NotBlank", "NotEmpty", "Null", "Size",
            "Min", "Max", "DecimalMin", "DecimalMax", "Digits", "Positive", "PositiveOrZero", "Negative",
            "NegativeOrZero", "Past", "PastOrPresent", "Future", "FutureOrPresent", "Email", "Pattern", "AssertTrue",
            "AssertFalse", "Length", "Range", "URL", "UUID", "CreditCardNumber", "ISBN", "CodePointLength", "Valid");

    /**
     * Annotations that bind a JAX-RS or RESTEasy parameter from something other than the entity, by
     * simple name: a parameter with one of them is never the request body.
     */
    private static final Set<String> JAX_RS_NON_ENTITY = Set.of("PathParam", "QueryParam", "HeaderParam", "CookieParam",
            "FormParam", "MatrixParam", "BeanParam", "Context", "Suspended", "RestPath", "RestQuery", "RestHeader",
            "RestForm", "RestCookie", "RestMatrix", "MultipartForm", "Form", "PartType");

    /**
     * Body types that cannot carry bean constraints, by simple name: raw text and bytes, streams,
     * maps and JSON trees, multipart parts, Spring resources.
     */
    private static final Set<String> UNCONSTRAINABLE = Set.of("String", "CharSequence", "Object", "byte", "char",
            "short", "int", "long", "float", "double", "boolean", "Byte", "Character", "Short", "Integer", "Long",
            "Float", "Double", "Boolean", "BigDecimal", "BigInteger", "Number", "UUID",
            "InputStream", "Reader", "File", "Path", "Resource", "ByteBuffer", "DataBuffer", "Part", "FilePart",
            "MultipartFile", "CompletedFileUpload", "StreamingFileUpload", "FileUpload", "EntityPart",
            "JsonNode", "ObjectNode", "ArrayNode", "TextNode", "JsonObject", "JsonArray", "JsonValue", "JsonStructure",
            "JsonElement", "JSONObject", "JSONArray", "Document", "Source", "HttpEntity", "HttpRequest",
            "MultiValueMap", "Properties");
    /** Reactive and container wrappers whose element type is the body. */
    private static final Set<String> WRAPPERS = Set.of("Mono", "Flux", "Publisher", "Single", "Maybe", "Flowable",
            "Observable", "Uni", "Multi", "Optional", "CompletionStage", "CompletableFuture", "List", "Set",
            "Collection", "Iterable", "SortedSet", "Queue", "Deque");

    /** Bodies that bind many items rather than one object. */
    private static final Set<String> COLLECTIONS = Set.of("List", "Set", "Collection", "Iterable", "SortedSet",
            "Queue", "Deque", "Flux", "Multi");

    @Override
    public void check(Codebase codebase, FindingCollector findings) {
        SourceFacet sources = codebase.sources();
        Set<String> validationMetaAnnotations = validationMetaAnnotations(sources);
        for (Endpoint endpoint : new WebControllers(sources, codebase.stereotypes()).endpoints()) {
            SourceFile file = endpoint.file();
            bodyParameter(endpoint).ifPresent(body -> {
                if (isValidated(file, body.parameter, validationMetaAnnotations) || isPartialUpdate(endpoint, body)) {
                    return;
                }
                Optional<String> bodyType = beanType(body.parameter.getType());
                if (bodyType.isEmpty()) {
                    return;
                }
                findings.report(file, body.parameter, endpoint.symbol(),
                        message(sources, endpoint, body, bodyType.get()));
            });
        }
    }

    /**
     * A PATCH handler that binds one object: the body holds only the fields that change, so
     * {@code @Valid} on the whole type would refuse it for lacking the required ones; the merged
     * result is what gets validated (JHipster's generated {@code partialUpdate..} handlers). A
     * PATCH that binds a list of new items is not a partial object and is still judged.
     */
    private static boolean isPartialUpdate(Endpoint endpoint, Body body) {
        Type type = body.parameter.getType();
        boolean collection = type instanceof ArrayType || type instanceof ClassOrInterfaceType declared
                && COLLECTIONS.contains(declared.getName().getIdentifier());
        return endpoint.httpMethods().equals(Set.of("PATCH")) && !collection;
    }

    /** The request body parameter of a handler and how it is bound. */
    private record Body(Parameter parameter, String binding) {}

    private static Optional<Body> bodyParameter(Endpoint endpoint) {
        SourceFile file = endpoint.file();
        MethodDeclaration method = endpoint.method();
        for (Parameter parameter : method.getParameters()) {
            if (file.isAnnotated(parameter, SPRING_BODY)) {
                return Optional.of(new Body(parameter, "`@RequestBody`"));
            }
            if (file.isAnnotated(parameter, MICRONAUT_BODY)) {
                return Optional.of(new Body(parameter, "`@Body`"));
            }
        }
        if (!file.isAnnotated(method, JAX_RS_ENTITY_METHODS)) {
            return Optional.empty();
        }
        List<Parameter> entities = method.getParameters().stream()
                .filter(p -> p.getAnnotations().stream()
                        .noneMatch(a -> JAX_RS_NON_ENTITY.contains(a.getName().getIdentifier())))
                .toList();
        // JAX-RS allows one entity parameter; more than one unannotated parameter is not a plain resource method.
        return entities.size() == 1 ? Optional.of(new Body(entities.get(0), "the request entity")) : Optional.empty();
    }

    /**
     * Spring validates a body annotated {@code @Valid}, {@code @Validated}, an annotation whose
     * simple name starts with {@code Valid}, or one meta-annotated with {@code @Validated}; JAX-RS
     * and Micronaut need {@code @Valid}, which the prefix covers.
     */
    private static boolean isValidated(SourceFile file, Parameter parameter, Set<String> metaAnnotations) {
        for (AnnotationExpr annotation : parameter.getAnnotations()) {
            String simple = annotation.getName().getIdentifier();
            if (simple.startsWith("Valid") || file.refersToAny(annotation.getNameAsString(), metaAnnotations)) {
                return true;
            }
        }
        return false;
    }

    /** Annotations declared in the module that are meta-annotated with {@code @Valid}-like annotations. */
    private static Set<String> validationMetaAnnotations(SourceFacet sources) {
        Set<String> result = new HashSet<>();
        for (SourceFile file : sources.files()) {
            for (AnnotationDeclaration declaration : file.findAll(AnnotationDeclaration.class)) {
                if (declaration.getAnnotations().stream().anyMatch(a -> a.getName().getIdentifier().startsWith("Valid"))) {
                    result.add(file.qualifiedName(declaration));
                }
            }
        }
        return result;
    }

    /** The simple name of the bean the body binds to, or empty when the type cannot carry constraints. */
    private static Optional<String> beanType(Type type) {
        Type element = type;
        while (true) {
            if (element instanceof ArrayType array) {
                element = array.getComponentType();
                continue;
            }
            if (!(element instanceof ClassOrInterfaceType declared)) {
                return Optional.empty(); // primitives, var, wildcards
            }
            String simple = declared.getName().getIdentifier();
            if (WRAPPERS.contains(simple)) {
                Optional<Type> argument = declared.getTypeArguments().filter(args -> args.size() == 1).map(args -> args.get(0));
                if (argument.isEmpty()) {
                    return Optional.empty();
                }
                element = argument.get();
                continue;
            }
            if (UNCONSTRAINABLE.contains(simple) || simple.endsWith("Map")) {
                return Optional.empty();
            }
            return Optional.of(declared.getNameWithScope());
        }
    }

    private static String message(SourceFacet sources, Endpoint endpoint, Body body, String bodyType) {
        SourceFile file = endpoint.file();
        String handler = endpoint.controller().getNameAsString() + "#" + endpoint.method().getNameAsString();
        StringBuilder message = new StringBuilder("`" + handler + "` binds " + body.binding() + " `" + bodyType
                + " " + body.parameter().getNameAsString() + "` without `@Valid`");
        if (file.isAnnotated(endpoint.controller(), SPRING_VALIDATED) && body.binding().equals("`@RequestBody`")) {
            message.append(" (the class-level `@Validated` does not cascade into the body)");
        }
        Optional<SourceFacet.DeclaredType> declared = sources.type(file.resolve(bodyType))
                .or(() -> sources.type(file.qualifiedName(endpoint.controller()) + "." + bodyType));
        if (declared.isPresent() && !hasConstraints(sources, declared.get())) {
            message.append("; `").append(bodyType).append("` declares no constraints either: add constraint annotations "
                    + "(`@NotBlank`, `@Positive`, `@Size`...) to its fields and annotate the parameter `@Valid`");
        } else {
            message.append("; annotate the parameter `@Valid` so its constraints are checked before the handler runs");
        }
        return message.toString();
    }

    /**
     * Whether a type of the module's own, or a supertype declared in the module, declares any Bean
     * Validation constraint; a name that merely looks like a constraint counts, since this only
     * chooses the wording of the message.
     */
    private static boolean hasConstraints(SourceFacet sources, SourceFacet.DeclaredType type) {
        List<SourceFacet.DeclaredType> types = new ArrayList<>(List.of(type));
        sources.supertypes(type.qualifiedName()).forEach(ref -> sources.type(ref.resolved()).ifPresent(types::add));
        for (SourceFacet.DeclaredType declared : types) {
            SourceFile file = declared.file();
            for (AnnotationExpr annotation : declared.declaration().findAll(AnnotationExpr.class)) {
                if (CONSTRAINT_NAMES.contains(annotation.getName().getIdentifier())) {
                    return true;
                }
                Optional<SourceFacet.DeclaredType> custom = sources.type(file.resolve(annotation.getNameAsString()));
                if (custom.isPresent() && custom.get().declaration() instanceof AnnotationDeclaration
                        && custom.get().file().isAnnotated(custom.get().declaration(), CONSTRAINT)) {
                    return true;
                }
            }
        }
        return false;
    }
}
