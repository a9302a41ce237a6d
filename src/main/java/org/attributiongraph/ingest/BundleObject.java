package org.attributiongraph.ingest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import tools.jackson.databind.JsonNode;

/**
 * One object of a STIX bundle that passed validation, with its place in the file.
 *
 * @param index position in the bundle's {@code objects} array
 * @param v21   a STIX 2.1 object (else STIX 2.0)
 */
record BundleObject(int index, String type, String id, boolean v21, JsonNode json) {

    String pointer() {
        return "/objects/" + index;
    }

    /** The string value of a property; null when absent, not a string or blank. */
    String text(String field) {
        return text(json, field);
    }

    /** The strings of an array property; empty when absent. */
    List<String> strings(String field) {
        // A set, so that a huge array of repeated values costs linear time.
        var values = new LinkedHashSet<String>();
        for (JsonNode value : json.path(field)) {
            if (value.isString() && !value.asString().isBlank()) {
                values.add(value.asString().strip());
            }
        }
        return new ArrayList<>(values);
    }

    boolean flag(String field) {
        return json.path(field).isBoolean() && json.path(field).booleanValue();
    }

    /** The UTC date of a timestamp property; null when absent. */
    LocalDate date(String field) {
        return dateOf(text(field));
    }

    Integer confidence() {
        JsonNode value = json.get("confidence");
        return value != null && value.isIntegralNumber() && value.canConvertToInt() ? value.asInt() : null;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() && !value.asString().isBlank() ? value.asString().strip() : null;
    }

    static LocalDate dateOf(String timestamp) {
        if (timestamp == null) {
            return null;
        }
        try {
            return LocalDate.ofInstant(Instant.parse(timestamp), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
