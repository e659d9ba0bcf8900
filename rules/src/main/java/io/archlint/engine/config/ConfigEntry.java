package io.archlint.engine.config;

/**
 * One configuration value.
 *
 * @param profile the profile it applies to, or the empty string for the default profile
 * @param file    path relative to the module base directory
 */
public record ConfigEntry(String key, String value, String profile, String file, int line) {

    public boolean isDefaultProfile() {
        return profile.isEmpty();
    }
}
