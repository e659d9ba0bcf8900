package io.archlint.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.StaticJavaParser;
import io.archlint.engine.source.SourceFile;
import org.junit.jupiter.api.Test;

class SourceFileTest {

    private static SourceFile parse(String code) {
        return new SourceFile("src/main/java/A.java", StaticJavaParser.parse(code));
    }

    @Test
    void resolvesSimpleNamesThroughSingleTypeImports() {
        SourceFile file = parse("""
                package com.acme;
                import org.springframework.transaction.annotation.Transactional;
                class A {}
                """);
        assertThat(file.refersTo("Transactional", "org.springframework.transaction.annotation.Transactional")).isTrue();
        assertThat(file.refersTo("Transactional", "jakarta.transaction.Transactional")).isFalse();
        assertThat(file.resolve("Transactional")).isEqualTo("org.springframework.transaction.annotation.Transactional");
    }

    @Test
    void acceptsOnDemandImportsTheSamePackageAndJavaLang() {
        SourceFile file = parse("""
                package com.acme;
                import jakarta.persistence.*;
                class A {}
                """);
        assertThat(file.refersTo("EntityManager", "jakarta.persistence.EntityManager")).isTrue();
        assertThat(file.refersTo("OrderRepository", "com.acme.OrderRepository")).isTrue();
        assertThat(file.refersTo("String", "java.lang.String")).isTrue();
        assertThat(file.refersTo("EntityManager", "javax.persistence.EntityManager")).isFalse();
    }

    @Test
    void aSingleTypeImportShadowsOnDemandImports() {
        SourceFile file = parse("""
                package com.acme;
                import com.acme.tx.Transactional;
                import org.springframework.transaction.annotation.*;
                class A {}
                """);
        assertThat(file.refersTo("Transactional", "org.springframework.transaction.annotation.Transactional")).isFalse();
    }

    @Test
    void resolvesQualifiedAndNestedNamesAndIgnoresGenerics() {
        SourceFile file = parse("""
                package com.acme;
                import org.springframework.web.bind.annotation.RequestMethod;
                class A {}
                """);
        assertThat(file.refersTo("jakarta.persistence.EntityManager", "jakarta.persistence.EntityManager")).isTrue();
        assertThat(file.refersTo("RequestMethod.Inner", "org.springframework.web.bind.annotation.RequestMethod.Inner")).isTrue();
        assertThat(file.refersTo("java.util.List<String>", "java.util.List")).isTrue();
    }
}
