package io.archlint.engine;

/**
 * Input the analysis could not use, reported instead of failing.
 *
 * @param file   path relative to the module base directory
 * @param reason what went wrong and what was skipped because of it
 */
public record Skipped(String file, String reason) {}
