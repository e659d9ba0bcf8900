package io.archlint.engine.source;

import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import java.util.Set;

/**
 * A request handler of a controller.
 *
 * @param httpMethods upper-case HTTP methods; empty when the mapping accepts every method
 * @param path        the class and method paths joined, as declared (may be empty)
 */
public record Endpoint(SourceFile file, ClassOrInterfaceDeclaration controller, MethodDeclaration method,
        Set<String> httpMethods, String path) {

    public boolean handles(String httpMethod) {
        return httpMethods.contains(httpMethod);
    }

    /** {@code OrderController#create}. */
    public String symbol() {
        return file.qualifiedName(controller) + "#" + method.getNameAsString();
    }
}
