package io.archlint.engine.migrations;

import io.archlint.engine.Skipped;
import io.archlint.engine.migrations.ChangeRecorder.ColumnDef;
import io.archlint.engine.migrations.ChangeRecorder.IndexDef;
import io.archlint.engine.migrations.SchemaChange.Kind;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads a Liquibase changelog (XML, YAML, JSON or formatted SQL) and the changelogs it includes,
 * in the order Liquibase runs them. Each changeSet becomes a {@link Migration}.
 */
final class LiquibaseReader {

    private static final Pattern FORMATTED_HEADER = Pattern.compile("(?i)^\\s*--\\s*liquibase\\s+formatted\\s+sql.*");
    private static final Pattern CHANGESET = Pattern.compile("(?i)^\\s*--\\s*changeset\\s+(\\S+?):(\\S+)(.*)$");
    private static final Set<String> CHANGELOG_EXTENSIONS = Set.of("xml", "yaml", "yml", "json", "sql");
    private static final List<String> DEFAULT_ATTRIBUTES = List.of("defaultValue", "defaultValueNumeric",
            "defaultValueBoolean", "defaultValueDate", "defaultValueComputed", "defaultValueSequenceNext");

    /** A changelog element, from XML or YAML alike. */
    record Element(String name, Map<String, String> attributes, Map<String, Integer> attributeLines,
            List<Element> children, String text, int line, int textLine) {

        String attribute(String key) {
            return attributes.get(key);
        }

        boolean flag(String key) {
            return "true".equalsIgnoreCase(attributes.getOrDefault(key, "").strip());
        }

        String describe() {
            return name + attributes.entrySet().stream().map(e -> " " + e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining());
        }
    }

    private final Function<Path, String> relativizer;
    private final Consumer<Skipped> skipped;
    private final ChangeRecorder recorder;
    private final SqlDdl ddl;
    private final List<Path> roots;
    private final Path baseDir;
    private final Set<Path> visited = new HashSet<>();

    LiquibaseReader(Function<Path, String> relativizer, Consumer<Skipped> skipped, ChangeRecorder recorder,
            SqlDdl ddl, List<Path> roots, Path baseDir) {
        this.relativizer = relativizer;
        this.skipped = skipped;
        this.recorder = recorder;
        this.ddl = ddl;
        this.roots = roots;
        this.baseDir = baseDir;
    }

    /** A changelog path as Liquibase resolves it: on the classpath (resource roots), else under the base directory. */
    static Path find(String location, List<Path> roots, Path baseDir) {
        String loc = location.strip().replaceFirst("^classpath\\*?:", "").replaceFirst("^/+", "");
        if (loc.isEmpty()) {
            return null;
        }
        for (Path root : roots) {
            Path candidate = root.resolve(loc).normalize();
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        Path candidate = baseDir.resolve(loc).normalize();
        return Files.isRegularFile(candidate) ? candidate : null;
    }

    void read(Path master, List<Migration> migrations) {
        if (master != null) {
            readChangelog(master, migrations);
        }
    }

    private void readChangelog(Path path, List<Migration> migrations) {
        Path normalized = path.toAbsolutePath().normalize();
        if (!visited.add(normalized)) {
            return;
        }
        String file = relativizer.apply(normalized);
        String text;
        try {
            text = Files.readString(normalized, StandardCharsets.UTF_8);
        } catch (IOException | RuntimeException e) {
            skipped.accept(new Skipped(file, "changelog not read: " + MigrationsReader.firstLine(e)));
            return;
        }
        String extension = extension(normalized);
        if (extension.equals("sql")) {
            readSqlChangelog(text, file, migrations);
            return;
        }
        Element root;
        try {
            root = extension.equals("xml") ? xml(text) : yaml(text);
        } catch (XMLStreamException | RuntimeException e) {
            skipped.accept(new Skipped(file, "changelog not read: " + MigrationsReader.firstLine(e)));
            return;
        }
        if (root == null) {
            return;
        }
        for (Element child : root.children()) {
            switch (child.name()) {
                case "include" -> include(normalized, file, child, migrations);
                case "includeAll" -> includeAll(normalized, file, child, migrations);
                case "changeSet" -> changeSet(file, child, migrations);
                default -> { }
            }
        }
    }

    private void include(Path changelog, String file, Element include, List<Migration> migrations) {
        String target = include.attribute("file");
        if (target == null || target.isBlank()) {
            return;
        }
        Path resolved = include.flag("relativeToChangelogFile")
                ? existing(changelog.getParent().resolve(target.strip()))
                : find(target, roots, baseDir);
        if (resolved == null && !include.flag("relativeToChangelogFile")) {
            resolved = existing(changelog.getParent().resolve(target.strip()));
        }
        if (resolved == null) {
            skipped.accept(new Skipped(file, "included changelog " + target.strip() + " (line " + include.line()
                    + ") not found"));
            return;
        }
        readChangelog(resolved, migrations);
    }

    private void includeAll(Path changelog, String file, Element includeAll, List<Migration> migrations) {
        String target = includeAll.attribute("path");
        if (target == null || target.isBlank()) {
            return;
        }
        String loc = target.strip().replaceFirst("^classpath\\*?:", "");
        List<Path> candidates = new ArrayList<>();
        if (includeAll.flag("relativeToChangelogFile")) {
            candidates.add(changelog.getParent().resolve(loc));
        } else {
            String relative = loc.replaceFirst("^/+", "");
            roots.forEach(r -> candidates.add(r.resolve(relative)));
            candidates.add(baseDir.resolve(relative));
        }
        Path dir = candidates.stream().map(Path::normalize).filter(Files::isDirectory).findFirst().orElse(null);
        if (dir == null) {
            skipped.accept(new Skipped(file, "includeAll path " + target.strip() + " (line " + includeAll.line()
                    + ") not found"));
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            // Liquibase runs them in alphabetical order of their paths.
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> CHANGELOG_EXTENSIONS.contains(extension(p)))
                    .sorted((a, b) -> dir.relativize(a).toString().replace('\\', '/')
                            .compareTo(dir.relativize(b).toString().replace('\\', '/')))
                    .toList();
            files.forEach(f -> readChangelog(f, migrations));
        } catch (IOException | UncheckedIOException e) {
            skipped.accept(new Skipped(file, "includeAll path " + target.strip() + " not listed: "
                    + MigrationsReader.firstLine(e)));
        }
    }

    private static Path existing(Path path) {
        Path normalized = path.normalize();
        return Files.isRegularFile(normalized) ? normalized : null;
    }

    private static String extension(Path path) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    // ---- changeSets ----

    private void changeSet(String file, Element changeSet, List<Migration> migrations) {
        List<SchemaChange> changes = new ArrayList<>();
        for (Element change : changeSet.children()) {
            try {
                change(file, change, changes);
            } catch (RuntimeException e) {
                skipped.accept(new Skipped(file, "change " + change.name() + " at line " + change.line()
                        + " not understood: " + MigrationsReader.firstLine(e)));
            }
        }
        String author = changeSet.attributes().getOrDefault("author", "");
        String id = changeSet.attributes().getOrDefault("id", "");
        migrations.add(new Migration(file, null, author + ":" + id, migrations.size(), Migration.Tool.LIQUIBASE,
                changes));
    }

    private void change(String file, Element change, List<SchemaChange> changes) {
        recorder.at(file, change.line(), change.describe());
        String table = Names.normalize(change.attribute("tableName"));
        switch (change.name()) {
            case "createTable" -> createTable(table, change);
            case "addColumn" -> columns(change).forEach(c -> recorder.addColumn(table, column(c)));
            case "dropColumn" -> {
                if (change.attribute("columnName") != null) {
                    recorder.dropColumn(table, Names.normalize(change.attribute("columnName")));
                }
                columns(change).forEach(c -> recorder.dropColumn(table, Names.normalize(c.attribute("name"))));
            }
            case "dropTable" -> recorder.dropTable(table);
            case "renameColumn" -> recorder.renameColumn(table, Names.normalize(change.attribute("oldColumnName")),
                    Names.normalize(change.attribute("newColumnName")));
            case "renameTable" -> recorder.renameTable(Names.normalize(change.attribute("oldTableName")),
                    Names.normalize(change.attribute("newTableName")));
            case "modifyDataType" -> recorder.changeType(table, Names.normalize(change.attribute("columnName")),
                    change.attribute("newDataType"), true);
            case "addNotNullConstraint" -> recorder.setNotNull(table,
                    Names.normalize(change.attribute("columnName")), true);
            case "dropNotNullConstraint" -> recorder.dropNotNull(table,
                    Names.normalize(change.attribute("columnName")));
            case "addDefaultValue" -> recorder.setDefault(table, Names.normalize(change.attribute("columnName")),
                    true);
            case "dropDefaultValue" -> recorder.setDefault(table, Names.normalize(change.attribute("columnName")),
                    false);
            case "createIndex" -> recorder.index(table, new IndexDef(Kind.CREATE_INDEX,
                    Names.normalize(change.attribute("indexName")),
                    columns(change).stream().map(c -> Names.normalize(c.attribute("name"))).toList(),
                    change.flag("unique")));
            case "dropIndex" -> recorder.dropIndex(table, Names.normalize(change.attribute("indexName")));
            case "addPrimaryKey" -> recorder.index(table, new IndexDef(Kind.ADD_PRIMARY_KEY,
                    Names.normalize(change.attribute("constraintName")), names(change.attribute("columnNames")), true));
            case "addUniqueConstraint" -> recorder.index(table, new IndexDef(Kind.ADD_UNIQUE,
                    Names.normalize(change.attribute("constraintName")), names(change.attribute("columnNames")), true));
            case "addForeignKeyConstraint" -> recorder.index(Names.normalize(change.attribute("baseTableName")),
                    new IndexDef(Kind.ADD_FOREIGN_KEY, Names.normalize(change.attribute("constraintName")),
                            names(change.attribute("baseColumnNames")), false));
            case "dropPrimaryKey" -> recorder.dropPrimaryKey(table);
            case "dropUniqueConstraint" -> recorder.dropConstraint(table,
                    Names.normalize(change.attribute("constraintName")));
            case "sql" -> sql(file, change, changes);
            case "sqlFile" -> sqlFile(file, change, changes);
            default -> { }
        }
        changes.addAll(recorder.drain());
    }

    private void createTable(String table, Element change) {
        List<Element> columns = columns(change);
        List<String> primaryKey = columns.stream().filter(c -> constraints(c).flag("primaryKey"))
                .map(c -> Names.normalize(c.attribute("name"))).toList();
        List<ColumnDef> defs = new ArrayList<>();
        for (Element column : columns) {
            ColumnDef def = column(column);
            // A composite primary key is one constraint over all its columns.
            defs.add(primaryKey.size() > 1 && def.primaryKey()
                    ? new ColumnDef(def.name(), def.type(), true, def.hasDefault(), false, def.unique(),
                            def.references())
                    : def);
        }
        List<IndexDef> constraints = new ArrayList<>();
        if (primaryKey.size() > 1) {
            Element first = columns.stream().filter(c -> constraints(c).flag("primaryKey")).findFirst().orElseThrow();
            constraints.add(new IndexDef(Kind.ADD_PRIMARY_KEY,
                    Names.normalize(constraints(first).attribute("primaryKeyName")), primaryKey, true));
        }
        recorder.createTable(table, defs, constraints, false);
    }

    private static List<Element> columns(Element change) {
        return change.children().stream().filter(c -> c.name().equals("column") && c.attribute("name") != null)
                .toList();
    }

    private static Element constraints(Element column) {
        return column.children().stream().filter(c -> c.name().equals("constraints")).findFirst()
                .orElse(new Element("constraints", Map.of(), Map.of(), List.of(), "", column.line(), column.line()));
    }

    private static ColumnDef column(Element column) {
        Element constraints = constraints(column);
        boolean primaryKey = constraints.flag("primaryKey");
        boolean notNull = primaryKey || "false".equalsIgnoreCase(constraints.attributes()
                .getOrDefault("nullable", "").strip());
        boolean hasDefault = column.flag("autoIncrement")
                || DEFAULT_ATTRIBUTES.stream().anyMatch(a -> column.attribute(a) != null);
        boolean references = constraints.attribute("references") != null
                || constraints.attribute("referencedTableName") != null
                || constraints.attribute("foreignKeyName") != null;
        return new ColumnDef(Names.normalize(column.attribute("name")), column.attributes().getOrDefault("type", ""),
                notNull, hasDefault, primaryKey, constraints.flag("unique"), references);
    }

    private static List<String> names(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(Names::normalize).toList();
    }

    private void sql(String file, Element change, List<SchemaChange> changes) {
        String text;
        int line;
        if (change.attribute("sql") != null) {
            text = change.attribute("sql");
            line = change.attributeLines().getOrDefault("sql", change.line());
        } else {
            text = change.text();
            line = change.textLine();
        }
        applySql(text, change, line, file, changes);
    }

    private void sqlFile(String file, Element change, List<SchemaChange> changes) {
        String path = change.attribute("path");
        if (path == null) {
            return;
        }
        Path changelog = baseDir.resolve(file);
        Path resolved = change.flag("relativeToChangelogFile") ? existing(changelog.getParent().resolve(path.strip()))
                : find(path, roots, baseDir);
        if (resolved == null) {
            skipped.accept(new Skipped(file, "sqlFile " + path.strip() + " (line " + change.line() + ") not found"));
            return;
        }
        String sqlFile = relativizer.apply(resolved);
        try {
            applySql(Files.readString(resolved, StandardCharsets.UTF_8), change, 1, sqlFile, changes);
        } catch (IOException | RuntimeException e) {
            skipped.accept(new Skipped(sqlFile, "sqlFile not read: " + MigrationsReader.firstLine(e)));
        }
    }

    private void applySql(String text, Element change, int line, String file, List<SchemaChange> changes) {
        boolean split = !"false".equalsIgnoreCase(change.attributes().getOrDefault("splitStatements", "true"));
        String delimiter = split ? change.attributes().getOrDefault("endDelimiter", ";") : "\u0000";
        changes.addAll(recorder.drain());
        MigrationsReader.applySql(text, delimiter, line, file, recorder, ddl, changes, skipped);
    }

    // ---- formatted SQL ----

    private void readSqlChangelog(String text, String file, List<Migration> migrations) {
        String[] lines = text.split("\n", -1);
        boolean formatted = Arrays.stream(lines).filter(l -> !l.isBlank()).findFirst()
                .map(l -> FORMATTED_HEADER.matcher(l).matches()).orElse(false);
        if (!formatted) {
            // A plain SQL file in a changelog runs as one changeSet.
            List<SchemaChange> changes = new ArrayList<>();
            MigrationsReader.applySql(text, ";", 1, file, recorder, ddl, changes, skipped);
            migrations.add(new Migration(file, null, Path.of(file).getFileName().toString(), migrations.size(),
                    Migration.Tool.LIQUIBASE, changes));
            return;
        }
        int i = 0;
        while (i < lines.length) {
            Matcher header = CHANGESET.matcher(lines[i]);
            if (!header.matches()) {
                i++;
                continue;
            }
            int bodyStart = i + 1;
            int end = bodyStart;
            while (end < lines.length && !CHANGESET.matcher(lines[end]).matches()) {
                end++;
            }
            String body = String.join("\n", Arrays.asList(lines).subList(bodyStart, end));
            Map<String, String> options = options(header.group(3));
            boolean split = !"false".equalsIgnoreCase(options.getOrDefault("splitstatements", "true"));
            String delimiter = split ? options.getOrDefault("enddelimiter", ";") : "\u0000";
            List<SchemaChange> changes = new ArrayList<>();
            MigrationsReader.applySql(body, delimiter, bodyStart + 1, file, recorder, ddl, changes, skipped);
            migrations.add(new Migration(file, null, header.group(1) + ":" + header.group(2), migrations.size(),
                    Migration.Tool.LIQUIBASE, changes));
            i = end;
        }
    }

    /** {@code splitStatements:false endDelimiter:/}. */
    private static Map<String, String> options(String rest) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String word : rest.strip().split("\\s+")) {
            int colon = word.indexOf(':');
            if (colon > 0) {
                options.put(word.substring(0, colon).toLowerCase(Locale.ROOT), word.substring(colon + 1));
            }
        }
        return options;
    }

    // ---- XML ----

    /** Reads XML without DTDs or external entities, keeping the line where each element starts. */
    static Element xml(String text) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        int[] lineStarts = lineStarts(text);
        XMLStreamReader reader = factory.createXMLStreamReader(new StringReader(text));
        try {
            Deque<Builder> stack = new ArrayDeque<>();
            Element root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                switch (event) {
                    case XMLStreamConstants.START_ELEMENT -> {
                        int tagEndLine = reader.getLocation().getLineNumber();
                        int offset = reader.getLocation().getCharacterOffset();
                        int startLine = tagEndLine;
                        if (offset > 0 && offset <= text.length()) {
                            int open = text.lastIndexOf('<', offset - 1);
                            if (open >= 0) {
                                startLine = lineOf(lineStarts, open);
                            }
                        }
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int a = 0; a < reader.getAttributeCount(); a++) {
                            attributes.put(reader.getAttributeLocalName(a), reader.getAttributeValue(a));
                        }
                        stack.push(new Builder(reader.getLocalName(), attributes, startLine, tagEndLine));
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!stack.isEmpty()) {
                            stack.peek().text.append(reader.getText());
                        }
                    }
                    case XMLStreamConstants.END_ELEMENT -> {
                        Element element = stack.pop().build();
                        if (stack.isEmpty()) {
                            root = element;
                        } else {
                            stack.peek().children.add(element);
                        }
                    }
                    default -> { }
                }
            }
            return root;
        } finally {
            reader.close();
        }
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int lineOf(int[] lineStarts, int offset) {
        int index = Arrays.binarySearch(lineStarts, offset);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    /** An element while its children are read. */
    private static final class Builder {
        final String name;
        final Map<String, String> attributes;
        final int line;
        final int textLine;
        final List<Element> children = new ArrayList<>();
        final StringBuilder text = new StringBuilder();

        Builder(String name, Map<String, String> attributes, int line, int textLine) {
            this.name = name;
            this.attributes = attributes;
            this.line = line;
            this.textLine = textLine;
        }

        Element build() {
            return new Element(name, attributes, Map.of(), children, text.toString(), line, textLine);
        }
    }

    // ---- YAML and JSON ----

    static Element yaml(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(true);
        options.setCodePointLimit(16 * 1024 * 1024);
        Node document = new Yaml(options).compose(new StringReader(text));
        if (!(document instanceof MappingNode mapping)) {
            return null;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode key && key.getValue().equals("databaseChangeLog")) {
                return element("databaseChangeLog", key, tuple.getValueNode());
            }
        }
        return null;
    }

    /** {@code changeSet: {id: 1, changes: [...]}} becomes an element with attributes and children. */
    private static Element element(String name, Node keyNode, Node value) {
        int line = keyNode.getStartMark().getLine() + 1;
        Map<String, String> attributes = new LinkedHashMap<>();
        Map<String, Integer> attributeLines = new LinkedHashMap<>();
        List<Element> children = new ArrayList<>();
        String text = "";
        int textLine = line;
        if (value instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (!(tuple.getKeyNode() instanceof ScalarNode key)) {
                    continue;
                }
                Node v = tuple.getValueNode();
                if (v instanceof ScalarNode scalar) {
                    attributes.put(key.getValue(), scalar.getValue());
                    attributeLines.put(key.getValue(), contentLine(scalar));
                } else if (v instanceof MappingNode) {
                    children.add(element(key.getValue(), key, v));
                } else if (v instanceof SequenceNode sequence) {
                    addItems(sequence, children);
                }
            }
        } else if (value instanceof SequenceNode sequence) {
            addItems(sequence, children);
        } else if (value instanceof ScalarNode scalar) {
            text = scalar.getValue();
            textLine = contentLine(scalar);
        }
        return new Element(name, attributes, attributeLines, children, text, line, textLine);
    }

    private static void addItems(SequenceNode sequence, List<Element> children) {
        for (Node item : sequence.getValue()) {
            if (item instanceof MappingNode itemMapping) {
                for (NodeTuple tuple : itemMapping.getValue()) {
                    if (tuple.getKeyNode() instanceof ScalarNode key) {
                        children.add(element(key.getValue(), key, tuple.getValueNode()));
                    }
                }
            }
        }
    }

    /** A block scalar ({@code |}, {@code >}) starts on the line after its indicator. */
    private static int contentLine(ScalarNode scalar) {
        int line = scalar.getStartMark().getLine() + 1;
        DumperOptions.ScalarStyle style = scalar.getScalarStyle();
        return style == DumperOptions.ScalarStyle.LITERAL || style == DumperOptions.ScalarStyle.FOLDED ? line + 1 : line;
    }
}
