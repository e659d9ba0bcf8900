package io.archlint.engine;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables that say which annotations and types play which role: controllers, data access,
 * message listeners, idempotency. Defaults plus the user's additions; data, not code.
 *
 * @param controllerAnnotations    annotations that make a class a web entry point
 * @param handlerAnnotations       annotations that make a method a request handler
 * @param dataAccessTypes          types whose use is data access
 * @param dataAccessTypePrefixes   packages whose {@code *Repository} types are data access
 * @param dataAccessAnnotations    annotations that make a type a data access type
 * @param listenerAnnotations      annotations that make a method a message listener
 * @param idempotencyHeaders       request headers that carry an idempotency key
 * @param idempotencyAnnotations   simple names of annotations that make a handler idempotent
 * @param moneyWords               words that mark an endpoint as creating money- or order-like resources
 */
public record Stereotypes(
        Set<String> controllerAnnotations,
        Set<String> handlerAnnotations,
        Set<String> dataAccessTypes,
        Set<String> dataAccessTypePrefixes,
        Set<String> dataAccessAnnotations,
        Set<String> listenerAnnotations,
        Set<String> idempotencyHeaders,
        Set<String> idempotencyAnnotations,
        Set<String> moneyWords) {

    public static final String TRANSACTIONAL_SPRING = "org.springframework.transaction.annotation.Transactional";

    public Stereotypes {
        controllerAnnotations = Set.copyOf(controllerAnnotations);
        handlerAnnotations = Set.copyOf(handlerAnnotations);
        dataAccessTypes = Set.copyOf(dataAccessTypes);
        dataAccessTypePrefixes = Set.copyOf(dataAccessTypePrefixes);
        dataAccessAnnotations = Set.copyOf(dataAccessAnnotations);
        listenerAnnotations = Set.copyOf(listenerAnnotations);
        idempotencyHeaders = Set.copyOf(idempotencyHeaders);
        idempotencyAnnotations = Set.copyOf(idempotencyAnnotations);
        moneyWords = Set.copyOf(moneyWords);
    }

    public static Stereotypes defaults() {
        return new Stereotypes(
                Set.of("org.springframework.stereotype.Controller",
                        "org.springframework.web.bind.annotation.RestController",
                        "jakarta.ws.rs.Path",
                        "javax.ws.rs.Path",
                        "io.micronaut.http.annotation.Controller"),
                Set.of("org.springframework.web.bind.annotation.RequestMapping",
                        "org.springframework.web.bind.annotation.GetMapping",
                        "org.springframework.web.bind.annotation.PostMapping",
                        "org.springframework.web.bind.annotation.PutMapping",
                        "org.springframework.web.bind.annotation.DeleteMapping",
                        "org.springframework.web.bind.annotation.PatchMapping",
                        "jakarta.ws.rs.GET", "jakarta.ws.rs.POST", "jakarta.ws.rs.PUT", "jakarta.ws.rs.DELETE",
                        "jakarta.ws.rs.PATCH", "jakarta.ws.rs.HEAD", "jakarta.ws.rs.OPTIONS",
                        "javax.ws.rs.GET", "javax.ws.rs.POST", "javax.ws.rs.PUT", "javax.ws.rs.DELETE",
                        "javax.ws.rs.PATCH", "javax.ws.rs.HEAD", "javax.ws.rs.OPTIONS",
                        "io.micronaut.http.annotation.Get", "io.micronaut.http.annotation.Post",
                        "io.micronaut.http.annotation.Put", "io.micronaut.http.annotation.Delete",
                        "io.micronaut.http.annotation.Patch"),
                Set.of("jakarta.persistence.EntityManager", "javax.persistence.EntityManager",
                        "jakarta.persistence.EntityManagerFactory", "javax.persistence.EntityManagerFactory",
                        "org.hibernate.Session", "org.hibernate.SessionFactory", "org.hibernate.StatelessSession",
                        "org.springframework.jdbc.core.JdbcTemplate", "org.springframework.jdbc.core.JdbcOperations",
                        "org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate",
                        "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
                        "org.springframework.jdbc.core.simple.JdbcClient",
                        "org.springframework.jdbc.core.simple.SimpleJdbcInsert",
                        "org.jooq.DSLContext",
                        "org.apache.ibatis.session.SqlSession", "org.mybatis.spring.SqlSessionTemplate",
                        "com.baomidou.mybatisplus.core.mapper.BaseMapper",
                        "org.springframework.data.mongodb.core.MongoTemplate",
                        "org.springframework.data.mongodb.core.MongoOperations",
                        "org.springframework.data.mongodb.core.ReactiveMongoTemplate",
                        "io.quarkus.hibernate.orm.panache.PanacheRepository",
                        "io.quarkus.hibernate.orm.panache.PanacheRepositoryBase",
                        "java.sql.Connection", "javax.sql.DataSource"),
                Set.of("org.springframework.data.", "io.micronaut.data."),
                Set.of("org.apache.ibatis.annotations.Mapper",
                        "org.springframework.stereotype.Repository",
                        "io.micronaut.data.annotation.Repository",
                        "io.micronaut.data.jdbc.annotation.JdbcRepository"),
                Set.of("org.springframework.kafka.annotation.KafkaListener",
                        "org.springframework.amqp.rabbit.annotation.RabbitListener",
                        "org.springframework.jms.annotation.JmsListener",
                        "io.awspring.cloud.sqs.annotation.SqsListener",
                        "io.awspring.cloud.messaging.listener.annotation.SqsListener"),
                Set.of("Idempotency-Key", "X-Idempotency-Key", "Idempotency-Token", "X-Idempotency-Token"),
                Set.of("Idempotent", "IdempotentOperation", "Idempotency"),
                Set.of("payment", "pay", "order", "checkout", "transfer", "charge", "refund", "booking",
                        "reservation", "invoice", "subscription"));
    }

    /** These tables plus the given additions. */
    public Stereotypes plus(Stereotypes extra) {
        return new Stereotypes(
                union(controllerAnnotations, extra.controllerAnnotations),
                union(handlerAnnotations, extra.handlerAnnotations),
                union(dataAccessTypes, extra.dataAccessTypes),
                union(dataAccessTypePrefixes, extra.dataAccessTypePrefixes),
                union(dataAccessAnnotations, extra.dataAccessAnnotations),
                union(listenerAnnotations, extra.listenerAnnotations),
                union(idempotencyHeaders, extra.idempotencyHeaders),
                union(idempotencyAnnotations, extra.idempotencyAnnotations),
                union(moneyWords, extra.moneyWords));
    }

    /** Whether a library type, by its qualified name, is a data access type. */
    public boolean isDataAccessTypeName(String qualifiedName) {
        if (dataAccessTypes.contains(qualifiedName)) {
            return true;
        }
        String simple = qualifiedName.substring(qualifiedName.lastIndexOf('.') + 1);
        return simple.endsWith("Repository") && dataAccessTypePrefixes.stream().anyMatch(qualifiedName::startsWith);
    }

    private static Set<String> union(Set<String> first, Set<String> second) {
        Set<String> all = new LinkedHashSet<>(first);
        all.addAll(second);
        return all;
    }

    /** The Spring, Jakarta and Micronaut {@code @Transactional} annotations. */
    public static List<String> transactionalAnnotations() {
        return List.of(TRANSACTIONAL_SPRING, "jakarta.transaction.Transactional", "javax.transaction.Transactional",
                "io.micronaut.transaction.annotation.Transactional", "io.micronaut.transaction.annotation.ReadOnly");
    }
}
