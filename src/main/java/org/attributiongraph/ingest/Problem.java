package org.attributiongraph.ingest;

/**
 * One thing wrong with an uploaded file.
 *
 * @param line    1-based line of the offending value or of the object that holds it; null when unknown
 * @param pointer JSON pointer (RFC 6901) of the offending value, for example {@code /relationships/3/confidence}
 */
public record Problem(String file, Integer line, String pointer, String message) {
}
