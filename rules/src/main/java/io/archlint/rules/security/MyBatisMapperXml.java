package io.archlint.rules.security;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Finds {@code ${...}} text substitutions in the statements of a MyBatis mapper XML file.
 *
 * <p>A validating pass with the JDK's SAX parser (no DTD or entity is ever fetched) decides
 * whether the file is a well-formed mapper; a small tokenizer then finds each substitution with
 * its exact line and column, in text and CDATA of {@code select}, {@code insert}, {@code update}
 * and {@code delete} elements only (never in attributes, comments or {@code sql} fragments).
 */
final class MyBatisMapperXml {

    /** One {@code ${...}} in a statement body. */
    record Substitution(String namespace, String statement, String expression, int line, int column) {}

    /** Why a mapper file could not be read. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private static final Set<String> STATEMENTS = Set.of("select", "insert", "update", "delete");
    private static final Pattern ATTRIBUTE = Pattern.compile("([\\w:.-]+)\\s*=\\s*(\"[^\"]*\"|'[^']*')");

    private MyBatisMapperXml() {}

    /** Whether the text may be a mapper file; others are not parsed at all. */
    static boolean looksLikeMapper(String text) {
        return text.contains("<mapper");
    }

    /** The substitutions of a mapper, or empty when the file is well-formed XML but not a mapper. */
    static Optional<List<Substitution>> substitutions(String text) throws Unreadable {
        if (!isMapper(text)) {
            return Optional.empty();
        }
        return Optional.of(scan(text));
    }

    private static boolean isMapper(String text) throws Unreadable {
        String[] root = new String[1];
        try {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(false);
            factory.setValidating(false);
            factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.newSAXParser().parse(new InputSource(new StringReader(text)), new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if (root[0] == null) {
                        root[0] = qName;
                    }
                }

                @Override
                public InputSource resolveEntity(String publicId, String systemId) {
                    return new InputSource(new StringReader("")); // never fetch a DTD
                }
            });
        } catch (SAXParseException e) {
            throw new Unreadable("not well-formed XML at line " + e.getLineNumber() + " (" + e.getMessage() + ")");
        } catch (SAXException | IOException e) {
            throw new Unreadable("could not be parsed as XML (" + e.getMessage() + ")");
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser cannot be configured safely", e);
        }
        return "mapper".equals(root[0]);
    }

    private static List<Substitution> scan(String text) {
        List<Substitution> found = new ArrayList<>();
        Deque<String[]> open = new ArrayDeque<>(); // {element name, id attribute}
        String namespace = "";
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("<!--", i)) {
                i = after(text, "-->", i + 4);
            } else if (text.startsWith("<![CDATA[", i)) {
                int end = text.indexOf("]]>", i + 9);
                int stop = end < 0 ? text.length() : end;
                collect(text, i + 9, stop, open, namespace, found);
                i = end < 0 ? text.length() : end + 3;
            } else if (text.startsWith("<?", i)) {
                i = after(text, "?>", i + 2);
            } else if (text.startsWith("<!", i)) {
                i = endOfDoctype(text, i);
            } else if (text.startsWith("</", i)) {
                i = after(text, ">", i + 2);
                if (!open.isEmpty()) {
                    open.pop();
                }
            } else if (text.charAt(i) == '<') {
                int end = endOfTag(text, i);
                String tag = text.substring(i + 1, Math.max(i + 1, end - 1));
                boolean selfClosing = tag.endsWith("/");
                String name = tag.split("[\\s/>]", 2)[0];
                String id = attribute(tag, "id");
                if (open.isEmpty() && name.equals("mapper")) {
                    namespace = attribute(tag, "namespace");
                }
                if (!selfClosing) {
                    open.push(new String[] {name, id});
                }
                i = end;
            } else {
                int end = text.indexOf('<', i);
                int stop = end < 0 ? text.length() : end;
                collect(text, i, stop, open, namespace, found);
                i = stop;
            }
        }
        return found;
    }

    private static void collect(String text, int from, int to, Deque<String[]> open, String namespace,
            List<Substitution> found) {
        String[] statement = null;
        for (String[] element : open) {
            if (element[0].equals("sql")) {
                return; // a fragment: its ${} are usually include properties
            }
            if (STATEMENTS.contains(element[0])) {
                statement = element;
            }
        }
        if (statement == null) {
            return;
        }
        int at = text.indexOf("${", from);
        while (at >= 0 && at < to) {
            int close = text.indexOf('}', at);
            if (close < 0 || close >= to) {
                return;
            }
            String expression = text.substring(at + 2, close).strip();
            if (!expression.isEmpty() && !expression.equals("_databaseId")) {
                int line = 1;
                int lineStart = 0;
                for (int k = 0; k < at; k++) {
                    if (text.charAt(k) == '\n') {
                        line++;
                        lineStart = k + 1;
                    }
                }
                found.add(new Substitution(namespace, statement[1], expression, line, at - lineStart + 1));
            }
            at = text.indexOf("${", close);
        }
    }

    private static String attribute(String tag, String name) {
        Matcher matcher = ATTRIBUTE.matcher(tag);
        while (matcher.find()) {
            if (matcher.group(1).equals(name)) {
                String quoted = matcher.group(2);
                return quoted.substring(1, quoted.length() - 1);
            }
        }
        return "";
    }

    private static int after(String text, String terminator, int from) {
        int end = text.indexOf(terminator, from);
        return end < 0 ? text.length() : end + terminator.length();
    }

    /** The end of a start tag, past quoted attribute values that may hold {@code >}. */
    private static int endOfTag(String text, int from) {
        char quote = 0;
        for (int i = from + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '>') {
                return i + 1;
            }
        }
        return text.length();
    }

    /** The end of {@code <!DOCTYPE ... [ internal subset ]>}. */
    private static int endOfDoctype(String text, int from) {
        int depth = 0;
        for (int i = from + 2; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            } else if (c == '>' && depth <= 0) {
                return i + 1;
            }
        }
        return text.length();
    }
}
