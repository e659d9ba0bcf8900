package io.archlint.engine.config;

import java.util.List;
import java.util.Locale;

/** The module's application configuration: every key of every file and profile. */
public final class ConfigFacet {

    private final List<ConfigEntry> entries;
    private final List<String> files;

    public ConfigFacet(List<String> files, List<ConfigEntry> entries) {
        this.files = List.copyOf(files);
        this.entries = List.copyOf(entries);
    }

    /** The configuration files read, relative to the module base directory. */
    public List<String> files() {
        return files;
    }

    public List<ConfigEntry> entries() {
        return entries;
    }

    /**
     * Entries for a key in any profile, matched with Spring's relaxed binding: case, dashes and
     * underscores do not matter ({@code spring.datasource.hikari.maximum-pool-size} equals
     * {@code SPRING_DATASOURCE_HIKARI_MAXIMUMPOOLSIZE}).
     */
    public List<ConfigEntry> get(String key) {
        String wanted = canonical(key);
        return entries.stream().filter(e -> canonical(e.key()).equals(wanted)).toList();
    }

    static String canonical(String key) {
        return key.toLowerCase(Locale.ROOT).replace("-", "").replace("_", ".");
    }
}
