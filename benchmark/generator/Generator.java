import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a Spring-style Maven service of a given size for the Archlint benchmark.
 *
 * <p>Usage: {@code java benchmark/generator/Generator.java <size> <outDir>}, size as {@code 10k},
 * {@code 100k}, {@code 1m} or a plain number of lines of code. The output is deterministic (fixed
 * seed): the same size gives the same project, byte for byte.
 *
 * <p>The project has bounded contexts (packages), each with a few aggregates; every aggregate has a
 * JPA entity, a status enum, a Spring Data repository, a JdbcTemplate query repository, a service,
 * a REST controller, DTO records, a mapper and events; each context has a configuration class and a
 * listener; the module has {@code application.yml}, Flyway migrations and a global error handler.
 * Pitfalls are planted at fixed rates (see {@link #PITFALLS}); their counts are written to
 * {@code benchmark-manifest.json} beside the pom, with lines of code and class counts.
 */
public final class Generator {

    private static final long SEED = 20240607L;

    /** Planted pitfalls: the rule that should find it, and one in how many eligible elements gets it. */
    private static final Map<String, Integer> PITFALLS = new TreeMap<>(Map.of(
            "controller-data-access", 20,          // per controller: also injects the repository
            "missing-input-validation", 15,        // per controller: @RequestBody without @Valid
            "transactional-controller", 30,        // per controller: @Transactional on the controller
            "log-string-concat", 10,               // per service: a log message built with +
            "swallowed-exception", 25,             // per service: an empty catch block
            "system-out-logging", 30,              // per service: System.out.println
            "print-stack-trace", 40,               // per service: e.printStackTrace()
            "transactional-proxy-bypass", 40,      // per service: @Transactional on a private method
            "sql-injection", 50));                 // per query repository: a value concatenated into SQL

    private static final String BASE_PACKAGE = "com.acme.shop";
    private static final String[] CONTEXTS = {
        "billing", "catalog", "customer", "inventory", "shipping", "pricing", "review", "loyalty",
        "warehouse", "supplier", "returns", "notification", "fulfilment", "marketing", "support", "analytics",
    };
    private static final String[] NOUNS = {
        "Invoice", "Product", "Account", "Shipment", "Tariff", "Review", "Reward", "Bin", "Vendor",
        "Claim", "Message", "Parcel", "Campaign", "Ticket", "Report", "Category", "Contract", "Address",
        "Voucher", "Batch", "Carrier", "Profile", "Survey", "Schedule", "Region", "Document", "Device",
        "Asset", "Team", "Task", "Route", "Slot", "Bundle", "Coupon", "Warranty", "Subscription",
    };
    private static final int AGGREGATES_PER_CONTEXT = 4;

    private final Path out;
    private final Random random = new Random(SEED);
    private final Map<String, Integer> planted = new TreeMap<>();
    private final Map<String, Integer> eligible = new TreeMap<>();
    private long lines;
    private long javaLines;
    private int classes;
    private int migration;

    private Generator(Path out) {
        this.out = out;
        PITFALLS.keySet().forEach(k -> planted.put(k, 0));
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: java Generator.java <size: 10k|100k|1m|lines> <outDir>");
            System.exit(2);
        }
        long target = parseSize(args[0]);
        Path out = Path.of(args[1]).toAbsolutePath().normalize();
        if (Files.exists(out.resolve("src"))) {
            System.err.println(out + "/src exists; remove it first");
            System.exit(2);
        }
        Generator generator = new Generator(out);
        generator.generate(target);
        System.out.printf(Locale.ROOT, "generated %s: %d lines of Java code, %d classes, %d lines in all%n",
                out.getFileName(), generator.javaLines, generator.classes, generator.lines);
    }

    static long parseSize(String size) {
        String s = size.strip().toLowerCase(Locale.ROOT);
        if (s.endsWith("k")) {
            return Long.parseLong(s.substring(0, s.length() - 1)) * 1_000;
        }
        if (s.endsWith("m")) {
            return Long.parseLong(s.substring(0, s.length() - 1)) * 1_000_000;
        }
        return Long.parseLong(s);
    }

    private void generate(long targetJavaLines) throws IOException {
        writeRaw(out.resolve("pom.xml"), pom());
        StringBuilder yaml = new StringBuilder(applicationYaml());
        common();
        int index = 0;
        while (javaLines < targetJavaLines) {
            String context = CONTEXTS[index % CONTEXTS.length] + (index < CONTEXTS.length ? "" : String.valueOf(index / CONTEXTS.length));
            context(context);
            yaml.append("  ").append(context).append(":\n")
                    .append("    page-size: ").append(20 + index % 5 * 10).append('\n')
                    .append("    cache-ttl: PT").append(5 + index % 7).append("M\n");
            index++;
        }
        write(out.resolve("src/main/resources/application.yml"), yaml.toString());
        writeManifest(index);
    }

    // ---------------------------------------------------------------- project files

    private static String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <!-- Generated by benchmark/generator/Generator.java; do not edit. -->
                  <groupId>com.acme.bench</groupId>
                  <artifactId>shop-service</artifactId>
                  <version>1.0.0-SNAPSHOT</version>

                  <properties>
                    <maven.compiler.release>17</maven.compiler.release>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <archlint.version>0.1.0-SNAPSHOT</archlint.version>
                    <archlint.failOnSeverity>NONE</archlint.failOnSeverity>
                    <spring.version>6.2.1</spring.version>
                    <spring-data.version>3.4.1</spring-data.version>
                    <pmd-plugin.version>3.28.0</pmd-plugin.version>
                  </properties>

                  <dependencies>
                    <dependency><groupId>org.springframework</groupId><artifactId>spring-web</artifactId><version>${spring.version}</version></dependency>
                    <dependency><groupId>org.springframework</groupId><artifactId>spring-context</artifactId><version>${spring.version}</version></dependency>
                    <dependency><groupId>org.springframework</groupId><artifactId>spring-tx</artifactId><version>${spring.version}</version></dependency>
                    <dependency><groupId>org.springframework</groupId><artifactId>spring-jdbc</artifactId><version>${spring.version}</version></dependency>
                    <dependency><groupId>org.springframework.data</groupId><artifactId>spring-data-commons</artifactId><version>${spring-data.version}</version></dependency>
                    <dependency><groupId>jakarta.persistence</groupId><artifactId>jakarta.persistence-api</artifactId><version>3.1.0</version></dependency>
                    <dependency><groupId>jakarta.validation</groupId><artifactId>jakarta.validation-api</artifactId><version>3.0.2</version></dependency>
                    <dependency><groupId>org.slf4j</groupId><artifactId>slf4j-api</artifactId><version>2.0.16</version></dependency>
                    <dependency><groupId>io.micrometer</groupId><artifactId>micrometer-observation</artifactId><version>1.14.2</version></dependency>
                    <dependency><groupId>com.zaxxer</groupId><artifactId>HikariCP</artifactId><version>5.1.0</version></dependency>
                    <dependency><groupId>org.postgresql</groupId><artifactId>postgresql</artifactId><version>42.7.4</version><scope>runtime</scope></dependency>
                  </dependencies>

                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin><artifactId>maven-resources-plugin</artifactId><version>3.3.1</version></plugin>
                        <plugin><artifactId>maven-compiler-plugin</artifactId><version>3.14.1</version></plugin>
                        <plugin><artifactId>maven-surefire-plugin</artifactId><version>3.5.4</version></plugin>
                        <plugin><artifactId>maven-jar-plugin</artifactId><version>3.4.2</version></plugin>
                        <plugin><artifactId>maven-pmd-plugin</artifactId><version>${pmd-plugin.version}</version></plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                      <plugin>
                        <groupId>io.archlint</groupId>
                        <artifactId>archlint-maven-plugin</artifactId>
                        <version>${archlint.version}</version>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """;
    }

    private static String applicationYaml() {
        return """
                spring:
                  application:
                    name: shop-service
                  datasource:
                    url: jdbc:postgresql://db:5432/shop
                    username: shop
                    password: ${DB_PASSWORD}
                    hikari:
                      maximum-pool-size: 20
                      connection-timeout: 3000
                  jpa:
                    hibernate:
                      ddl-auto: validate
                    open-in-view: false
                  flyway:
                    enabled: true
                    locations: classpath:db/migration
                server:
                  port: 8080
                  shutdown: graceful
                management:
                  endpoints:
                    web:
                      exposure:
                        include: health,info,metrics
                shop:
                """;
    }

    private void writeManifest(int contexts) throws IOException {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"seed\": ").append(SEED).append(",\n");
        json.append("  \"contexts\": ").append(contexts).append(",\n");
        json.append("  \"javaLines\": ").append(javaLines).append(",\n");
        json.append("  \"allLines\": ").append(lines).append(",\n");
        json.append("  \"classes\": ").append(classes).append(",\n");
        json.append("  \"pitfalls\": {\n");
        List<String> entries = new ArrayList<>();
        for (String rule : PITFALLS.keySet()) {
            entries.add("    \"" + rule + "\": {\"oneIn\": " + PITFALLS.get(rule) + ", \"eligible\": "
                    + eligible.getOrDefault(rule, 0) + ", \"planted\": " + planted.get(rule) + "}");
        }
        json.append(String.join(",\n", entries)).append("\n  }\n}\n");
        writeRaw(out.resolve("benchmark-manifest.json"), json.toString());
    }

    // ---------------------------------------------------------------- shared code

    private void common() throws IOException {
        String pkg = BASE_PACKAGE + ".common";
        javaFile(pkg, "ShopApplication", """
                package %1$s;

                import org.springframework.context.annotation.ComponentScan;
                import org.springframework.context.annotation.Configuration;
                import org.springframework.transaction.annotation.EnableTransactionManagement;

                /** Entry point of the shop service. */
                @Configuration
                @ComponentScan(basePackages = "%2$s")
                @EnableTransactionManagement
                public class ShopApplication {
                }
                """.formatted(pkg, BASE_PACKAGE));
        javaFile(pkg, "NotFoundException", """
                package %s;

                /** Thrown when an aggregate does not exist. */
                public class NotFoundException extends RuntimeException {

                    private final String type;
                    private final Object id;

                    public NotFoundException(String type, Object id) {
                        super(type + " " + id + " not found");
                        this.type = type;
                        this.id = id;
                    }

                    public String getType() {
                        return type;
                    }

                    public Object getId() {
                        return id;
                    }
                }
                """.formatted(pkg));
        javaFile(pkg, "ConflictException", """
                package %s;

                /** Thrown when a state transition is not allowed. */
                public class ConflictException extends RuntimeException {

                    public ConflictException(String message) {
                        super(message);
                    }
                }
                """.formatted(pkg));
        javaFile(pkg, "ApiError", """
                package %s;

                import java.time.Instant;

                /** The body of every error response. */
                public record ApiError(String code, String message, Instant timestamp) {

                    public static ApiError of(String code, String message) {
                        return new ApiError(code, message, Instant.now());
                    }
                }
                """.formatted(pkg));
        javaFile(pkg, "GlobalExceptionHandler", """
                package %1$s;

                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;
                import org.springframework.http.HttpStatus;
                import org.springframework.http.ResponseEntity;
                import org.springframework.web.bind.annotation.ExceptionHandler;
                import org.springframework.web.bind.annotation.RestControllerAdvice;

                /** Maps exceptions to error responses for every controller. */
                @RestControllerAdvice
                public class GlobalExceptionHandler {

                    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

                    @ExceptionHandler(NotFoundException.class)
                    public ResponseEntity<ApiError> notFound(NotFoundException e) {
                        return ResponseEntity.status(HttpStatus.NOT_FOUND).body(ApiError.of("not-found", e.getMessage()));
                    }

                    @ExceptionHandler(ConflictException.class)
                    public ResponseEntity<ApiError> conflict(ConflictException e) {
                        return ResponseEntity.status(HttpStatus.CONFLICT).body(ApiError.of("conflict", e.getMessage()));
                    }

                    @ExceptionHandler(IllegalArgumentException.class)
                    public ResponseEntity<ApiError> badRequest(IllegalArgumentException e) {
                        return ResponseEntity.badRequest().body(ApiError.of("bad-request", e.getMessage()));
                    }

                    @ExceptionHandler(Exception.class)
                    public ResponseEntity<ApiError> unexpected(Exception e) {
                        log.error("Unexpected error", e);
                        return ResponseEntity.internalServerError().body(ApiError.of("internal", "Unexpected error"));
                    }
                }
                """.formatted(pkg));
        javaFile(pkg, "PageResponse", """
                package %s;

                import java.util.List;
                import java.util.function.Function;
                import org.springframework.data.domain.Page;

                /** One page of a listing. */
                public record PageResponse<T>(List<T> items, int page, int size, long total) {

                    public static <E, T> PageResponse<T> of(Page<E> page, Function<E, T> mapper) {
                        return new PageResponse<>(page.getContent().stream().map(mapper).toList(), page.getNumber(),
                                page.getSize(), page.getTotalElements());
                    }
                }
                """.formatted(pkg));
    }

    // ---------------------------------------------------------------- one bounded context

    private void context(String context) throws IOException {
        String pkg = BASE_PACKAGE + "." + context;
        Set<String> names = new LinkedHashSet<>();
        while (names.size() < AGGREGATES_PER_CONTEXT) {
            names.add(NOUNS[random.nextInt(NOUNS.length)]);
        }
        String ctx = Character.toUpperCase(context.charAt(0)) + context.substring(1);
        for (String name : names) {
            aggregate(pkg, ctx, name);
        }
        config(pkg, ctx, names);
        listener(pkg, ctx, names);
    }

    private void aggregate(String pkg, String ctx, String name) throws IOException {
        String table = ctx.toLowerCase(Locale.ROOT) + "_" + snake(name);
        entity(pkg, name, table);
        statusEnum(pkg, name);
        repository(pkg, name);
        queryRepository(pkg, name, table);
        dtos(pkg, name);
        mapper(pkg, name);
        events(pkg, name);
        service(pkg, name);
        controller(pkg, ctx, name);
        migration(table);
    }

    private void entity(String pkg, String name, String table) throws IOException {
        javaFile(pkg + ".domain", name, """
                package %1$s.domain;

                import jakarta.persistence.Column;
                import jakarta.persistence.Entity;
                import jakarta.persistence.EnumType;
                import jakarta.persistence.Enumerated;
                import jakarta.persistence.GeneratedValue;
                import jakarta.persistence.GenerationType;
                import jakarta.persistence.Id;
                import jakarta.persistence.Table;
                import jakarta.persistence.Version;
                import java.math.BigDecimal;
                import java.time.Instant;
                import java.util.Objects;

                @Entity
                @Table(name = "%3$s")
                public class %2$s {

                    @Id
                    @GeneratedValue(strategy = GenerationType.IDENTITY)
                    private Long id;

                    @Column(nullable = false, unique = true, length = 64)
                    private String code;

                    @Column(nullable = false)
                    private String name;

                    @Column(length = 2000)
                    private String description;

                    @Enumerated(EnumType.STRING)
                    @Column(nullable = false, length = 32)
                    private %2$sStatus status = %2$sStatus.DRAFT;

                    @Column(precision = 19, scale = 2)
                    private BigDecimal amount = BigDecimal.ZERO;

                    private int quantity;

                    private Long ownerId;

                    @Column(nullable = false, updatable = false)
                    private Instant createdAt;

                    private Instant updatedAt;

                    @Version
                    private long version;

                    protected %2$s() {
                    }

                    public %2$s(String code, String name, Long ownerId) {
                        this.code = Objects.requireNonNull(code, "code");
                        this.name = Objects.requireNonNull(name, "name");
                        this.ownerId = ownerId;
                        this.createdAt = Instant.now();
                    }

                    public void rename(String newName, String newDescription) {
                        this.name = Objects.requireNonNull(newName, "name");
                        this.description = newDescription;
                        touch();
                    }

                    public void changeStatus(%2$sStatus next) {
                        if (!status.canMoveTo(next)) {
                            throw new IllegalStateException("cannot move from " + status + " to " + next);
                        }
                        this.status = next;
                        touch();
                    }

                    public void adjust(BigDecimal newAmount, int newQuantity) {
                        if (newQuantity < 0) {
                            throw new IllegalArgumentException("quantity must not be negative");
                        }
                        this.amount = newAmount == null ? BigDecimal.ZERO : newAmount;
                        this.quantity = newQuantity;
                        touch();
                    }

                    private void touch() {
                        this.updatedAt = Instant.now();
                    }

                    public Long getId() {
                        return id;
                    }

                    public String getCode() {
                        return code;
                    }

                    public String getName() {
                        return name;
                    }

                    public String getDescription() {
                        return description;
                    }

                    public %2$sStatus getStatus() {
                        return status;
                    }

                    public BigDecimal getAmount() {
                        return amount;
                    }

                    public int getQuantity() {
                        return quantity;
                    }

                    public Long getOwnerId() {
                        return ownerId;
                    }

                    public Instant getCreatedAt() {
                        return createdAt;
                    }

                    public Instant getUpdatedAt() {
                        return updatedAt;
                    }

                    public long getVersion() {
                        return version;
                    }

                    @Override
                    public boolean equals(Object other) {
                        if (this == other) {
                            return true;
                        }
                        if (!(other instanceof %2$s that)) {
                            return false;
                        }
                        return id != null && id.equals(that.id);
                    }

                    @Override
                    public int hashCode() {
                        return getClass().hashCode();
                    }

                    @Override
                    public String toString() {
                        return "%2$s{id=" + id + ", code=" + code + ", status=" + status + "}";
                    }
                }
                """.formatted(pkg, name, table));
    }

    private void statusEnum(String pkg, String name) throws IOException {
        javaFile(pkg + ".domain", name + "Status", """
                package %1$s.domain;

                import java.util.EnumSet;
                import java.util.Set;

                public enum %2$sStatus {
                    DRAFT, ACTIVE, SUSPENDED, ARCHIVED;

                    public boolean canMoveTo(%2$sStatus next) {
                        return allowedNext().contains(next);
                    }

                    public Set<%2$sStatus> allowedNext() {
                        return switch (this) {
                            case DRAFT -> EnumSet.of(ACTIVE, ARCHIVED);
                            case ACTIVE -> EnumSet.of(SUSPENDED, ARCHIVED);
                            case SUSPENDED -> EnumSet.of(ACTIVE, ARCHIVED);
                            case ARCHIVED -> EnumSet.noneOf(%2$sStatus.class);
                        };
                    }

                    public boolean isTerminal() {
                        return this == ARCHIVED;
                    }
                }
                """.formatted(pkg, name));
    }

    private void repository(String pkg, String name) throws IOException {
        javaFile(pkg + ".repository", name + "Repository", """
                package %1$s.repository;

                import %1$s.domain.%2$s;
                import %1$s.domain.%2$sStatus;
                import java.time.Instant;
                import java.util.List;
                import java.util.Optional;
                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.Pageable;
                import org.springframework.data.repository.ListCrudRepository;
                import org.springframework.data.repository.PagingAndSortingRepository;

                public interface %2$sRepository extends ListCrudRepository<%2$s, Long>, PagingAndSortingRepository<%2$s, Long> {

                    Optional<%2$s> findByCode(String code);

                    boolean existsByCode(String code);

                    Page<%2$s> findByStatus(%2$sStatus status, Pageable pageable);

                    List<%2$s> findByOwnerIdOrderByCreatedAtDesc(Long ownerId);

                    List<%2$s> findByStatusAndUpdatedAtBefore(%2$sStatus status, Instant before);

                    long countByStatus(%2$sStatus status);
                }
                """.formatted(pkg, name));
    }

    private void queryRepository(String pkg, String name, String table) throws IOException {
        boolean injection = plant("sql-injection");
        String byName = injection
                ? """
                        String sql = "select id, code, name, amount from %s where name like '%%" + fragment + "%%' order by name";
                        return jdbc.query(sql, this::row);
                """.formatted(table)
                : """
                        String sql = "select id, code, name, amount from %s where name like ? order by name";
                        return jdbc.query(sql, this::row, "%%" + fragment + "%%");
                """.formatted(table);
        javaFile(pkg + ".repository", name + "QueryRepository", """
                package %1$s.repository;

                import java.math.BigDecimal;
                import java.sql.ResultSet;
                import java.sql.SQLException;
                import java.util.List;
                import java.util.Map;
                import org.springframework.jdbc.core.JdbcTemplate;
                import org.springframework.stereotype.Repository;

                /** Read-side queries on {@code %3$s} that Spring Data does not derive well. */
                @Repository
                public class %2$sQueryRepository {

                    public record Row(long id, String code, String name, BigDecimal amount) {
                    }

                    private final JdbcTemplate jdbc;

                    public %2$sQueryRepository(JdbcTemplate jdbc) {
                        this.jdbc = jdbc;
                    }

                    public List<Row> searchByName(String fragment) {
                %4$s    }

                    public BigDecimal totalAmountFor(long ownerId) {
                        BigDecimal total = jdbc.queryForObject(
                                "select coalesce(sum(amount), 0) from %3$s where owner_id = ?", BigDecimal.class, ownerId);
                        return total == null ? BigDecimal.ZERO : total;
                    }

                    public Map<String, Object> statistics() {
                        return jdbc.queryForMap(
                                "select count(*) as total, max(updated_at) as last_update from %3$s where status <> 'ARCHIVED'");
                    }

                    public int archiveOlderThan(int days) {
                        return jdbc.update(
                                "update %3$s set status = 'ARCHIVED' where updated_at < now() - make_interval(days => ?)", days);
                    }

                    private Row row(ResultSet rs, int rowNum) throws SQLException {
                        return new Row(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getBigDecimal("amount"));
                    }
                }
                """.formatted(pkg, name, table, byName));
    }

    private void dtos(String pkg, String name) throws IOException {
        String dto = pkg + ".web.dto";
        javaFile(dto, "Create" + name + "Request", """
                package %1$s.web.dto;

                import jakarta.validation.constraints.NotBlank;
                import jakarta.validation.constraints.PositiveOrZero;
                import jakarta.validation.constraints.Size;
                import java.math.BigDecimal;

                public record Create%2$sRequest(
                        @NotBlank @Size(max = 64) String code,
                        @NotBlank @Size(max = 255) String name,
                        @Size(max = 2000) String description,
                        @PositiveOrZero BigDecimal amount,
                        @PositiveOrZero int quantity,
                        Long ownerId) {
                }
                """.formatted(pkg, name));
        javaFile(dto, "Update" + name + "Request", """
                package %1$s.web.dto;

                import jakarta.validation.constraints.NotBlank;
                import jakarta.validation.constraints.PositiveOrZero;
                import jakarta.validation.constraints.Size;
                import java.math.BigDecimal;

                public record Update%2$sRequest(
                        @NotBlank @Size(max = 255) String name,
                        @Size(max = 2000) String description,
                        @PositiveOrZero BigDecimal amount,
                        @PositiveOrZero int quantity) {
                }
                """.formatted(pkg, name));
        javaFile(dto, name + "Response", """
                package %1$s.web.dto;

                import java.math.BigDecimal;
                import java.time.Instant;

                public record %2$sResponse(
                        Long id,
                        String code,
                        String name,
                        String description,
                        String status,
                        BigDecimal amount,
                        int quantity,
                        Long ownerId,
                        Instant createdAt,
                        Instant updatedAt) {
                }
                """.formatted(pkg, name));
        javaFile(dto, name + "StatusChange", """
                package %1$s.web.dto;

                import jakarta.validation.constraints.NotNull;

                public record %2$sStatusChange(@NotNull String status, String reason) {
                }
                """.formatted(pkg, name));
    }

    private void mapper(String pkg, String name) throws IOException {
        javaFile(pkg + ".mapper", name + "Mapper", """
                package %1$s.mapper;

                import %1$s.domain.%2$s;
                import %1$s.web.dto.Create%2$sRequest;
                import %1$s.web.dto.%2$sResponse;
                import java.math.BigDecimal;
                import java.util.List;
                import java.util.Locale;
                import org.springframework.stereotype.Component;

                @Component
                public class %2$sMapper {

                    public %2$s toEntity(Create%2$sRequest request) {
                        %2$s entity = new %2$s(normalizeCode(request.code()), request.name().strip(), request.ownerId());
                        entity.rename(request.name().strip(), request.description());
                        entity.adjust(request.amount() == null ? BigDecimal.ZERO : request.amount(), request.quantity());
                        return entity;
                    }

                    public %2$sResponse toResponse(%2$s entity) {
                        return new %2$sResponse(
                                entity.getId(),
                                entity.getCode(),
                                entity.getName(),
                                entity.getDescription(),
                                entity.getStatus().name(),
                                entity.getAmount(),
                                entity.getQuantity(),
                                entity.getOwnerId(),
                                entity.getCreatedAt(),
                                entity.getUpdatedAt());
                    }

                    public List<%2$sResponse> toResponses(List<%2$s> entities) {
                        return entities.stream().map(this::toResponse).toList();
                    }

                    static String normalizeCode(String code) {
                        return code.strip().toUpperCase(Locale.ROOT).replace(' ', '-');
                    }
                }
                """.formatted(pkg, name));
    }

    private void events(String pkg, String name) throws IOException {
        javaFile(pkg + ".event", name + "Changed", """
                package %1$s.event;

                import java.time.Instant;

                /** Published after a %2$s was created or changed. */
                public record %2$sChanged(Long id, String code, String status, Instant at) {

                    public static %2$sChanged now(Long id, String code, String status) {
                        return new %2$sChanged(id, code, status, Instant.now());
                    }
                }
                """.formatted(pkg, name));
    }

    private void service(String pkg, String name) throws IOException {
        String var = decap(name);
        boolean concat = plant("log-string-concat");
        boolean swallowed = plant("swallowed-exception");
        boolean sysout = plant("system-out-logging");
        boolean stackTrace = plant("print-stack-trace");
        boolean privateTx = plant("transactional-proxy-bypass");
        String createdLog = concat
                ? "log.info(\"Created " + var + " \" + saved.getCode() + \" with id \" + saved.getId());"
                : "log.info(\"Created " + var + " {} with id {}\", saved.getCode(), saved.getId());";
        String publish = swallowed
                ? """
                        try {
                            events.publishEvent(%sChanged.now(saved.getId(), saved.getCode(), saved.getStatus().name()));
                        } catch (RuntimeException e) {
                        }
                """.formatted(name)
                : """
                        try {
                            events.publishEvent(%sChanged.now(saved.getId(), saved.getCode(), saved.getStatus().name()));
                        } catch (RuntimeException e) {
                            log.warn("Could not publish change of {}", saved.getCode(), e);
                        }
                """.formatted(name);
        String report = sysout
                ? "        System.out.println(\"archived \" + archived.size() + \" records\");\n"
                : "        log.info(\"Archived {} records\", archived.size());\n";
        String helperVisibility = privateTx ? "@Transactional\n    private" : "private";
        javaFile(pkg + ".service", name + "Service", """
                package %1$s.service;

                import %2$s.common.ConflictException;
                import %2$s.common.NotFoundException;
                import %1$s.domain.%3$s;
                import %1$s.domain.%3$sStatus;
                import %1$s.event.%3$sChanged;
                import %1$s.mapper.%3$sMapper;
                import %1$s.repository.%3$sQueryRepository;
                import %1$s.repository.%3$sRepository;
                import %1$s.web.dto.Create%3$sRequest;
                import %1$s.web.dto.Update%3$sRequest;
                import %1$s.web.dto.%3$sResponse;
                import java.math.BigDecimal;
                import java.math.RoundingMode;
                import java.time.Duration;
                import java.time.Instant;
                import java.util.ArrayList;
                import java.util.List;
                import java.util.Map;
                import java.util.stream.Collectors;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;
                import org.springframework.context.ApplicationEventPublisher;
                import org.springframework.data.domain.Page;
                import org.springframework.data.domain.PageRequest;
                import org.springframework.data.domain.Sort;
                import org.springframework.stereotype.Service;
                import org.springframework.transaction.annotation.Transactional;

                @Service
                public class %3$sService {

                    private static final Logger log = LoggerFactory.getLogger(%3$sService.class);
                    private static final int MAX_PAGE_SIZE = 200;
                    private static final Duration STALE_AFTER = Duration.ofDays(90);

                    private final %3$sRepository repository;
                    private final %3$sQueryRepository queries;
                    private final %3$sMapper mapper;
                    private final ApplicationEventPublisher events;

                    public %3$sService(%3$sRepository repository, %3$sQueryRepository queries, %3$sMapper mapper,
                            ApplicationEventPublisher events) {
                        this.repository = repository;
                        this.queries = queries;
                        this.mapper = mapper;
                        this.events = events;
                    }

                    @Transactional(readOnly = true)
                    public %3$sResponse get(Long id) {
                        return mapper.toResponse(load(id));
                    }

                    @Transactional(readOnly = true)
                    public Page<%3$sResponse> list(String status, int page, int size) {
                        PageRequest request = PageRequest.of(Math.max(page, 0), Math.min(Math.max(size, 1), MAX_PAGE_SIZE),
                                Sort.by(Sort.Direction.DESC, "createdAt"));
                        Page<%3$s> result = status == null
                                ? repository.findAll(request)
                                : repository.findByStatus(parseStatus(status), request);
                        return result.map(mapper::toResponse);
                    }

                    @Transactional
                    public %3$sResponse create(Create%3$sRequest request) {
                        if (repository.existsByCode(request.code())) {
                            throw new ConflictException("%4$s with code " + request.code() + " exists already");
                        }
                        %3$s saved = repository.save(mapper.toEntity(request));
                        %5$s
                        publish(saved);
                        return mapper.toResponse(saved);
                    }

                    @Transactional
                    public %3$sResponse update(Long id, Update%3$sRequest request) {
                        %3$s %4$s = load(id);
                        if (%4$s.getStatus().isTerminal()) {
                            throw new ConflictException("%4$s " + id + " is archived");
                        }
                        %4$s.rename(request.name().strip(), request.description());
                        %4$s.adjust(request.amount(), request.quantity());
                        %3$s saved = repository.save(%4$s);
                        log.debug("Updated {}", saved.getCode());
                        publish(saved);
                        return mapper.toResponse(saved);
                    }

                    @Transactional
                    public %3$sResponse changeStatus(Long id, String status, String reason) {
                        %3$s %4$s = load(id);
                        %3$sStatus next = parseStatus(status);
                        try {
                            %4$s.changeStatus(next);
                        } catch (IllegalStateException e) {
                %9$s            throw new ConflictException(e.getMessage());
                        }
                        %3$s saved = repository.save(%4$s);
                        log.info("{} moved to {} ({})", saved.getCode(), next, reason == null ? "no reason given" : reason);
                        publish(saved);
                        return mapper.toResponse(saved);
                    }

                    @Transactional
                    public void delete(Long id) {
                        %3$s %4$s = load(id);
                        if (%4$s.getStatus() == %3$sStatus.ACTIVE) {
                            throw new ConflictException("suspend %4$s " + id + " before deleting it");
                        }
                        repository.delete(%4$s);
                        log.info("Deleted {}", %4$s.getCode());
                    }

                    @Transactional(readOnly = true)
                    public List<%3$sResponse> search(String fragment) {
                        if (fragment == null || fragment.isBlank()) {
                            return List.of();
                        }
                        List<Long> ids = queries.searchByName(fragment.strip()).stream().map(%3$sQueryRepository.Row::id).toList();
                        return mapper.toResponses(repository.findAllById(ids));
                    }

                    @Transactional(readOnly = true)
                    public Map<String, BigDecimal> averageAmountByStatus(Long ownerId) {
                        List<%3$s> owned = repository.findByOwnerIdOrderByCreatedAtDesc(ownerId);
                        return owned.stream().collect(Collectors.groupingBy(e -> e.getStatus().name(),
                                Collectors.collectingAndThen(Collectors.toList(), this::average)));
                    }

                    @Transactional
                    public int archiveStale() {
                        List<%3$s> stale = repository.findByStatusAndUpdatedAtBefore(%3$sStatus.SUSPENDED,
                                Instant.now().minus(STALE_AFTER));
                        List<%3$s> archived = new ArrayList<>();
                        for (%3$s candidate : stale) {
                            if (candidate.getQuantity() == 0 || candidate.getAmount().signum() == 0) {
                                candidate.changeStatus(%3$sStatus.ARCHIVED);
                                archived.add(candidate);
                            }
                        }
                        repository.saveAll(archived);
                %6$s        return archived.size();
                    }

                    %7$s BigDecimal average(List<%3$s> items) {
                        if (items.isEmpty()) {
                            return BigDecimal.ZERO;
                        }
                        BigDecimal sum = BigDecimal.ZERO;
                        for (%3$s item : items) {
                            sum = sum.add(item.getAmount());
                        }
                        return sum.divide(BigDecimal.valueOf(items.size()), 2, RoundingMode.HALF_UP);
                    }

                    private void publish(%3$s saved) {
                %8$s    }

                    private %3$s load(Long id) {
                        return repository.findById(id).orElseThrow(() -> new NotFoundException("%3$s", id));
                    }

                    private static %3$sStatus parseStatus(String status) {
                        try {
                            return %3$sStatus.valueOf(status.strip().toUpperCase(java.util.Locale.ROOT));
                        } catch (IllegalArgumentException e) {
                            throw new IllegalArgumentException("unknown status " + status, e);
                        }
                    }
                }
                """.formatted(pkg, BASE_PACKAGE, name, var, createdLog, report, helperVisibility, publish,
                stackTrace ? "            e.printStackTrace();\n" : ""));
    }

    private void controller(String pkg, String ctx, String name) throws IOException {
        String var = decap(name);
        String path = "/api/" + ctx.toLowerCase(Locale.ROOT) + "/" + snake(name).replace('_', '-') + "s";
        boolean dataAccess = plant("controller-data-access");
        boolean noValid = plant("missing-input-validation");
        boolean tx = plant("transactional-controller");
        String repoImport = dataAccess ? "import " + pkg + ".repository." + name + "Repository;\n" : "";
        String txImport = tx ? "import org.springframework.transaction.annotation.Transactional;\n" : "";
        String repoField = dataAccess ? "    private final " + name + "Repository repository;\n" : "";
        String repoParam = dataAccess ? ", " + name + "Repository repository" : "";
        String repoAssign = dataAccess ? "        this.repository = repository;\n" : "";
        String countBody = dataAccess
                ? "        return Map.of(\"total\", repository.count());\n"
                : "        return Map.of(\"total\", service.list(null, 0, 1).getTotalElements());\n";
        String valid = noValid ? "" : "@Valid ";
        javaFile(pkg + ".web", name + "Controller", """
                package %1$s.web;

                import %2$s.common.PageResponse;
                %9$simport %1$s.service.%3$sService;
                import %1$s.web.dto.Create%3$sRequest;
                import %1$s.web.dto.Update%3$sRequest;
                import %1$s.web.dto.%3$sResponse;
                import %1$s.web.dto.%3$sStatusChange;
                import jakarta.validation.Valid;
                import java.net.URI;
                import java.util.List;
                import java.util.Map;
                import org.springframework.http.HttpStatus;
                import org.springframework.http.ResponseEntity;
                %10$simport org.springframework.web.bind.annotation.DeleteMapping;
                import org.springframework.web.bind.annotation.GetMapping;
                import org.springframework.web.bind.annotation.PathVariable;
                import org.springframework.web.bind.annotation.PostMapping;
                import org.springframework.web.bind.annotation.PutMapping;
                import org.springframework.web.bind.annotation.RequestBody;
                import org.springframework.web.bind.annotation.RequestMapping;
                import org.springframework.web.bind.annotation.RequestParam;
                import org.springframework.web.bind.annotation.ResponseStatus;
                import org.springframework.web.bind.annotation.RestController;

                @RestController
                %11$s@RequestMapping("%5$s")
                public class %3$sController {

                    private final %3$sService service;
                %6$s
                    public %3$sController(%3$sService service%7$s) {
                        this.service = service;
                %8$s    }

                    @GetMapping
                    public PageResponse<%3$sResponse> list(@RequestParam(required = false) String status,
                            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "20") int size) {
                        return PageResponse.of(service.list(status, page, size), r -> r);
                    }

                    @GetMapping("/{id}")
                    public %3$sResponse get(@PathVariable Long id) {
                        return service.get(id);
                    }

                    @GetMapping("/search")
                    public List<%3$sResponse> search(@RequestParam("q") String query) {
                        return service.search(query);
                    }

                    @GetMapping("/count")
                    public Map<String, Long> count() {
                %12$s    }

                    @PostMapping
                    public ResponseEntity<%3$sResponse> create(%13$s@RequestBody Create%3$sRequest request) {
                        %3$sResponse created = service.create(request);
                        return ResponseEntity.created(URI.create("%5$s/" + created.id())).body(created);
                    }

                    @PutMapping("/{id}")
                    public %3$sResponse update(@PathVariable Long id, @Valid @RequestBody Update%3$sRequest request) {
                        return service.update(id, request);
                    }

                    @PostMapping("/{id}/status")
                    public %3$sResponse changeStatus(@PathVariable Long id, @Valid @RequestBody %3$sStatusChange change) {
                        return service.changeStatus(id, change.status(), change.reason());
                    }

                    @DeleteMapping("/{id}")
                    @ResponseStatus(HttpStatus.NO_CONTENT)
                    public void delete(@PathVariable Long id) {
                        service.delete(id);
                    }
                }
                """.formatted(pkg, BASE_PACKAGE, name, var, path, repoField, repoParam, repoAssign, repoImport, txImport,
                tx ? "@Transactional\n" : "", countBody, valid));
    }

    private void config(String pkg, String ctx, Set<String> names) throws IOException {
        StringBuilder beans = new StringBuilder();
        for (String name : names) {
            beans.append("""

                        @Bean
                        public Duration %1$sCacheTtl(@Value("${shop.%2$s.cache-ttl:PT5M}") Duration ttl) {
                            return ttl.isNegative() ? Duration.ofMinutes(5) : ttl;
                        }
                    """.formatted(decap(name), ctx.toLowerCase(Locale.ROOT)));
        }
        javaFile(pkg + ".config", ctx + "Config", """
                package %1$s.config;

                import java.time.Duration;
                import org.springframework.beans.factory.annotation.Value;
                import org.springframework.context.annotation.Bean;
                import org.springframework.context.annotation.Configuration;

                /** Settings of the %2$s context, from {@code shop.%2$s.*}. */
                @Configuration
                public class %3$sConfig {

                    @Bean
                    public Integer %2$sPageSize(@Value("${shop.%2$s.page-size:20}") int pageSize) {
                        if (pageSize < 1 || pageSize > 200) {
                            throw new IllegalArgumentException("shop.%2$s.page-size must be between 1 and 200");
                        }
                        return pageSize;
                    }
                %4$s}
                """.formatted(pkg, ctx.toLowerCase(Locale.ROOT), ctx, beans));
    }

    private void listener(String pkg, String ctx, Set<String> names) throws IOException {
        StringBuilder imports = new StringBuilder();
        StringBuilder methods = new StringBuilder();
        for (String name : names) {
            imports.append("import ").append(pkg).append(".event.").append(name).append("Changed;\n");
            methods.append("""

                        @EventListener
                        public void on(%1$sChanged event) {
                            counts.merge("%1$s:" + event.status(), 1L, Long::sum);
                            log.debug("{} {} is now {}", "%1$s", event.code(), event.status());
                        }
                    """.formatted(name));
        }
        javaFile(pkg + ".event", ctx + "AuditListener", """
                package %1$s.event;

                %2$simport java.util.Map;
                import java.util.concurrent.ConcurrentHashMap;
                import org.slf4j.Logger;
                import org.slf4j.LoggerFactory;
                import org.springframework.context.event.EventListener;
                import org.springframework.stereotype.Component;

                /** Keeps in-memory counts of the changes in this context, for the audit endpoint. */
                @Component
                public class %3$sAuditListener {

                    private static final Logger log = LoggerFactory.getLogger(%3$sAuditListener.class);

                    private final Map<String, Long> counts = new ConcurrentHashMap<>();

                    public Map<String, Long> counts() {
                        return Map.copyOf(counts);
                    }
                %4$s}
                """.formatted(pkg, imports, ctx, methods));
    }

    private void migration(String table) throws IOException {
        migration++;
        write(out.resolve("src/main/resources/db/migration/V" + migration + "__create_" + table + ".sql"), """
                create table %1$s (
                    id          bigserial primary key,
                    code        varchar(64)   not null unique,
                    name        varchar(255)  not null,
                    description varchar(2000),
                    status      varchar(32)   not null,
                    amount      numeric(19, 2),
                    quantity    integer       not null default 0,
                    owner_id    bigint,
                    created_at  timestamp     not null,
                    updated_at  timestamp,
                    version     bigint        not null default 0
                );

                create index %1$s_owner_idx on %1$s (owner_id);
                create index %1$s_status_idx on %1$s (status, updated_at);
                """.formatted(table));
    }

    // ---------------------------------------------------------------- helpers

    /** Whether this eligible element gets the pitfall; counts both. */
    private boolean plant(String rule) {
        eligible.merge(rule, 1, Integer::sum);
        boolean hit = random.nextInt(PITFALLS.get(rule)) == 0;
        if (hit) {
            planted.merge(rule, 1, Integer::sum);
        }
        return hit;
    }

    private void javaFile(String pkg, String type, String text) throws IOException {
        Path file = out.resolve("src/main/java/" + pkg.replace('.', '/') + "/" + type + ".java");
        long before = lines;
        write(file, text);
        javaLines += lines - before;
        classes++;
    }

    private void write(Path file, String text) throws IOException {
        lines += text.lines().filter(l -> !l.isBlank()).count();
        writeRaw(file, text);
    }

    private static void writeRaw(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            throw new UncheckedIOException(new IOException(file + " would be written twice"));
        }
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String decap(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
