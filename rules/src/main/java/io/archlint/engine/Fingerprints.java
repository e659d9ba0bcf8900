package io.archlint.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identities of findings that survive unrelated edits.
 *
 * <p>Hashes the rule id, the file, the enclosing symbol and the offending code with its
 * whitespace normalised, never the line number, so lines added above a finding or a
 * reformatting elsewhere keep its fingerprint.
 */
public final class Fingerprints {

    private Fingerprints() {}

    public static String of(String ruleId, String file, String symbol, String evidence) {
        String normalised = evidence.replaceAll("\\s+", " ").strip();
        String material = ruleId + '\n' + file + '\n' + symbol + '\n' + normalised;
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java runtime", e);
        }
    }
}
