package io.archlint.rules.resilience;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.properties.CanBeAnnotated;
import io.archlint.engine.Stereotypes;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a call in compiled code does, by the library type it is made on: write to the database,
 * read from it, publish to a broker, call a remote service, send mail, sleep, render a report.
 *
 * <p>Library types are matched by name: their own hierarchy is not on the analysis classpath,
 * so a call on a subtype is only recognised when that subtype is listed too.
 */
final class CallTargets {

    /** Sending methods shared by the AMQP and JMS templates. */
    private static final Set<String> TEMPLATE_SENDS = Set.of("send", "convertAndSend", "convertSendAndReceive",
            "sendAndReceive");
    private static final Set<String> KAFKA_SENDS = Set.of("send", "sendDefault");
    /** Publishing methods of broker clients, by client type; the value names the broker in messages. */
    private static final Map<String, Broker> BROKER_CLIENTS = Map.ofEntries(
            Map.entry("org.springframework.kafka.core.KafkaTemplate", new Broker("Kafka", KAFKA_SENDS)),
            Map.entry("org.springframework.kafka.core.KafkaOperations", new Broker("Kafka", KAFKA_SENDS)),
            Map.entry("org.springframework.kafka.core.RoutingKafkaTemplate", new Broker("Kafka", Set.of("send"))),
            Map.entry("org.apache.kafka.clients.producer.KafkaProducer", new Broker("Kafka", Set.of("send"))),
            Map.entry("org.apache.kafka.clients.producer.Producer", new Broker("Kafka", Set.of("send"))),
            Map.entry("org.springframework.amqp.rabbit.core.RabbitTemplate", new Broker("RabbitMQ", TEMPLATE_SENDS)),
            Map.entry("org.springframework.amqp.rabbit.core.RabbitOperations", new Broker("RabbitMQ", TEMPLATE_SENDS)),
            Map.entry("org.springframework.amqp.rabbit.core.RabbitMessagingTemplate",
                    new Broker("RabbitMQ", TEMPLATE_SENDS)),
            Map.entry("org.springframework.amqp.core.AmqpTemplate", new Broker("RabbitMQ", TEMPLATE_SENDS)),
            Map.entry("org.springframework.jms.core.JmsTemplate", new Broker("JMS", TEMPLATE_SENDS)),
            Map.entry("org.springframework.jms.core.JmsOperations", new Broker("JMS", TEMPLATE_SENDS)),
            Map.entry("org.springframework.jms.core.JmsMessagingTemplate", new Broker("JMS", TEMPLATE_SENDS)),
            Map.entry("jakarta.jms.MessageProducer", new Broker("JMS", Set.of("send"))),
            Map.entry("javax.jms.MessageProducer", new Broker("JMS", Set.of("send"))),
            Map.entry("jakarta.jms.JMSProducer", new Broker("JMS", Set.of("send"))),
            Map.entry("javax.jms.JMSProducer", new Broker("JMS", Set.of("send"))),
            Map.entry("org.springframework.cloud.stream.function.StreamBridge",
                    new Broker("Spring Cloud Stream", Set.of("send"))),
            Map.entry("io.awspring.cloud.sqs.operations.SqsTemplate", new Broker("SQS", Set.of("send", "sendMany"))),
            Map.entry("io.awspring.cloud.sqs.operations.SqsOperations", new Broker("SQS", Set.of("send", "sendMany"))));

    private record Broker(String name, Set<String> methods) {}

    /** Statement types whose {@code executeQuery} reads and whose other {@code execute*} methods write. */
    private static final Set<String> JDBC_STATEMENTS = Set.of("java.sql.Statement", "java.sql.PreparedStatement",
            "java.sql.CallableStatement");
    /** Data access types that only hand out connections: calls on them are neither reads nor writes. */
    private static final Set<String> CONNECTION_SOURCES = Set.of("java.sql.Connection", "javax.sql.DataSource",
            "jakarta.persistence.EntityManagerFactory", "javax.persistence.EntityManagerFactory",
            "org.hibernate.SessionFactory");
    /** JPA queries: {@code executeUpdate} writes, {@code getResult*} reads. */
    private static final Set<String> JPA_QUERIES = Set.of("jakarta.persistence.Query", "jakarta.persistence.TypedQuery",
            "javax.persistence.Query", "javax.persistence.TypedQuery", "org.hibernate.query.Query",
            "org.hibernate.query.MutationQuery", "org.hibernate.query.SelectionQuery");
    /** Method names that change stored data, on any data access type. */
    private static final Pattern WRITE_NAME = Pattern.compile(
            "(save|persist|merge|remove|delete|insert|update|upsert|batchUpdate|batchInsert|batchStore|batchDelete"
                    + "|mergeInto|deleteFrom|store|executeUpdate|executeBatch|executeAndReturnKey|findAndModify"
                    + "|findAndRemove|findAllAndRemove|findAndReplace|bulkOps|saveOrUpdate|replace).*");
    /** Method names that read stored data, on any data access type. */
    private static final Pattern READ_NAME = Pattern.compile(
            "(find|get|query|select|read|load|fetch|count|exists|search|stream|list|aggregate|createQuery"
                    + "|createNativeQuery|createNamedQuery|executeQuery|single|optional|getResult).*");
    /** Spring Data's {@code @Modifying} marks a repository query method that writes. */
    private static final String MODIFYING = "org.springframework.data.jpa.repository.Modifying";
    /** jOOQ's plain SQL {@code execute} and generated records' {@code store}: writes. */
    private static final Set<String> JOOQ_RECORDS = Set.of("org.jooq.UpdatableRecord", "org.jooq.TableRecord",
            "org.jooq.impl.UpdatableRecordImpl", "org.jooq.impl.TableRecordImpl");
    private static final String JOOQ_DSL = "org.jooq.DSLContext";

    /** RestTemplate's request methods. */
    private static final Set<String> REST_TEMPLATE_METHODS = Set.of("getForObject", "getForEntity", "postForObject",
            "postForEntity", "postForLocation", "put", "patchForObject", "delete", "exchange", "execute",
            "headForHeaders", "optionsForAllow");
    /** Blocking HTTP calls of clients, by client type. */
    private static final Map<String, Set<String>> HTTP_CLIENTS = Map.ofEntries(
            Map.entry("org.springframework.web.client.RestTemplate", REST_TEMPLATE_METHODS),
            Map.entry("org.springframework.web.client.RestOperations", REST_TEMPLATE_METHODS),
            Map.entry("java.net.http.HttpClient", Set.of("send")),
            Map.entry("org.apache.hc.client5.http.classic.HttpClient", Set.of("execute")),
            Map.entry("org.apache.hc.client5.http.impl.classic.CloseableHttpClient", Set.of("execute")),
            Map.entry("org.apache.http.client.HttpClient", Set.of("execute")),
            Map.entry("org.apache.http.impl.client.CloseableHttpClient", Set.of("execute")),
            Map.entry("okhttp3.Call", Set.of("execute")),
            Map.entry("retrofit2.Call", Set.of("execute")));

    /** Fluent clients whose request specs live in nested types: the call that sends the request. */
    private static final Map<String, Set<String>> FLUENT_HTTP_CLIENTS = Map.of(
            "org.springframework.web.client.RestClient", Set.of("retrieve", "exchange"),
            "org.springframework.web.reactive.function.client.WebClient",
            Set.of("retrieve", "exchange", "exchangeToMono", "exchangeToFlux"));
    /** Declarative HTTP clients: an own interface with one of these annotations. */
    private static final List<String> HTTP_CLIENT_INTERFACES = List.of(
            "org.springframework.cloud.openfeign.FeignClient",
            "org.eclipse.microprofile.rest.client.inject.RegisterRestClient",
            "io.micronaut.http.client.annotation.Client",
            "org.springframework.web.service.annotation.HttpExchange");
    /** Methods of a declarative HTTP client interface that send a request. */
    private static final List<String> HTTP_CLIENT_METHODS = List.of(
            "org.springframework.web.service.annotation.HttpExchange",
            "org.springframework.web.service.annotation.GetExchange",
            "org.springframework.web.service.annotation.PostExchange",
            "org.springframework.web.service.annotation.PutExchange",
            "org.springframework.web.service.annotation.PatchExchange",
            "org.springframework.web.service.annotation.DeleteExchange",
            "feign.RequestLine");

    private CallTargets() {}

    /** The broker a call publishes to, such as {@code Kafka}, or empty when it does not publish. */
    static Optional<String> publishesTo(JavaCall<?> call) {
        Broker broker = BROKER_CLIENTS.get(call.getTargetOwner().getName());
        return broker != null && broker.methods().contains(call.getName())
                ? Optional.of(broker.name()) : Optional.empty();
    }

    static boolean isPublish(JavaCall<?> call) {
        return publishesTo(call).isPresent();
    }

    /** A call that changes stored data: a repository's save or delete, an entity manager's persist, an SQL update. */
    static boolean isDatabaseWrite(JavaCall<?> call, Stereotypes stereotypes) {
        if (!(call instanceof JavaMethodCall)) {
            return false;
        }
        JavaClass owner = call.getTargetOwner();
        String name = call.getName();
        if (JDBC_STATEMENTS.contains(owner.getName())) {
            return !name.equals("executeQuery") && name.startsWith("execute");
        }
        if (JPA_QUERIES.contains(owner.getName())) {
            return name.equals("executeUpdate") || name.equals("execute");
        }
        if (isNamedIn(owner, JOOQ_RECORDS)) {
            return Set.of("store", "insert", "update", "delete", "merge").contains(name);
        }
        if (owner.getName().equals(JOOQ_DSL) && name.equals("execute")) {
            return true;
        }
        if (owner.getName().startsWith("org.springframework.jdbc.core.simple.JdbcClient")) {
            return name.equals("update");
        }
        if (!isDataAccess(owner, stereotypes) || CONNECTION_SOURCES.contains(owner.getName())) {
            return false;
        }
        return WRITE_NAME.matcher(name).matches() || isAnnotated(resolved(call), List.of(MODIFYING));
    }

    /** A call that reads stored data: a repository's find, a JDBC or JPA query, a jOOQ select. */
    static boolean isDatabaseRead(JavaCall<?> call, Stereotypes stereotypes) {
        if (!(call instanceof JavaMethodCall) || isDatabaseWrite(call, stereotypes)) {
            return false;
        }
        JavaClass owner = call.getTargetOwner();
        String name = call.getName();
        if (JDBC_STATEMENTS.contains(owner.getName())) {
            return name.equals("executeQuery");
        }
        if (JPA_QUERIES.contains(owner.getName())) {
            return name.startsWith("getResult") || name.startsWith("getSingleResult");
        }
        if (owner.getName().startsWith("org.springframework.jdbc.core.simple.JdbcClient")) {
            return Set.of("query", "list", "single", "optional", "set", "stream").contains(name);
        }
        if (!isDataAccess(owner, stereotypes) || CONNECTION_SOURCES.contains(owner.getName())) {
            return false;
        }
        // A query method of the module's own repository may have any name (@Query methods).
        return READ_NAME.matcher(name).matches() || isRepositoryInterface(owner, stereotypes);
    }

    /** A blocking request to another service over HTTP. */
    static boolean isRemoteCall(JavaCall<?> call) {
        if (!(call instanceof JavaMethodCall)) {
            return false;
        }
        JavaClass owner = call.getTargetOwner();
        Set<String> methods = HTTP_CLIENTS.get(owner.getName());
        if (methods != null) {
            return methods.contains(call.getName());
        }
        for (Map.Entry<String, Set<String>> fluent : FLUENT_HTTP_CLIENTS.entrySet()) {
            if ((owner.getName().equals(fluent.getKey()) || owner.getName().startsWith(fluent.getKey() + "$"))
                    && fluent.getValue().contains(call.getName())) {
                return true;
            }
        }
        return owner.isInterface() && (isAnnotated(owner, HTTP_CLIENT_INTERFACES)
                || isAnnotated(resolved(call), HTTP_CLIENT_METHODS));
    }

    /** Data access by name, by annotation ({@code @Repository}, {@code @Mapper}) or by a supertype's name. */
    static boolean isDataAccess(JavaClass type, Stereotypes stereotypes) {
        if (stereotypes.isDataAccessTypeName(type.getName())
                || isAnnotated(type, stereotypes.dataAccessAnnotations())) {
            return true;
        }
        return Stream.concat(type.getAllRawInterfaces().stream(), type.getAllRawSuperclasses().stream())
                .anyMatch(parent -> stereotypes.isDataAccessTypeName(parent.getName()));
    }

    /** An interface of the module that extends a data access type, such as a Spring Data repository. */
    private static boolean isRepositoryInterface(JavaClass type, Stereotypes stereotypes) {
        return type.isInterface() && type.getAllRawInterfaces().stream()
                .anyMatch(parent -> stereotypes.isDataAccessTypeName(parent.getName()));
    }

    /** Whether a type is one of the names or has a supertype among them. */
    static boolean isNamedIn(JavaClass type, Collection<String> names) {
        return names.contains(type.getName())
                || Stream.concat(type.getAllRawInterfaces().stream(), type.getAllRawSuperclasses().stream())
                        .anyMatch(parent -> names.contains(parent.getName()));
    }

    /** Whether an element carries one of the annotations, or an annotation meta-annotated with one. */
    static boolean isAnnotated(CanBeAnnotated element, Collection<String> annotations) {
        return element != null && annotations.stream()
                .anyMatch(a -> element.isAnnotatedWith(a) || element.isMetaAnnotatedWith(a));
    }

    /** The annotation of one of those types on an element, if present. */
    static Optional<JavaAnnotation<?>> annotation(CanBeAnnotated element, Collection<String> annotations) {
        if (!(element instanceof com.tngtech.archunit.core.domain.properties.HasAnnotations<?> annotated)) {
            return Optional.empty();
        }
        return annotated.getAnnotations().stream()
                .filter(a -> annotations.contains(a.getRawType().getName()))
                .<JavaAnnotation<?>>map(a -> a)
                .findFirst();
    }

    /** The method a call runs when it is declared in the module, to read its annotations. */
    private static JavaMethod resolved(JavaCall<?> call) {
        return call instanceof JavaMethodCall method ? method.getTarget().resolveMember().orElse(null) : null;
    }

    /** Lower case, for name checks. */
    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
