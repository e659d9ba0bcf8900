package io.archlint.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version of Archlint that is running, as the build stamped it. */
public final class ArchlintVersion {

    private ArchlintVersion() {}

    public static String get() {
        try (InputStream in = ArchlintVersion.class.getResourceAsStream("archlint.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }
}
