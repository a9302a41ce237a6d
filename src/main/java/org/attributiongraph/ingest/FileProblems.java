package org.attributiongraph.ingest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;

/**
 * The problems of one JSON file, each placed by JSON pointer and line. Readers collect all of them
 * and throw them together, so a bad file is refused whole with everything wrong listed.
 */
class FileProblems {

    private final String file;
    private final LocatedJson doc;
    private final List<Problem> problems = new ArrayList<>();
    private final Set<String> reported = new HashSet<>();

    FileProblems(String file, LocatedJson doc) {
        this.file = file;
        this.doc = doc;
    }

    void problem(String pointer, String message) {
        problems.add(new Problem(file, doc.lineOf(pointer), pointer, message));
        reported.add(pointer);
    }

    boolean reported(String pointer) {
        return reported.contains(pointer);
    }

    Integer line(String pointer) {
        return doc.lineOf(pointer);
    }

    /**
     * A string field, stripped: null (and a problem) when it is missing but required, not a
     * string, or blank but required; null without a problem when optional and absent or blank.
     */
    String text(JsonNode node, String at, String field, boolean required) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                problem(at + "/" + field, field + " is required");
            }
            return null;
        }
        if (!value.isString()) {
            problem(at + "/" + field, field + " must be a string");
            return null;
        }
        String text = value.asString().strip();
        if (text.isEmpty() && required) {
            problem(at + "/" + field, field + " must not be empty");
        }
        return text.isEmpty() ? null : text;
    }

    void throwIfAny() {
        if (!problems.isEmpty()) {
            throw new ImportRejectedException(file, problems);
        }
    }
}
